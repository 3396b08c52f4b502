package uk.pophealth.bench;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.demand.AnalystSeries;
import uk.pophealth.demand.DemandForecast;
import uk.pophealth.demand.DemandOptions;
import uk.pophealth.demand.DemandResult;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.spark.SparkSessions;

/**
 * Figures for scripts/bench-forecast-product.sh (nothing asserted).
 * <ul>
 *   <li>{@code accuracy DIR}: from the forecast_accuracy table the forecast sub-command wrote under DIR, the mean and
 *       median MASE of the chosen models and of seasonal naive, how often the chosen model beats it, and mean 80% /
 *       95% coverage.</li>
 *   <li>{@code timing PLACES ACTIVITIES MONTHS}: the wall time to fit, forecast 12 months and backtest (chosen and
 *       seasonal naive, 3 origins) PLACES x ACTIVITIES synthetic monthly series, plus one series per ICS (PLACES / 10)
 *       and activity and one per activity for all areas, through the product's Spark fitting path.</li>
 * </ul>
 */
public final class ForecastProductBench {
  private ForecastProductBench() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSessions.create("pophealth-forecast-bench", Map.of());
    try {
      if (args[0].equals("accuracy")) {
        accuracy(spark, args[1]);
      } else {
        timing(spark, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      }
    } finally {
      spark.stop();
    }
  }

  private static void accuracy(SparkSession spark, String out) {
    Dataset<Row> table = spark.read().parquet(out + "/" + ForecastAccuracy.NAME);
    double[] chosen = values(table, ForecastAccuracy.ROLE_CHOSEN, ForecastAccuracy.MASE);
    double[] benchmark = values(table, ForecastAccuracy.ROLE_BENCHMARK, ForecastAccuracy.MASE);
    List<Row> pairs = table.filter(col(ForecastAccuracy.MODEL_ROLE).equalTo(ForecastAccuracy.ROLE_CHOSEN)).alias("c")
        .join(table.filter(col(ForecastAccuracy.MODEL_ROLE).equalTo(ForecastAccuracy.ROLE_BENCHMARK)).alias("b"),
            OutputTables.GEOGRAPHY_CODE)
        .select(col("c." + ForecastAccuracy.MASE), col("b." + ForecastAccuracy.MASE)).collectAsList();
    long wins = pairs.stream().filter(r -> r.getDouble(0) < r.getDouble(1)).count();
    System.out.printf("Series: %d; backtest %s origins, horizon %s%n", chosen.length,
        table.select(ForecastAccuracy.ORIGINS).distinct().collectAsList(),
        table.select(ForecastAccuracy.MAX_HORIZON).distinct().collectAsList());
    System.out.printf("%-22s %10s %12s %12s %12s%n", "model", "mean MASE", "median MASE", "coverage80", "coverage95");
    for (String role : List.of(ForecastAccuracy.ROLE_CHOSEN, ForecastAccuracy.ROLE_BENCHMARK)) {
      double[] mase = values(table, role, ForecastAccuracy.MASE);
      System.out.printf("%-22s %10.3f %12.3f %12.3f %12.3f%n",
          role.equals(ForecastAccuracy.ROLE_CHOSEN) ? "chosen ETS (AICc)" : "seasonal naive", mean(mase), median(mase),
          mean(values(table, role, ForecastAccuracy.COVERAGE80)), mean(values(table, role, ForecastAccuracy.COVERAGE95)));
    }
    System.out.printf("Chosen model beats seasonal naive on %d of %d series; MASE ratio of means %.3f%n", wins,
        pairs.size(), mean(chosen) / mean(benchmark));
  }

  private static double[] values(Dataset<Row> table, String role, String column) {
    return table.filter(col(ForecastAccuracy.MODEL_ROLE).equalTo(role)).select(column).collectAsList().stream()
        .filter(r -> !r.isNullAt(0)).mapToDouble(r -> r.getDouble(0)).sorted().toArray();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double median(double[] values) {
    int n = values.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static void timing(SparkSession spark, int places, int activities, int months) {
    int icss = Math.max(1, places / 10);
    List<Row> rows = new ArrayList<>();
    Random random = new Random(11);
    YearMonth first = YearMonth.of(2020, 1);
    int series = 0;
    for (String level : List.of("place", "ics", "all")) {
      int units = level.equals("place") ? places : level.equals("ics") ? icss : 1;
      for (int u = 0; u < units; u++) {
        for (int a = 0; a < activities; a++) {
          series++;
          double base = (level.equals("place") ? 40 : level.equals("ics") ? 400 : 4000) * (1 + random.nextDouble());
          double trend = random.nextDouble() * 0.01;
          for (int t = 0; t < months; t++) {
            YearMonth month = first.plusMonths(t);
            double mean = base * (1 + trend * t) * (1 + 0.15 * Math.sin(2 * Math.PI * month.getMonthValue() / 12.0));
            rows.add(RowFactory.create(level + u + "-activity" + a, Date.valueOf(month.atDay(1)),
                Math.max(0, mean + random.nextGaussian() * Math.sqrt(mean))));
          }
        }
      }
    }
    Dataset<Row> input = spark.createDataFrame(rows, AnalystSeries.SCHEMA).cache();
    input.count();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    DemandResult result = DemandForecast.forecastSeries(spark, input, DemandOptions.forSeries(12));
    long forecastRows = result.forecasts().count();
    long accuracyRows = result.accuracy().count();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
    result.release();
    System.out.printf("Spark fitting path: %d series (%d places x %d activities, %d ICS and 1 total per activity), "
        + "%d months each: %.1f s wall, %.1f s CPU of this JVM, on %d cores (machine load average %.1f; %d forecast "
        + "rows, %d accuracy rows)%n", series, places, activities, icss, months, seconds, cpuSeconds,
        spark.sparkContext().defaultParallelism(), os.getSystemLoadAverage(), forecastRows, accuracyRows);
  }
}
