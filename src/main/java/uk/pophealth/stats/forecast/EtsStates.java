package uk.pophealth.stats.forecast;

/**
 * The states of an ETS model at one time, which travel together through the recursion ({@link EtsFilter}) and the
 * point forecast ({@link EtsPrediction}): the initial states of a fit (at time 0, one month before the first) or
 * the states after its last month.
 *
 * @param level  level
 * @param trend  trend (0 without trend)
 * @param season seasonal states by position t mod m (length m; a model without seasonality has the single state 0,
 *               or none in the heuristic start)
 */
record EtsStates(double level, double trend, double[] season) {

  /**
   * Heuristic initial states after {@code forecast:::initstate}: seasonal indices from a classical decomposition
   * (three or more seasons) or from ratios to a fitted line (two seasons; forecast fits a line plus one Fourier
   * pair and takes the ratios to the line), averaged per month and normalised; then level and trend from a
   * least-squares line through the first max(10, 2m) seasonally adjusted values (level alone: their mean).
   */
  static EtsStates heuristic(EtsSpec spec, double[] filled) {
    int n = filled.length;
    int m = spec.seasonLength();
    double[] season = new double[0];
    double[] adjusted = filled.clone();
    if (spec.seasonal()) {
      boolean multiplicative = spec.season() == Season.MULTIPLICATIVE;
      season = n >= 3 * m ? ClassicalDecomposition.seasonalFigure(filled, m, multiplicative)
          : ratiosToLine(filled, m, multiplicative);
      if (multiplicative) {
        for (int i = 0; i < m; i++) {
          season[i] = Math.max(season[i], 1e-2);
        }
      }
      for (int t = 0; t < n; t++) {
        adjusted[t] = multiplicative ? filled[t] / season[t % m] : filled[t] - season[t % m];
      }
    }
    int maxn = Math.min(Math.max(10, 2 * m), n);
    double[] line = LeastSquaresLine.fit(adjusted, maxn);
    if (spec.hasTrend()) {
      return new EtsStates(line[0], line[1], season);
    }
    double mean = 0;
    for (int t = 0; t < maxn; t++) {
      mean += adjusted[t] / maxn;
    }
    return new EtsStates(mean, 0, season);
  }

  private static double[] ratiosToLine(double[] x, int m, boolean multiplicative) {
    double[] line = LeastSquaresLine.fit(x, x.length);
    double[] fittedLine = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      fittedLine[t] = line[0] + line[1] * (t + 1);
    }
    return ClassicalDecomposition.figureAround(x, fittedLine, m, multiplicative);
  }
}
