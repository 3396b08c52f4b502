package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.stats.FunnelSignificance;

/**
 * How many marks of each kind the report of a run must draw, counted straight from the run's Parquet tables with
 * Spark, by the rules the report states (latest period, no breakdown, suppressed cells not drawn, at most so many
 * charts or rows), without any of the report's own reading code. Keys are the marks' CSS classes.
 */
final class ExpectedMarks {
  private ExpectedMarks() {}

  static Map<String, Long> of(SparkSession spark, Path run) {
    Map<String, Long> marks = new LinkedHashMap<>();
    acpUptake(read(spark, run, AcpUptake.NAME), marks);
    deciles(read(spark, run, ReferralDeprivation.NAME), marks);
    inequality(read(spark, run, ReferralInequality.NAME), marks);
    fans(read(spark, run, DemandForecast.NAME), marks);
    return marks;
  }

  private static Dataset<Row> read(SparkSession spark, Path run, String table) {
    return spark.read().parquet(run.resolve(table).toString());
  }

  private static void acpUptake(Dataset<Row> acp, Map<String, Long> marks) {
    Dataset<Row> overall = acp.filter(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE));
    Object latest = overall.agg(max(AcpUptake.PERIOD_END)).first().get(0);
    Column drawn = col(OutputTables.SUPPRESSED).equalTo(false).and(col(AcpUptake.REGISTER).isNotNull())
        .and(col(AcpUptake.UPTAKE).isNotNull());
    Dataset<Row> atLatest = overall.filter(col(AcpUptake.PERIOD_END).equalTo(latest));
    Dataset<Row> pcns = atLatest.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_PCN))
        .filter(drawn);
    long funnels = pcns.select(when(col(AcpUptake.PARENT_UPTAKE).isNotNull(), col(OutputTables.PARENT_CODE)))
        .distinct().count();
    if (funnels > UptakeFunnel.MAX_PANELS) {
      throw new AssertionError("More parents (" + funnels + ") than the report draws funnels for: count by parent");
    }
    marks.put("chart funnel-plot", funnels);
    marks.put("mark pcn-point", pcns.count());
    marks.put("mark pcn-point outlier flag-high", flagged(pcns, FunnelSignificance.HIGH_0001));
    marks.put("mark pcn-point outlier flag-low", flagged(pcns, FunnelSignificance.LOW_0001));
    marks.put("mark pcn-point flag-high95", flagged(pcns, FunnelSignificance.HIGH_0025));
    marks.put("mark pcn-point flag-low95", flagged(pcns, FunnelSignificance.LOW_0025));
    long places = atLatest.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_PLACE)).filter(drawn)
        .count();
    marks.put("mark place-point", Math.min(places, UptakeSection.MAX_LEAGUE_ROWS));
    // One line per ICS (the first MAX_LINES by code), one point per month with an uptake.
    Dataset<Row> ics = overall.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ICS));
    List<String> codes = ics.select(OutputTables.GEOGRAPHY_CODE).distinct().orderBy(OutputTables.GEOGRAPHY_CODE)
        .limit(UptakeSeries.MAX_LINES).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    marks.put("mark ics-point", ics.filter(col(OutputTables.GEOGRAPHY_CODE).isin(codes.toArray())).filter(drawn)
        .count());
  }

  private static long flagged(Dataset<Row> pcns, FunnelSignificance flag) {
    return pcns.filter(col(AcpUptake.FUNNEL_FLAG).equalTo(flag.label())).count();
  }

  /** The latest period of the longest period type present: financial year, else quarter, else month. */
  private static Dataset<Row> latestLongestPeriod(Dataset<Row> table) {
    List<String> types = table.select(OutputTables.PERIOD_TYPE).distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    String type = List.of(OutputTables.PERIOD_FINANCIAL_YEAR, OutputTables.PERIOD_QUARTER, OutputTables.PERIOD_MONTH)
        .stream().filter(types::contains).findFirst().orElseThrow();
    Dataset<Row> ofType = table.filter(col(OutputTables.PERIOD_TYPE).equalTo(type));
    Object start = ofType.agg(max(OutputTables.PERIOD_START)).first().get(0);
    return ofType.filter(col(OutputTables.PERIOD_START).equalTo(start))
        .filter(col(OutputTables.GEOGRAPHY_LEVEL).isin(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS,
            OutputTables.LEVEL_ALL));
  }

  /** Places first, then ICSs, then the total; by code, then service (or activity). */
  private static final List<String> AREA_ORDER =
      List.of(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL);
  private static final List<String> SERIES_ORDER = List.of(OutputTables.LEVEL_ICS, OutputTables.LEVEL_PLACE);

  private static Comparator<Row> byLevelCodeThen(List<String> levels, String third) {
    return Comparator.comparingInt((Row row) -> rank(levels, row.getAs(OutputTables.GEOGRAPHY_LEVEL)))
        .thenComparing(row -> row.<String>getAs(OutputTables.GEOGRAPHY_CODE),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(row -> row.<String>getAs(third), Comparator.nullsLast(Comparator.naturalOrder()));
  }

  private static int rank(List<String> levels, String level) {
    int rank = levels.indexOf(level);
    return rank < 0 ? levels.size() : rank;
  }

  private static void deciles(Dataset<Row> deprivation, Map<String, Long> marks) {
    Dataset<Row> rows = latestLongestPeriod(deprivation)
        .filter(col(ReferralDeprivation.IMD_DECILE).isNotNull())
        .filter(col(ReferralDeprivation.IMD_BASIS).equalTo(ReferralDeprivation.BASIS_NATIONAL));
    Column bar = col(OutputTables.SUPPRESSED).equalTo(false).and(col(ReferralDeprivation.REFERRALS).isNotNull())
        .and(col(ReferralDeprivation.RATE_PER_1000).isNotNull());
    List<Row> groups = new ArrayList<>(rows.groupBy(OutputTables.GEOGRAPHY_LEVEL,
        OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE).agg(count(when(bar, lit(1))).as("bars"))
        .collectAsList());
    groups.sort(byLevelCodeThen(AREA_ORDER, OutputTables.SERVICE));
    List<Row> drawn = groups.subList(0, Math.min(DeprivationSection.MAX_CHARTS, groups.size()));
    marks.put("chart bar-chart", (long) drawn.size());
    marks.put("mark decile-bar", drawn.stream().mapToLong(row -> row.<Long>getAs("bars")).sum());
  }

  private static void inequality(Dataset<Row> inequality, Map<String, Long> marks) {
    List<Row> rows = new ArrayList<>(latestLongestPeriod(inequality).select(OutputTables.GEOGRAPHY_LEVEL,
        OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE, ReferralInequality.SHARE_MOST_DEPRIVED_40,
        ReferralInequality.SII).collectAsList());
    rows.sort(byLevelCodeThen(AREA_ORDER, OutputTables.SERVICE));
    List<Row> drawn = rows.subList(0, Math.min(InequalityFigures.MAX_ROWS, rows.size()));
    marks.put("mark share-point", drawn.stream().filter(row -> !row.isNullAt(3)).count());
    marks.put("mark sii-point", drawn.stream().filter(row -> !row.isNullAt(4)).count());
  }

  /**
   * The series at the latest origin (ICS first, then places), the first MAX_CHARTS drawn: a line needs two
   * points; the forecast line starts at the last actual.
   */
  private static void fans(Dataset<Row> forecast, Map<String, Long> marks) {
    Object origin = forecast.agg(max(OutputTables.FORECAST_ORIGIN)).first().get(0);
    Column actual = col(DemandForecast.KIND).equalTo(DemandForecast.KIND_ACTUAL).and(col(DemandForecast.VALUE).isNotNull());
    Column forecastValue = col(DemandForecast.KIND).equalTo(DemandForecast.KIND_FORECAST)
        .and(col(DemandForecast.VALUE).isNotNull());
    Column capacity = col(DemandForecast.KIND).isin(DemandForecast.KIND_ACTUAL, DemandForecast.KIND_FORECAST)
        .and(col(DemandForecast.CAPACITY).isNotNull());
    List<Row> series = new ArrayList<>(forecast.filter(col(OutputTables.FORECAST_ORIGIN).equalTo(origin))
        .filter(col(DemandForecast.KIND).isin(DemandForecast.KIND_ACTUAL, DemandForecast.KIND_FORECAST))
        .groupBy(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME)
        .agg(count(when(actual, lit(1))).as("actuals"), count(when(forecastValue, lit(1))).as("forecasts"),
            count(when(capacity, lit(1))).as("capacities"))
        .collectAsList());
    series.sort(byLevelCodeThen(SERIES_ORDER, OutputTables.ACTIVITY_NAME));
    List<Row> drawn = series.subList(0, Math.min(DemandSection.MAX_CHARTS, series.size()));
    marks.put("chart fan-chart", (long) drawn.size());
    marks.put("mark actual-line", drawn.stream().filter(row -> row.<Long>getAs("actuals") >= 2).count());
    marks.put("mark forecast-line", drawn.stream().filter(row -> row.<Long>getAs("forecasts") >= 1
        && row.<Long>getAs("forecasts") + (row.<Long>getAs("actuals") > 0 ? 1 : 0) >= 2).count());
    marks.put("mark capacity-line", drawn.stream().filter(row -> row.<Long>getAs("capacities") >= 2).count());
  }

  /** The mark classes that must be drawn at least once on the sample (capacity and flags may rightly be absent). */
  static final List<String> NEVER_EMPTY_ON_THE_SAMPLE = Arrays.asList("chart funnel-plot", "mark pcn-point",
      "mark place-point", "mark ics-point", "chart bar-chart", "mark decile-bar", "mark share-point", "mark sii-point",
      "chart fan-chart", "mark actual-line", "mark forecast-line");
}
