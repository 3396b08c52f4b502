package uk.pophealth.stats.forecast;

/**
 * The profile likelihood of a linear ETS model. The one-step errors are linear in the initial states x0
 * (e = e(0) + E x0, where column j of E is the error path from unit initial state j on a zero series), so for
 * given smoothing parameters the states minimising the sum of squares solve (E'E) x0 = -E'e(0). States are
 * ordered level, trend, then seasonal positions 1..m-1; position 0 is minus their sum (seasonals sum to zero).
 *
 * <p>The same matrix gives the forecast variance that comes from estimating x0: the h-step forecast is
 * f_h + a_h' x0, and the least-squares x0 has covariance sigma^2 (E'E)^-1, so the forecast error carries
 * sigma^2 a_h' (E'E)^-1 a_h beyond the future innovations ({@link #forecastLeverage}).
 */
final class LinearProfile {
  private final EtsSpec spec;
  private final double[] y;
  private final boolean[] observed;
  private final int states;
  private final double[] base;
  private final double[][] columns;
  private final double[][] gram;
  private final double[] rhs;
  private final double[] zeroSeason;
  private final double[] unitSeason;

  /**
   * @param y        observations (unit scale), or null when only {@link #forecastLeverage} is wanted
   * @param observed which months count
   */
  LinearProfile(EtsSpec spec, double[] y, boolean[] observed) {
    this.spec = spec;
    this.y = y;
    this.observed = observed;
    this.states = spec.stateCount();
    this.base = new double[observed.length];
    this.columns = new double[states][observed.length];
    this.gram = new double[states][states];
    this.rhs = new double[states];
    this.zeroSeason = new double[spec.seasonLength()];
    this.unitSeason = new double[spec.seasonLength()];
  }

  /** log of the profiled SSE at a point of the optimiser's box (a penalty when not admissible). */
  double objective(double[] box) {
    EtsParameters parameters = EtsParameters.fromBox(spec, box);
    if (!parameters.admissible(spec)) {
      return EtsFitter.PENALTY;
    }
    double[] x = new double[states];
    double sse = profile(parameters, x);
    return Math.log(Math.max(sse, 1e-300));
  }

  /** The least-squares initial states for these parameters. */
  double[] solveStates(EtsParameters parameters) {
    double[] x = new double[states];
    profile(parameters, x);
    return x;
  }

  /**
   * The leverage of each forecast month on the least-squares initial states, q_h = a_h' (E'E)^-1 a_h for
   * h = 1..horizon, where a_h holds the h-step forecast's change per unit of each initial state (the forecast
   * from that unit state on a series of zeros). For the mean model (ETS(A,N,N) with alpha 0) q_h = 1/n, the
   * leverage term of the regression prediction interval.
   */
  static double[] forecastLeverage(EtsSpec spec, EtsParameters parameters, boolean[] observed, int horizon) {
    LinearProfile profile = new LinearProfile(spec, null, observed);
    int d = profile.states;
    profile.profile(parameters, new double[d]);
    double[][] sensitivity = new double[d][];
    EtsFilter filter = new EtsFilter(spec, parameters);
    for (int j = 0; j < d; j++) {
      double[] unit = new double[d];
      unit[j] = 1;
      filter.run(null, observed, spec.initialStates(unit), null, null);
      sensitivity[j] = EtsPrediction.pointForecast(spec, parameters.phi(), filter.states(), observed.length, horizon);
    }
    double[] leverage = new double[horizon];
    double[] a = new double[d];
    double[] solved = new double[d];
    double[][] factor = Cholesky.factor(profile.gram);
    for (int h = 0; h < horizon; h++) {
      for (int j = 0; j < d; j++) {
        a[j] = sensitivity[j][h];
      }
      Cholesky.solveFactored(factor, a, solved);
      double q = 0;
      for (int j = 0; j < d; j++) {
        q += a[j] * solved[j];
      }
      leverage[h] = Math.max(q, 0);
    }
    return leverage;
  }

  private double profile(EtsParameters parameters, double[] x) {
    EtsFilter filter = new EtsFilter(spec, parameters);
    double baseSse = filter.run(y, observed, new EtsStates(0, 0, zeroSeason), base, null);
    int k = 0;
    filter.run(null, observed, new EtsStates(1, 0, zeroSeason), columns[k++], null);
    if (spec.hasTrend()) {
      filter.run(null, observed, new EtsStates(0, 1, zeroSeason), columns[k++], null);
    }
    if (spec.seasonal()) {
      for (int j = 1; j < spec.period(); j++) {
        java.util.Arrays.fill(unitSeason, 0);
        unitSeason[j] = 1;
        unitSeason[0] = -1;
        filter.run(null, observed, new EtsStates(0, 0, unitSeason), columns[k++], null);
      }
    }
    int n = observed.length;
    for (int i = 0; i < states; i++) {
      double[] ci = columns[i];
      double r = 0;
      for (int t = 0; t < n; t++) {
        r += ci[t] * base[t];
      }
      rhs[i] = -r;
      for (int j = 0; j <= i; j++) {
        double[] cj = columns[j];
        double g = 0;
        for (int t = 0; t < n; t++) {
          g += ci[t] * cj[t];
        }
        gram[i][j] = g;
        gram[j][i] = g;
      }
    }
    Cholesky.solve(gram, rhs, x);
    double reduction = 0;
    for (int i = 0; i < states; i++) {
      reduction += x[i] * rhs[i];
    }
    return Math.max(baseSse - reduction, 0);
  }
}
