package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One series' forecast. Arrays are copied in and out; NaN marks a value the model cannot give (for example
 * the first year of seasonal-naive fitted values, or intervals from a single observation).
 *
 * @param method     the method asked for
 * @param modelName  the model fitted, e.g. {@code ETS(A,Ad,M)}, {@code Theta(OTM)}, {@code SeasonalNaive}
 * @param parameters parameter name to value, in a stable order (smoothing parameters, initial states, sigma)
 * @param aicc       AICc of an ETS model (Gaussian likelihood, original units); NaN for other models
 * @param fitted     one-step-ahead fitted values, one per input month
 * @param point      point forecasts for h = 1..horizon
 * @param lower80    lower 80% prediction limits
 * @param upper80    upper 80% prediction limits
 * @param lower95    lower 95% prediction limits
 * @param upper95    upper 95% prediction limits
 * @param notes      plain-language notes on fallbacks, missing months, exclusions and the choice made; a note that
 *                   explains a fallback starts with {@value #FALLBACK}, one that explains why the series was not
 *                   forecast with {@value #NOT_FORECAST} ({@link #fallbackNotes()} picks those out)
 */
public record ForecastResult(ForecastMethod method, String modelName, Map<String, Double> parameters, double aicc,
    double[] fitted, double[] point, double[] lower80, double[] upper80, double[] lower95, double[] upper95,
    List<String> notes) implements Serializable {
  /** Model name of a series that was not forecast (no observed month): every value NaN. */
  public static final String NOT_FORECAST_MODEL = "None";
  /** Start of a note saying why the series was not forecast. */
  public static final String NOT_FORECAST = "not forecast: ";
  /** Start of a note saying which fallback the series got instead of the usual model, and why. */
  public static final String FALLBACK = "fallback: ";

  public ForecastResult {
    requireNonNull(method, "method is null");
    requireNonNull(modelName, "modelName is null");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
    fitted = fitted.clone();
    point = point.clone();
    lower80 = lower80.clone();
    upper80 = upper80.clone();
    lower95 = lower95.clone();
    upper95 = upper95.clone();
    notes = List.copyOf(notes);
    int horizon = point.length;
    if (lower80.length != horizon || upper80.length != horizon || lower95.length != horizon || upper95.length != horizon) {
      throw new IllegalArgumentException("Cannot build a forecast result: interval arrays differ in length from the points ("
          + horizon + ")");
    }
  }

  /** False for a series that was not forecast ({@value #NOT_FORECAST_MODEL}: no observed month). */
  public boolean forecasted() {
    return !NOT_FORECAST_MODEL.equals(modelName);
  }

  /** The notes on a fallback or on why the series was not forecast, in order; empty for a routine fit. */
  public List<String> fallbackNotes() {
    return notes.stream().filter(n -> n.startsWith(FALLBACK) || n.startsWith(NOT_FORECAST)).toList();
  }

  /** Number of forecast months. */
  public int horizon() {
    return point.length;
  }

  @Override
  public double[] fitted() {
    return fitted.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double[] lower80() {
    return lower80.clone();
  }

  @Override
  public double[] upper80() {
    return upper80.clone();
  }

  @Override
  public double[] lower95() {
    return lower95.clone();
  }

  @Override
  public double[] upper95() {
    return upper95.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ForecastResult that && method == that.method && modelName.equals(that.modelName)
        && parameters.equals(that.parameters) && Double.compare(aicc, that.aicc) == 0
        && Arrays.equals(fitted, that.fitted) && Arrays.equals(point, that.point)
        && Arrays.equals(lower80, that.lower80) && Arrays.equals(upper80, that.upper80)
        && Arrays.equals(lower95, that.lower95) && Arrays.equals(upper95, that.upper95) && notes.equals(that.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, modelName, parameters, aicc, Arrays.hashCode(fitted), Arrays.hashCode(point), notes);
  }

  @Override
  public String toString() {
    return "ForecastResult[" + modelName + ", parameters=" + parameters + ", point=" + Arrays.toString(point)
        + ", notes=" + notes + "]";
  }
}
