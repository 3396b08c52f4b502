package uk.pophealth.stats.forecast;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The seasonality pre-test that decides, before AICc, whether {@link ForecastMethod#AUTO} considers only seasonal
 * ETS models: the classical F-test for deterministic (stable) seasonality. Over the observed months, y is
 * regressed by least squares on an intercept and a linear trend (restricted model) and on those plus m - 1
 * seasonal dummies (full model); F = ((RSS_r - RSS_f) / (m - 1)) / (RSS_f / (n - m - 1)) is compared with
 * F(m - 1, n - m - 1) at the 5% level, the default significance level of {@code forecast::nsdiffs}.
 *
 * <p>Why a pre-test: with exactly two seasons AICc counts the m - 1 free seasonal initial states against 24 points
 * (n - k - 1 = 8 for ETS(A,N,A)), a penalty of 90 against 7 for ETS(A,N,N), so no seasonal model is ever chosen,
 * even on clearly seasonal data. {@code forecast::auto.arima} meets the same problem by deciding the seasonal
 * differencing with a test ({@code nsdiffs}) and leaving only the rest to AICc; here the test decides the seasonal
 * family. The tests that package uses cannot run on two seasons: STL (seasonal strength) needs more than two
 * periods, and the lag-m autocorrelation rests on m pairs and a trend swamps it. The regression F-test needs only
 * n > m + 1 observed months, at least one in every position of the cycle, and allows for the trend.
 */
final class SeasonalityTest {
  /** Significance level of the test. */
  static final double LEVEL = 0.05;

  /** Residual sums of squares below this share of the total are rounding noise, not variation to test. */
  private static final double ROUNDING = 1e-12;

  private SeasonalityTest() {}

  /**
   * p-value of the F-test over the observed months of the series; NaN when it cannot be computed (too few months,
   * a position of the cycle never observed, or a trend line that fits to rounding error); 0 when the trend and
   * seasonal dummies fit to rounding error.
   */
  static double pValue(PreparedSeries series, int period) {
    int n = series.observedCount();
    int residualDf = n - period - 1;
    if (period < 2 || residualDf < 1) {
      return Double.NaN;
    }
    double[] y = new double[n];
    double[][] trend = new double[n][1];
    double[][] full = new double[n][period];
    boolean[] positionSeen = new boolean[period];
    int row = 0;
    for (int t = 0; t < series.length(); t++) {
      if (!series.observed(t)) {
        continue;
      }
      y[row] = series.raw()[t];
      trend[row][0] = t;
      full[row][0] = t;
      int position = t % period;
      positionSeen[position] = true;
      if (position > 0) {
        full[row][position] = 1;
      }
      row++;
    }
    for (boolean seen : positionSeen) {
      if (!seen) {
        return Double.NaN;
      }
    }
    double restricted;
    double unrestricted;
    double total;
    try {
      OLSMultipleLinearRegression trendOnly = fit(y, trend);
      restricted = trendOnly.calculateResidualSumOfSquares();
      total = trendOnly.calculateTotalSumOfSquares();
      unrestricted = fit(y, full).calculateResidualSumOfSquares();
    } catch (MathIllegalArgumentException singularOrTooFewRows) {
      return Double.NaN;
    }
    double rounding = ROUNDING * total;
    if (!(restricted > rounding)) {
      return Double.NaN;
    }
    if (!(unrestricted > rounding)) {
      return 0;
    }
    double f = (Math.max(restricted - unrestricted, 0) / (period - 1)) / (unrestricted / residualDf);
    return 1 - new FDistribution(null, period - 1, residualDf).cumulativeProbability(f);
  }

  /** Whether seasonality is significant at {@link #LEVEL} (false when the test cannot be computed). */
  static boolean significant(double pValue) {
    return pValue < LEVEL;
  }

  private static OLSMultipleLinearRegression fit(double[] y, double[][] x) {
    OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
    regression.newSampleData(y, x);
    return regression;
  }
}
