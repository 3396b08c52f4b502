package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Accuracy of one method on one series over a rolling-origin backtest; every figure is a mean over all scored
 * (origin, h) pairs. NaN where nothing could be scored.
 *
 * @param method         the method run at each origin
 * @param mase           mean absolute error scaled by the in-sample seasonal-naive MAE of each origin's training part
 * @param smape          symmetric MAPE in percent, 200 |y - f| / (|y| + |f|)
 * @param coverage80     share of held-out months inside the 80% interval
 * @param coverage95     share inside the 95% interval
 * @param winkler95      mean Winkler score of the 95% interval (width plus 40 x the miss), in data units
 * @param origins        origins actually used
 * @param points         (origin, h) pairs scored
 * @param maseByHorizon  MASE at h = 1..horizon
 * @param models         model fitted at each origin, oldest origin first
 * @param forecasts      the point forecasts made at each origin used, oldest origin first
 * @param notes          what was skipped and why
 */
public record BacktestResult(ForecastMethod method, double mase, double smape, double coverage80, double coverage95,
    double winkler95, int origins, int points, double[] maseByHorizon, List<String> models,
    List<OriginForecast> forecasts, List<String> notes) implements Serializable {

  public BacktestResult {
    requireNonNull(method, "method is null");
    maseByHorizon = maseByHorizon.clone();
    models = List.copyOf(models);
    forecasts = List.copyOf(forecasts);
    notes = List.copyOf(notes);
  }

  @Override
  public double[] maseByHorizon() {
    return maseByHorizon.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BacktestResult that && method == that.method && Double.compare(mase, that.mase) == 0
        && Double.compare(smape, that.smape) == 0 && Double.compare(coverage80, that.coverage80) == 0
        && Double.compare(coverage95, that.coverage95) == 0 && Double.compare(winkler95, that.winkler95) == 0
        && origins == that.origins && points == that.points && Arrays.equals(maseByHorizon, that.maseByHorizon)
        && models.equals(that.models) && forecasts.equals(that.forecasts) && notes.equals(that.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, mase, smape, coverage80, coverage95, winkler95, origins, points, models);
  }

  @Override
  public String toString() {
    return String.format("BacktestResult[%s, mase=%.4f, smape=%.3f, coverage80=%.3f, coverage95=%.3f, winkler95=%.3f, "
        + "origins=%d, points=%d, models=%s]", method, mase, smape, coverage80, coverage95, winkler95, origins, points,
        models);
  }
}
