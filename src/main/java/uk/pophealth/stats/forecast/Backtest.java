package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin backtest. For each origin o (training = months 0..o-1) the method is refitted on the training
 * part alone and forecasts {@code horizon} months; held-out months that are observed and not excluded are
 * scored. Nothing is tuned on the held-out months. MASE divides each error by the in-sample seasonal-naive MAE
 * of that origin's training part (lag 1 if the training part is shorter than a season plus one).
 *
 * <p>It never throws on a data shape: an origin with fewer than 2 observed training months, one that could not be
 * forecast, or one whose refit throws is skipped with a note (a refit that fell back is scored as the fallback
 * it published, noted); with no usable origin every score is NaN and {@link BacktestResult#origins()} is 0.
 */
public final class Backtest {
  private static final double LEVEL95 = 0.05;

  private Backtest() {}

  /** Runs the backtest of one method on one series (NaN = missing month). */
  public static BacktestResult run(double[] y, ForecastMethod method, BacktestOptions options) {
    requireNonNull(y, "y is null");
    requireNonNull(method, "method is null");
    requireNonNull(options, "options is null");
    ForecastOptions forecastOptions = options.forecastOptions().withMethod(method);
    int horizon = options.horizon();
    int period = forecastOptions.period();
    List<String> notes = new ArrayList<>();
    List<String> models = new ArrayList<>();
    List<OriginForecast> forecasts = new ArrayList<>();
    double[] absScaledByHorizon = new double[horizon];
    int[] countByHorizon = new int[horizon];
    double scaledSum = 0;
    int scaledCount = 0;
    double smapeSum = 0;
    int pointCount = 0;
    int inside80 = 0;
    int inside95 = 0;
    int intervalCount = 0;
    double winklerSum = 0;
    int originsUsed = 0;
    for (int k = options.origins() - 1; k >= 0; k--) {
      int origin = y.length - horizon - k * options.step();
      double[] training = origin > 0 ? Arrays.copyOf(y, origin) : new double[0];
      PreparedSeries prepared = PreparedSeries.of(training, forecastOptions);
      if (prepared.observedCount() < 2) {
        notes.add("origin " + origin + " skipped: fewer than 2 observed training months");
        continue;
      }
      ForecastResult forecast;
      try {
        forecast = AutoForecaster.forecast(training, horizon, forecastOptions);
      } catch (RuntimeException e) {
        // AUTO never throws on data; another method's refit that does loses this origin, not the whole backtest
        notes.add("origin " + origin + " skipped: the refit failed (" + e + ")");
        continue;
      }
      if (!forecast.forecasted()) {
        notes.add("origin " + origin + " skipped: not forecast (" + String.join("; ", forecast.fallbackNotes()) + ")");
        continue;
      }
      forecast.fallbackNotes().forEach(note -> notes.add("origin " + origin + ": " + note));
      originsUsed++;
      models.add(forecast.modelName());
      double scale = Accuracy.seasonalNaiveScale(prepared.raw(), prepared.observed(), period);
      boolean scaled = scale > 0 && Double.isFinite(scale);
      if (!scaled) {
        notes.add("origin " + origin + ": in-sample seasonal-naive MAE is " + scale + ", no MASE from it");
      }
      double[] point = forecast.point();
      forecasts.add(new OriginForecast(origin, scale, point));
      double[] lower80 = forecast.lower80();
      double[] upper80 = forecast.upper80();
      double[] lower95 = forecast.lower95();
      double[] upper95 = forecast.upper95();
      for (int h = 0; h < horizon; h++) {
        int t = origin + h;
        if (!scored(y, t, forecastOptions)) {
          continue;
        }
        double actual = y[t];
        double error = Math.abs(actual - point[h]);
        if (scaled) {
          scaledSum += error / scale;
          scaledCount++;
          absScaledByHorizon[h] += error / scale;
          countByHorizon[h]++;
        }
        smapeSum += Accuracy.smape(actual, point[h]);
        pointCount++;
        if (Double.isFinite(lower95[h]) && Double.isFinite(upper95[h])) {
          intervalCount++;
          inside80 += actual >= lower80[h] && actual <= upper80[h] ? 1 : 0;
          inside95 += actual >= lower95[h] && actual <= upper95[h] ? 1 : 0;
          winklerSum += Accuracy.winkler(actual, lower95[h], upper95[h], LEVEL95);
        }
      }
    }
    double[] maseByHorizon = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      maseByHorizon[h] = countByHorizon[h] == 0 ? Double.NaN : absScaledByHorizon[h] / countByHorizon[h];
    }
    return new BacktestResult(method, ratio(scaledSum, scaledCount), ratio(smapeSum, pointCount),
        ratio(inside80, intervalCount), ratio(inside95, intervalCount), ratio(winklerSum, intervalCount),
        originsUsed, pointCount, maseByHorizon, models, forecasts, notes);
  }

  /** Whether month {@code t} of {@code y} is scored: inside the series, observed, and not excluded. */
  public static boolean scored(double[] y, int t, ForecastOptions options) {
    return t < y.length && Double.isFinite(y[t]) && !options.excluded(t);
  }

  private static double ratio(double sum, int count) {
    return count == 0 ? Double.NaN : sum / count;
  }
}
