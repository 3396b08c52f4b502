package uk.pophealth.stats.forecast;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of one method pooled over many series, each scored by {@link Backtest#run}: mean and median MASE, mean
 * sMAPE, and interval coverage pooled over every scored month. Test support shared by the forecast tests and the
 * benchmark.
 *
 * @param meanMase    mean over series of each series' MASE
 * @param medianMase  median over series
 * @param smape       mean over series of each series' sMAPE, percent
 * @param coverage80  share of all scored months inside their 80% interval
 * @param coverage95  share inside the 95% interval
 * @param models      how many series chose each model (at their first origin)
 */
public record HoldoutSummary(double meanMase, double medianMase, double smape, double coverage80, double coverage95,
    Map<String, Integer> models) {

  /** Scores method on every series with options. */
  public static HoldoutSummary of(Collection<double[]> series, ForecastMethod method, BacktestOptions options) {
    double[] mase = new double[series.size()];
    double smape = 0;
    double covered80 = 0;
    double covered95 = 0;
    double points = 0;
    Map<String, Integer> models = new TreeMap<>();
    int i = 0;
    for (double[] y : series) {
      BacktestResult result = Backtest.run(y, method, options);
      mase[i++] = result.mase();
      smape += result.smape() / series.size();
      covered80 += result.coverage80() * result.points();
      covered95 += result.coverage95() * result.points();
      points += result.points();
      result.models().stream().findFirst().ifPresent(m -> models.merge(m, 1, Integer::sum));
    }
    double[] sorted = mase.clone();
    Arrays.sort(sorted);
    double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    return new HoldoutSummary(Arrays.stream(mase).average().orElse(Double.NaN), median, smape, covered80 / points,
        covered95 / points, models);
  }
}
