package uk.pophealth.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import uk.pophealth.stats.forecast.AeAttendanceSeries;
import uk.pophealth.stats.forecast.AutoForecaster;
import uk.pophealth.stats.forecast.BacktestOptions;
import uk.pophealth.stats.forecast.DiffuseIntervalStudy;
import uk.pophealth.stats.forecast.EmpiricalIntervalStudy;
import uk.pophealth.stats.forecast.ForecastMethod;
import uk.pophealth.stats.forecast.ForecastOptions;
import uk.pophealth.stats.forecast.HoldoutSummary;
import uk.pophealth.stats.forecast.ModelSelection;
import uk.pophealth.stats.forecast.TrustAttendanceSeries;

/**
 * Prints the forecast benchmark: on the real A&E type-1 series (130 organisations with all 36 months; fit on
 * the first 24, forecast 12) the mean and median MASE and interval coverage of the AUTO-chosen ETS model
 * (seasonality pre-test, then AICc), seasonal naive, Theta and drift, and the two criteria; the same
 * design on the trust A&amp;E series of 2021-2025 at five origins (other trusts, other years, nothing tuned on
 * them); then the time to fit one 48-month series on one thread. Figures only; nothing is asserted. Run by scripts/bench-forecast.sh;
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
    Path trusts = shared.resolve("refdata/nhs_timeseries/england_trust_accidents_emergency.csv");
    if (Files.exists(trusts)) {
      trustTable(trusts);
    } else {
      System.out.println("Trust A&E table skipped: " + trusts + " is absent");
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
    Map<String, HoldoutSummary> rows = new LinkedHashMap<>();
    rows.put("AUTO (chosen)", HoldoutSummary.of(series.values(), ForecastMethod.AUTO, holdout));
    rows.put("Seasonal naive", HoldoutSummary.of(series.values(), ForecastMethod.SEASONAL_NAIVE, holdout));
    rows.put("Theta (OTM)", HoldoutSummary.of(series.values(), ForecastMethod.THETA, holdout));
    rows.put("Drift", HoldoutSummary.of(series.values(), ForecastMethod.DRIFT, holdout));
    if (withBacktestChoice) {
      BacktestOptions chosen = new BacktestOptions(12, 1, 1,
          ForecastOptions.defaults().withSelection(ModelSelection.BACKTEST));
      rows.put("AUTO (backtest)", HoldoutSummary.of(series.values(), ForecastMethod.AUTO, chosen));
    }
    rows.forEach((name, r) -> {
      if (name.startsWith("AUTO")) {
        System.out.println("  models chosen (" + name + "): " + r.models());
      }
    });
    printTable(rows);
    HoldoutSummary chosen = rows.get("AUTO (chosen)");
    HoldoutSummary naive = rows.get("Seasonal naive");
    System.out.printf("Issue 4 criteria: chosen mean MASE %.3f vs seasonal naive %.3f (%s); 95%% coverage %.3f in "
        + "[0.90, 0.98] (%s); 80%% coverage %.3f%n", chosen.meanMase(), naive.meanMase(),
        chosen.meanMase() < naive.meanMase() ? "met" : "NOT met", chosen.coverage95(),
        chosen.coverage95() >= 0.90 && chosen.coverage95() <= 0.98 ? "met" : "NOT met", chosen.coverage80());
  }

  /**
   * The same design on other trusts and other years (TrustAttendanceValidationTest): 24 months fitted, 12 scored,
   * at five origins four months apart.
   */
  private static void trustTable(Path csv) {
    Map<String, double[]> series = TrustAttendanceSeries.completePositive(csv);
    System.out.printf("%nTrust A&E total attendances (other trusts, Apr 2021 - Jul 2025): %d trusts with a positive "
        + "count in all %d months; fit 24, forecast 12, at origins s = 0, 4, 8, 12, 16%n", series.size(),
        TrustAttendanceSeries.MONTHS);
    BacktestOptions holdout = new BacktestOptions(12, 1, 1, ForecastOptions.defaults());
    for (int start = 0; start <= 16; start += 4) {
      List<double[]> window = TrustAttendanceSeries.window(series, start, 36);
      Map<String, HoldoutSummary> rows = new LinkedHashMap<>();
      rows.put("AUTO s=" + start, HoldoutSummary.of(window, ForecastMethod.AUTO, holdout));
      rows.put("Seas. naive s=" + start, HoldoutSummary.of(window, ForecastMethod.SEASONAL_NAIVE, holdout));
      rows.put("Theta s=" + start, HoldoutSummary.of(window, ForecastMethod.THETA, holdout));
      rows.put("Drift s=" + start, HoldoutSummary.of(window, ForecastMethod.DRIFT, holdout));
      printTable(rows);
    }
  }

  private static void printTable(Map<String, HoldoutSummary> rows) {
    System.out.printf("%-16s %10s %12s %10s %12s %12s%n", "model", "mean MASE", "median MASE", "sMAPE %",
        "coverage80", "coverage95");
    rows.forEach((name, r) -> System.out.printf("%-16s %10.3f %12.3f %10.2f %12.3f %12.3f%n", name, r.meanMase(),
        r.medianMase(), r.smape(), r.coverage80(), r.coverage95()));
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
