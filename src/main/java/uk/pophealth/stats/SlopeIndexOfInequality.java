package uk.pophealth.stats;

import static java.util.Objects.requireNonNull;
import static uk.pophealth.core.PopHealthException.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Slope and relative index of inequality (SII, RII) as PHEindicatormethods {@code phe_sii} (Low &amp; Low 2004).
 *
 * <p>Algorithm, step by step as the R source:
 * <ol>
 *   <li>Quantiles are ordered by number (1 = most deprived first); there must be 5 to 100 of them, each once,
 *       each with population &gt; 0 (R stops otherwise).</li>
 *   <li>Each value and its 95% limits are moved to the sampling scale (log for rates, logit for proportions,
 *       unchanged otherwise); the standard error there is (upper - lower) / (2 x 1.959964), z fixed at 95% as in R,
 *       or the given standard error.</li>
 *   <li>Count-only quantiles: value = count / population; R's phe_sii computes this for proportions only and still
 *       needs limits, so here the 95% limits are those an analyst would feed it: Wilson
 *       ({@link WilsonInterval}, as phe_proportion) for proportions and {@link RateInterval} (as phe_rate: Byar,
 *       exact below 10 events) for rates. Counts are rejected for the NORMAL type.</li>
 *   <li>Point estimate: the weighted regression of {@link SiiRegression} on the values (transform = false) or on
 *       their log/logit (transform = true). transform = false: SII = multiplier x slope, RII = (intercept + slope)
 *       / intercept. transform = true: the line is back-transformed at rank 0 and 1, SII = (f(c + s) - f(c)) x
 *       multiplier, RII = f(c + s) / f(c). A negative multiplier inverts the RII.</li>
 *   <li>Limits by simulation ({@link SiiSimulation}): transform = false draws on the sampling scale and
 *       back-transforms each draw before refitting; limits are order statistics of multiplier x slope and of the
 *       RII. transform = true refits the draws on the transformed scale; the slope limits sL, sU are turned into
 *       lines through the fitted midpoint m = c + s/2 (from m - sL/2 to m + sL/2, likewise for sU) and
 *       back-transformed as the point estimate is, swapping lower and upper for a negative multiplier.
 *       (The transform = true simulation keeping draws on the transformed scale, unmultiplied, is inferred from how
 *       phe_sii uses its result; R swaps at multiplier &lt; 1 for rates but &lt; 0 for proportions, and &lt; 0 is
 *       used for both here.)</li>
 * </ol>
 * Values whose transform is not finite (a rate of 0, a proportion of 0 or 1, a zero count) are rejected with the
 * quantile named, rather than propagating infinities.
 */
public final class SlopeIndexOfInequality {
  private static final int MINIMUM_QUANTILES = 5;
  private static final int MAXIMUM_QUANTILES = 100;
  private static final double LIMITS_CONFIDENCE = 0.95;

  private SlopeIndexOfInequality() {}

  public static SiiResult compute(List<QuantileValue> quantiles, SiiOptions options) {
    requireNonNull(quantiles, "quantiles is null");
    requireNonNull(options, "options is null");
    List<QuantileValue> ordered = ordered(quantiles);
    int n = ordered.size();
    double[] populations = new double[n];
    double[] values = new double[n];
    double[] sampled = new double[n];
    double[] errors = new double[n];
    ValueType type = options.valueType();
    double z = Confidence.z(LIMITS_CONFIDENCE);
    for (int i = 0; i < n; i++) {
      QuantileValue quantile = ordered.get(i);
      checkArgument(!options.transform() || !quantile.hasStandardError(),
          "Cannot compute SII with transform: quantile %s gives a standard error, but transform needs 95%% limits (%s)",
          quantile.quantile(), quantile.standardError());
      double[] valueAndLimits = valueAndLimits(quantile, type);
      populations[i] = quantile.population();
      values[i] = valueAndLimits[0];
      sampled[i] = onSamplingScale(type, values[i], quantile, "value");
      errors[i] = quantile.hasStandardError() ? quantile.standardError()
          : (onSamplingScale(type, valueAndLimits[2], quantile, "upper limit")
              - onSamplingScale(type, valueAndLimits[1], quantile, "lower limit")) / z / 2;
    }
    SiiRegression regression = new SiiRegression(populations);
    return options.transform()
        ? transformed(regression, sampled, errors, options)
        : untransformed(regression, values, sampled, errors, options);
  }

  private static SiiResult untransformed(SiiRegression regression, double[] values, double[] sampled,
      double[] errors, SiiOptions options) {
    double multiplier = options.multiplier();
    double slope = regression.slope(values);
    double intercept = regression.intercept(values);
    double rii = (intercept + slope) / intercept;
    SiiSimulation simulation = SiiSimulation.run(regression, sampled, errors, options.valueType(),
        options.repetitions(), options.seed());
    double[] sii = SiiSimulation.limits(simulation.siiDraws(multiplier), options.confidence());
    double[] riiLimits = SiiSimulation.limits(simulation.riiDraws(multiplier), options.confidence());
    return new SiiResult(multiplier * slope, sii[0], sii[1], multiplier < 0 ? 1 / rii : rii,
        riiLimits[0], riiLimits[1], options.confidence());
  }

  private static SiiResult transformed(SiiRegression regression, double[] sampled, double[] errors,
      SiiOptions options) {
    ValueType type = options.valueType();
    double multiplier = options.multiplier();
    double slope = regression.slope(sampled);
    double intercept = regression.intercept(sampled);
    SiiSimulation simulation = SiiSimulation.run(regression, sampled, errors, null, options.repetitions(),
        options.seed());
    double[] slopeLimits = SiiSimulation.limits(simulation.siiDraws(1), options.confidence());
    double midpoint = (intercept + (intercept + slope)) / 2;
    BackTransformedLine point = BackTransformedLine.of(type, intercept, intercept + slope);
    BackTransformedLine lowerLine = BackTransformedLine.of(type, midpoint - slopeLimits[0] / 2,
        midpoint + slopeLimits[0] / 2);
    BackTransformedLine upperLine = BackTransformedLine.of(type, midpoint - slopeLimits[1] / 2,
        midpoint + slopeLimits[1] / 2);
    boolean flip = multiplier < 0;
    BackTransformedLine low = flip ? upperLine : lowerLine;
    BackTransformedLine high = flip ? lowerLine : upperLine;
    return new SiiResult(point.gap() * multiplier, low.gap() * multiplier, high.gap() * multiplier,
        point.ratio(flip), low.ratio(flip), high.ratio(flip), options.confidence());
  }

  /** A fitted line on the transformed scale, back-transformed at relative rank 0 and 1. */
  private record BackTransformedLine(double atZero, double atOne) {
    static BackTransformedLine of(ValueType type, double zero, double one) {
      return new BackTransformedLine(type.fromSamplingScale(zero), type.fromSamplingScale(one));
    }

    double gap() {
      return atOne - atZero;
    }

    double ratio(boolean inverted) {
      return inverted ? 1 / (atOne / atZero) : atOne / atZero;
    }
  }

  private static List<QuantileValue> ordered(List<QuantileValue> quantiles) {
    List<QuantileValue> ordered = new ArrayList<>(quantiles);
    for (QuantileValue quantile : ordered) {
      requireNonNull(quantile, "a quantile is null");
    }
    ordered.sort(Comparator.comparingInt(QuantileValue::quantile));
    checkArgument(ordered.size() >= MINIMUM_QUANTILES && ordered.size() <= MAXIMUM_QUANTILES,
        "Cannot compute SII: the number of quantiles must be between %s and %s (%s)",
        MINIMUM_QUANTILES, MAXIMUM_QUANTILES, ordered.size());
    for (int i = 1; i < ordered.size(); i++) {
      checkArgument(ordered.get(i).quantile() != ordered.get(i - 1).quantile(),
          "Cannot compute SII: quantile %s appears more than once (%s)", ordered.get(i).quantile(), ordered.size());
    }
    return ordered;
  }

  /** {value, lower95, upper95}; limits NaN when a standard error is given. */
  private static double[] valueAndLimits(QuantileValue quantile, ValueType type) {
    if (!quantile.isFromCount()) {
      if (type == ValueType.PROPORTION) {
        checkArgument(quantile.value() >= 0 && quantile.value() <= 1
                && (quantile.hasStandardError() || (quantile.lower95() >= 0 && quantile.upper95() <= 1)),
            "Cannot compute SII: quantile %s is a proportion outside 0-1 (%s)", quantile.quantile(), quantile.value());
      }
      return new double[] {quantile.value(), quantile.lower95(), quantile.upper95()};
    }
    double count = quantile.count();
    double population = quantile.population();
    switch (type) {
      case PROPORTION -> {
        ProportionInterval interval = WilsonInterval.of(count, population, LIMITS_CONFIDENCE).orElseThrow();
        return new double[] {interval.proportion(), interval.lower(), interval.upper()};
      }
      case RATE -> {
        RateEstimate rate = RateInterval.of(count, population, 1, LIMITS_CONFIDENCE).orElseThrow();
        return new double[] {rate.rate(), rate.lower(), rate.upper()};
      }
      default -> throw new IllegalArgumentException(String.format(
          "Cannot compute SII: quantile %s gives only a count, which needs a rate or proportion value type (%s)",
          quantile.quantile(), type));
    }
  }

  private static double onSamplingScale(ValueType type, double value, QuantileValue quantile, String what) {
    double transformed = type.toSamplingScale(value);
    checkArgument(Double.isFinite(transformed),
        "Cannot compute SII: quantile %s has a %s the %s scale cannot take (%s)", quantile.quantile(), what,
        type == ValueType.RATE ? "log" : "logit", value);
    return transformed;
  }
}
