package uk.pophealth.stats.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Maximum-likelihood fit of one ETS model. The objective is log(SSE), which for additive Gaussian errors
 * with sigma concentrated out has the same minimiser as -log L. Linear models: initial states by exact least
 * squares inside the objective (profile likelihood), smoothing parameters by BOBYQA (Brent when alone).
 * Multiplicative seasonality: smoothing parameters and initial states jointly by Nelder-Mead (at most 2,000
 * evaluations, as forecast::ets) from the heuristic start; BOBYQA's per-step cost is too high at 14-17 dimensions.
 */
final class EtsFitter {
  static final double PENALTY = 1e6;
  private static final int MAX_EVALUATIONS = 4000;
  private static final int SIMPLEX_EVALUATIONS = 2000;
  /** Bounds of the free initial states on the unit scale (data divided by its mean absolute value). */
  private static final double LEVEL_LOWER = 1e-2;
  private static final double LEVEL_UPPER = 20;
  private static final double TREND_BOUND = 0.2;
  private static final double TREND_SCALE = 10;
  private static final double SEASON_LOWER = 1e-2;
  private static final double SEASON_UPPER = 5;

  private EtsFitter() {}

  /**
   * Fits the model to y (already on the unit scale) and returns the fit.
   *
   * @param filled gap-free copy used only for the heuristic start of nonlinear models
   */
  static EtsFit fit(EtsSpec spec, double[] y, boolean[] observed, double[] filled, double scale) {
    return spec.linear() ? fitLinear(spec, y, observed, scale) : fitMultiplicative(spec, y, observed, filled, scale);
  }

  private static EtsFit fitLinear(EtsSpec spec, double[] y, boolean[] observed, double scale) {
    LinearProfile profile = new LinearProfile(spec, y, observed);
    double[] best = minimise(profile::objective, EtsParameters.startInBox(spec), EtsParameters.boxLower(spec),
        EtsParameters.boxUpper(spec), 0.1);
    EtsParameters parameters = EtsParameters.fromBox(spec, best);
    double[] states = profile.solveStates(parameters);
    return finish(spec, parameters, spec.initialStates(states), y, observed, scale);
  }

  private static EtsFit fitMultiplicative(EtsSpec spec, double[] y, boolean[] observed, double[] filled,
      double scale) {
    EtsStates start = EtsStates.heuristic(spec, filled);
    int smoothing = spec.smoothingCount();
    int m = spec.period();
    int dimension = smoothing + spec.stateCount();
    double[] lower = new double[dimension];
    double[] upper = new double[dimension];
    double[] x0 = new double[dimension];
    System.arraycopy(EtsParameters.boxLower(spec), 0, lower, 0, smoothing);
    System.arraycopy(EtsParameters.boxUpper(spec), 0, upper, 0, smoothing);
    System.arraycopy(EtsParameters.startInBox(spec), 0, x0, 0, smoothing);
    int k = smoothing;
    lower[k] = LEVEL_LOWER;
    upper[k] = LEVEL_UPPER;
    x0[k++] = start.level();
    if (spec.hasTrend()) {
      lower[k] = -TREND_BOUND * TREND_SCALE;
      upper[k] = TREND_BOUND * TREND_SCALE;
      x0[k++] = start.trend() * TREND_SCALE;
    }
    for (int j = 1; j < m; j++) {
      lower[k] = SEASON_LOWER;
      upper[k] = SEASON_UPPER;
      x0[k++] = start.season()[j];
    }
    for (int i = 0; i < dimension; i++) {
      x0[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
    }
    MultiplicativeObjective objective = new MultiplicativeObjective(spec, y, observed);
    double[] best = minimiseSimplex(objective, x0, lower, upper, 0.05);
    EtsParameters parameters = EtsParameters.fromBox(spec, best);
    double[] season0 = objective.season(best);
    double trend0 = spec.hasTrend() ? best[smoothing + 1] / TREND_SCALE : 0;
    return finish(spec, parameters, new EtsStates(best[smoothing], trend0, season0), y, observed, scale);
  }

  private static EtsFit finish(EtsSpec spec, EtsParameters parameters, EtsStates start, double[] y,
      boolean[] observed, double scale) {
    EtsFilter filter = new EtsFilter(spec, parameters);
    double[] fitted = new double[y.length];
    double sse = filter.run(y, observed, start, null, fitted);
    return new EtsFit(spec, parameters, start.level(), start.trend(), start.season(), sse, observed.clone(),
        y.clone(), fitted, filter.level(), filter.trend(), filter.season(), scale);
  }

  /**
   * BOBYQA from x0 (Brent when there is one variable), keeping the best point seen even if the evaluation budget
   * runs out.
   */
  static double[] minimise(MultivariateFunction function, double[] x0, double[] lower, double[] upper,
      double radius) {
    BestSeen tracked = new BestSeen(function, x0);
    if (x0.length == 1) {
      double[] point = new double[1];
      try {
        new BrentOptimizer(1e-8, 1e-10).optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE,
            new SearchInterval(lower[0], upper[0], x0[0]), new UnivariateObjectiveFunction(v -> {
              point[0] = v;
              return tracked.value(point);
            }));
      } catch (TooManyEvaluationsException ignored) {
        // the best point seen so far stands
      }
      return tracked.point();
    }
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * x0.length + 1, radius, 1e-6);
    try {
      optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(tracked), GoalType.MINIMIZE,
          new InitialGuess(x0), new SimpleBounds(lower, upper));
    } catch (TooManyEvaluationsException ignored) {
      // the best point seen so far stands
    } catch (MathIllegalStateException stalled) {
      // "trust region step has failed to reduce Q": BOBYQA's quadratic model stalled at rounding level near an
      // optimum; the best point seen so far stands (seen on synthetic Poisson-noise series in the product bench).
    }
    return tracked.point();
  }

  /**
   * Nelder-Mead (Commons Math) from x0 with the box enforced by a penalty, as forecast::ets optimises; cheaper per
   * step than BOBYQA when the dimension is high, keeping the best point seen.
   */
  static double[] minimiseSimplex(MultivariateFunction function, double[] x0, double[] lower, double[] upper,
      double step) {
    MultivariateFunction boxed = x -> {
      for (int i = 0; i < x.length; i++) {
        if (x[i] < lower[i] || x[i] > upper[i]) {
          return PENALTY;
        }
      }
      return function.value(x);
    };
    BestSeen tracked = new BestSeen(boxed, x0);
    double[] steps = new double[x0.length];
    java.util.Arrays.fill(steps, step);
    try {
      new SimplexOptimizer(1e-8, 1e-10).optimize(new MaxEval(SIMPLEX_EVALUATIONS), new ObjectiveFunction(tracked),
          GoalType.MINIMIZE, new InitialGuess(x0), new NelderMeadSimplex(steps));
    } catch (TooManyEvaluationsException ignored) {
      // the best point seen so far stands
    }
    return tracked.point();
  }

  /** Wraps an objective and remembers its best point. */
  private static final class BestSeen implements MultivariateFunction {
    private final MultivariateFunction function;
    private double[] point;
    private double value = Double.POSITIVE_INFINITY;

    BestSeen(MultivariateFunction function, double[] start) {
      this.function = function;
      this.point = start.clone();
    }

    @Override
    public double value(double[] x) {
      double v = function.value(x);
      if (v < value) {
        value = v;
        point = x.clone();
      }
      return v;
    }

    double[] point() {
      return point;
    }
  }

  /** log SSE of a multiplicative-seasonal model over smoothing parameters and initial states. */
  private static final class MultiplicativeObjective implements MultivariateFunction {
    private final EtsSpec spec;
    private final double[] y;
    private final boolean[] observed;

    MultiplicativeObjective(EtsSpec spec, double[] y, boolean[] observed) {
      this.spec = spec;
      this.y = y;
      this.observed = observed;
    }

    double[] season(double[] x) {
      return spec.initialSeason(x, spec.smoothingCount() + 1 + (spec.hasTrend() ? 1 : 0));
    }

    @Override
    public double value(double[] x) {
      EtsParameters parameters = EtsParameters.fromBox(spec, x);
      if (!parameters.admissible(spec)) {
        return PENALTY;
      }
      double[] season = season(x);
      if (season[0] < SEASON_LOWER) {
        return PENALTY;
      }
      int k = spec.smoothingCount();
      double trend0 = spec.hasTrend() ? x[k + 1] / TREND_SCALE : 0;
      EtsStates start = new EtsStates(x[k], trend0, season);
      double sse = new EtsFilter(spec, parameters).run(y, observed, start, null, null);
      return Double.isFinite(sse) ? Math.log(Math.max(sse, 1e-300)) : PENALTY;
    }
  }
}
