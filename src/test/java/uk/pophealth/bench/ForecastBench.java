package uk.pophealth.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import uk.pophealth.stats.forecast.AeAttendanceSeries;
import uk.pophealth.stats.forecast.AutoForecaster;
import uk.pophealth.stats.forecast.Backtest;
import uk.pophealth.stats.forecast.BacktestOptions;
import uk.pophealth.stats.forecast.BacktestResult;
import uk.pophealth.stats.forecast.DiffuseIntervalStudy;
import uk.pophealth.stats.forecast.EmpiricalIntervalStudy;
import uk.pophealth.stats.forecast.ForecastMethod;
import uk.pophealth.stats.forecast.ForecastOptions;
import uk.pophealth.stats.forecast.ModelSelection;

/**
 * Prints the forecast benchmark: on the real A&E type-1 series (130 organisations with all 36 months; fit on
 * the first 24, forecast 12) the mean and median MASE and interval coverage of the AUTO-chosen ETS model
 * (seasonality pre-test, then AICc), seasonal naive, Theta and drift, and the two criteria; then the time
 * to fit one 48-month series on one thread. Figures only; nothing is asserted. Run by scripts/bench-forecast.sh;
 * {@code --empirical-intervals} prints only {@link EmpiricalIntervalStudy}, {@code --diffuse-intervals} only
 * {@link DiffuseIntervalStudy}.
 */
public final class ForecastBench {
  private ForecastBench() {}

  public static void main(String[] args) {
    Path shared = Path.of(System.getProperty("pophealth.shared", "../shared"));
    Path csv = shared.resolve("refdata/nhs_timeseries/ae_attendances.csv");
    if (args.length > 0 && args[0].equals("--timing-only")) {
      timing();
      return;
    }
    if (args.length > 0 && args[0].equals("--empirical-intervals")) {
      study(csv, EmpiricalIntervalStudy::print);
      return;
    }
    if (args.length > 0 && args[0].equals("--diffuse-intervals")) {
      study(csv, DiffuseIntervalStudy::print);
      return;
    }
    if (Files.exists(csv)) {
      aeTable(csv, args.length > 0 && args[0].equals("--with-backtest-choice"));
    } else {
      System.out.println("A&E table skipped: " + csv + " is absent");
    }
    timing();
  }

  private static void study(Path csv, Consumer<Map<String, double[]>> print) {
    if (Files.exists(csv)) {
      print.accept(AeAttendanceSeries.completeType1(csv));
    } else {
      System.out.println("A&E study skipped: " + csv + " is absent");
    }
  }

  private static void aeTable(Path csv, boolean withBacktestChoice) {
    Map<String, double[]> series = AeAttendanceSeries.completeType1(csv);
    System.out.printf("A&E type-1 attendances: %d organisations with all %d months; fit on 24, forecast 12%n",
        series.size(), AeAttendanceSeries.MONTHS);
    BacktestOptions holdout = new BacktestOptions(12, 1, 1, ForecastOptions.defaults());
    List<Row> rows = new ArrayList<>();
    rows.add(row("AUTO (chosen)", series, ForecastMethod.AUTO, holdout));
    rows.add(row("Seasonal naive", series, ForecastMethod.SEASONAL_NAIVE, holdout));
    rows.add(row("Theta (OTM)", series, ForecastMethod.THETA, holdout));
    rows.add(row("Drift", series, ForecastMethod.DRIFT, holdout));
    if (withBacktestChoice) {
      BacktestOptions chosen = new BacktestOptions(12, 1, 1,
          ForecastOptions.defaults().withSelection(ModelSelection.BACKTEST));
      rows.add(row("AUTO (backtest)", series, ForecastMethod.AUTO, chosen));
    }
    System.out.printf("%-16s %10s %12s %10s %12s %12s%n", "model", "mean MASE", "median MASE", "sMAPE %",
        "coverage80", "coverage95");
    for (Row r : rows) {
      System.out.printf("%-16s %10.3f %12.3f %10.2f %12.3f %12.3f%n", r.name, r.meanMase, r.medianMase, r.smape,
          r.coverage80, r.coverage95);
    }
    Row chosen = rows.get(0);
    Row naive = rows.get(1);
    System.out.printf("Issue 4 criteria: chosen mean MASE %.3f vs seasonal naive %.3f (%s); 95%% coverage %.3f in "
        + "[0.90, 0.98] (%s); 80%% coverage %.3f%n", chosen.meanMase, naive.meanMase,
        chosen.meanMase < naive.meanMase ? "met" : "NOT met", chosen.coverage95,
        chosen.coverage95 >= 0.90 && chosen.coverage95 <= 0.98 ? "met" : "NOT met", chosen.coverage80);
  }

  private record Row(String name, double meanMase, double medianMase, double smape, double coverage80,
      double coverage95) {}

  private static Row row(String name, Map<String, double[]> series, ForecastMethod method, BacktestOptions options) {
    double[] mase = new double[series.size()];
    double smape = 0;
    double covered80 = 0;
    double covered95 = 0;
    double points = 0;
    int i = 0;
    Map<String, Integer> models = new java.util.TreeMap<>();
    for (double[] y : series.values()) {
      BacktestResult result = Backtest.run(y, method, options);
      mase[i++] = result.mase();
      smape += result.smape() / series.size();
      covered80 += result.coverage80() * result.points();
      covered95 += result.coverage95() * result.points();
      points += result.points();
      result.models().forEach(m -> models.merge(m, 1, Integer::sum));
    }
    if (method == ForecastMethod.AUTO) {
      System.out.println("  models chosen (" + name + "): " + models);
    }
    double[] sorted = mase.clone();
    Arrays.sort(sorted);
    double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    return new Row(name, Arrays.stream(mase).average().orElse(Double.NaN), median, smape, covered80 / points,
        covered95 / points);
  }

  private static void timing() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] y = syntheticMonthly(48, 7L);
    ForecastOptions options = ForecastOptions.defaults();
    for (int i = 0; i < 30; i++) {
      AutoForecaster.forecast(syntheticMonthly(48, i), 36, options);
    }
    int repeats = 50;
    String model = "";
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < repeats; i++) {
      model = AutoForecaster.forecast(y, 36, options).modelName();
    }
    double cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / repeats;
    double wallMillis = (System.nanoTime() - wall) / 1e6 / repeats;
    System.out.printf("Fit one 48-month series (AUTO: every ETS candidate by AICc, then forecast 36), one thread: "
        + "%.2f ms CPU (%.2f ms wall) per series; chosen %s; mean of %d%n", cpuMillis, wallMillis, model, repeats);
    cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < repeats; i++) {
      AutoForecaster.forecast(y, 36, options.withMethod(ForecastMethod.THETA));
    }
    System.out.printf("Theta on the same series: %.2f ms CPU per series%n",
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / repeats);
  }

  /** Level 1000, trend +4 a month, winter peak of 12%, Gaussian noise sd 30. */
  static double[] syntheticMonthly(int n, long seed) {
    Random random = new Random(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      double season = 1 + 0.12 * Math.cos(2 * Math.PI * t / 12.0);
      y[t] = (1000 + 4 * t) * season + 30 * random.nextGaussian();
    }
    return y;
  }
}
