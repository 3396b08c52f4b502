package uk.pophealth.job;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.generate.GenerateJob;
import uk.pophealth.generate.GeneratorOptions;
import uk.pophealth.publish.DifferencingAttack;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RunOutputs;
import uk.pophealth.testing.SharedSpark;
import uk.pophealth.testing.TestFiles;

/**
 * The whole job on data shaped like England in miniature (issue 23): many ICSs of small places, so that disclosure
 * control empties whole cells and whole demand series, as it does in the small areas of a real run. Generated here:
 * 2,500 people per ICS, in ten of England's real ICBs (Bassetlaw's two first) where ../shared/refdata is present,
 * else in ten synthetic ICSs of three places. Run in this suite's JVM (a 4 GB heap, what a laptop gives a run) over
 * three financial years with disclosure control off and as a scheduled run of the last month with it on (demand is
 * forecast from the whole history either way), and checked for what the sample tests check on one ICS: every
 * product published, no count 1-7, counts adding up where nothing is suppressed, and the planted truths where cells
 * are large. The 1M-people run over 42 ICSs is {@code scripts/bench.sh 1m} (docs/benchmarks.md).
 */
class EnglandShapedRunTest {
  /** The real geography where ../shared/refdata is present (the CI layout), else a synthetic one. */
  static final Path REFDATA = SharedSpark.refdata();
  /** Many ICSs of small places (three each when synthetic), few people in each: whole place series are suppressed. */
  static final int ICS = 10;
  static final int PLACES = 3;
  static final long PEOPLE = 25_000;
  /** The last month of the generated history: the controlled run is a scheduled run of that month. */
  static final String LAST_MONTH = "2025-12";
  /** The exact run reports from the start of the financial year 2023/24. */
  static final String FIRST_MONTH = "2023-04";
  static final String BASSETLAW_PLACE = "E38000008";
  static final String NOTTINGHAM_AND_NOTTINGHAMSHIRE = "E54000060";
  private static final Map<String, String> ENV = Map.of("POPHEALTH_PSEUDONYMISATION_KEY",
      "test-key-for-england-shaped-data");
  private static final Path DIR = Path.of("target", "england-shaped");
  /** The tables by area, where small areas give small counts (referral_lsoa_resolution is one range per service). */
  private static final List<OutputTable> BY_AREA = List.of(OutputTables.AcpUptake.TABLE,
      OutputTables.ReferralDeprivation.TABLE, OutputTables.ReferralInequality.TABLE, OutputTables.DemandForecast.TABLE);

  private static JsonNode truth;
  private static String exactOut;
  private static String controlledOut;
  private static RunManifest exact;
  private static RunManifest controlled;

  @BeforeAll
  static void generateAndRunTwice() throws Exception {
    TestFiles.deleteRecursively(DIR);
    SparkSession spark = SharedSpark.spark();
    Path data = DIR.resolve("data");
    GenerateJob.run(spark, GeneratorOptions.fromCommandLine(new GeneratorOptions.CommandLine(data.toString(), PEOPLE,
        23, 0.002, geography(), REFDATA, "parquet", 48, PLACES, ICS)));
    truth = new ObjectMapper().readTree(Files.readString(data.resolve("truth.json")));
    Path config = data.resolve("job.yaml");
    exactOut = DIR.resolve("exact").toAbsolutePath().toString();
    // three financial years (the referral tables' periods grow with the range, at every population)
    exact = RunJob.run(spark, JobRequest.fromCommandLine(config,
        new JobRequest.CommandLine(exactOut, null, FIRST_MONTH, LAST_MONTH, "off", Map.of())), ENV, RunOutputs.quiet());
    controlledOut = DIR.resolve("controlled").toAbsolutePath().toString();
    // as a data cell runs it each month: the last month (and the financial year to date of the referral tables),
    // the demand forecasts from the whole history
    controlled = RunJob.run(spark, JobRequest.fromCommandLine(config,
        new JobRequest.CommandLine(controlledOut, LAST_MONTH, null, null, null, Map.of())), ENV, RunOutputs.quiet());
  }

  private static String geography() {
    return REFDATA != null ? "real" : "synthetic";
  }

  private static Dataset<Row> table(String out, String name) {
    return RunOutputs.table(out, name);
  }

  @Test
  void bothRunsCompleteAndPublishEveryProduct() {
    for (RunManifest manifest : List.of(exact, controlled)) {
      assertEquals(RunManifest.SUCCEEDED, manifest.status());
    }
    for (String out : List.of(exactOut, controlledOut)) {
      for (OutputTable product : OutputTables.ALL) {
        assertTrue(table(out, product.name()).count() > 0, product.name() + " is empty in " + out);
      }
    }
  }

  /** The shape this test exists for: demand series whose every month is suppressed, and still a forecast above them. */
  @Test
  void disclosureControlEmptiesWholeSeriesAndTheJobStillForecastsTheirIcs() {
    Dataset<Row> demand = table(controlledOut, DemandForecast.NAME);
    Column actual = col(DemandForecast.KIND).equalTo(DemandForecast.KIND_ACTUAL);
    Dataset<Row> emptied = demand.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_PLACE))
        .groupBy(OutputTables.GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME)
        .agg(min(when(actual, col(OutputTables.SUPPRESSED))).as("all_suppressed"))
        .filter(col("all_suppressed"));
    assertTrue(emptied.count() > 0, "no place series is wholly suppressed: the data is not England-shaped enough");
    Dataset<Row> forecasts = demand.filter(col(DemandForecast.KIND).equalTo(DemandForecast.KIND_FORECAST));
    Dataset<Row> emptiedForecasts = forecasts.join(emptied, seq(OutputTables.GEOGRAPHY_CODE,
        OutputTables.ACTIVITY_NAME));
    assertTrue(emptiedForecasts.count() > 0, "the emptied series keep their forecast rows");
    assertEquals(0, emptiedForecasts.filter(col(DemandForecast.VALUE).isNotNull()
        .or(col(OutputTables.SUPPRESSED).equalTo(false))).count(), "an emptied series publishes no forecast value");
    assertEquals(0, emptiedForecasts.filter(col(DemandForecast.FIT_NOTE).isNull()).count(),
        "an emptied series says why it is not forecast");
    Dataset<Row> ics = forecasts.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ICS));
    assertEquals(ICS, ics.select(OutputTables.GEOGRAPHY_CODE).distinct().count(), "every ICS is forecast");
    assertEquals(0, ics.filter(col(DemandForecast.VALUE).isNull().and(col(OutputTables.SUPPRESSED).equalTo(false)))
        .count(), "an ICS forecast that is not withheld has a value");
  }

  @Test
  void withDisclosureControlNoPublishedCountIsBetweenOneAndSevenOrUnrounded() {
    assertEquals(List.of(), RunOutputs.smallOrUnroundedCounts(controlledOut));
    for (OutputTable product : BY_AREA) {
      assertTrue(table(controlledOut, product.name()).filter(col(OutputTables.SUPPRESSED)).count() > 0,
          product.name() + " suppresses nothing: the areas are not small");
    }
  }

  @Test
  void noPublishedNumberIsNanOrInfinite() {
    assertEquals(List.of(), RunOutputs.nanOrInfinite(exactOut));
    assertEquals(List.of(), RunOutputs.nanOrInfinite(controlledOut));
  }

  /** Every person-month is in exactly one ICS, so the ICSs add up to all areas (exactly without disclosure control). */
  @Test
  void acpUptakeIcssAddUpToAllAreas() {
    Dataset<Row> uptake = table(exactOut, AcpUptake.NAME).filter(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE));
    Dataset<Row> ics = sums(uptake, OutputTables.LEVEL_ICS, List.of(AcpUptake.PERIOD_END), AcpUptake.REGISTER,
        AcpUptake.WITH_ACP);
    Dataset<Row> all = sums(uptake, OutputTables.LEVEL_ALL, List.of(AcpUptake.PERIOD_END), AcpUptake.REGISTER,
        AcpUptake.WITH_ACP);
    assertEquals(0, ics.exceptAll(all).count() + all.exceptAll(ics).count(), "ICS sums differ from all areas");
    assertTrue(all.count() >= 12, "acp_uptake covers the reporting months");
  }

  /** Each referral has exactly one place and one ICS (unknown included): both levels add up to all areas. */
  @Test
  void referralPlacesAndIcssAddUpToAllAreas() {
    Dataset<Row> deciles = table(exactOut, ReferralDeprivation.NAME);
    List<String> cell = List.of(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
        OutputTables.SERVICE, ReferralDeprivation.IMD_BASIS, ReferralDeprivation.QUANTILE_TYPE,
        ReferralDeprivation.IMD_QUANTILE);
    Dataset<Row> all = sums(deciles, OutputTables.LEVEL_ALL, cell, ReferralDeprivation.REFERRALS);
    for (String level : List.of(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS)) {
      Dataset<Row> parts = sums(deciles, level, cell, ReferralDeprivation.REFERRALS);
      assertEquals(0, parts.exceptAll(all).count() + all.exceptAll(parts).count(), level + " sums differ from all");
    }
  }

  /** Under disclosure control, a group none of whose cells is suppressed still adds up, within its rounding. */
  @Test
  void publishedDemandActualsAddUpWithinRoundingWhereNothingIsSuppressed() {
    Dataset<Row> actuals = table(controlledOut, DemandForecast.NAME)
        .filter(col(DemandForecast.KIND).equalTo(DemandForecast.KIND_ACTUAL));
    Dataset<Row> places = actuals.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_PLACE))
        .groupBy(col(OutputTables.PARENT_CODE).as(OutputTables.GEOGRAPHY_CODE), col(OutputTables.ACTIVITY_NAME),
            col(DemandForecast.MONTH))
        .agg(sum(DemandForecast.ACTUAL_COUNT).as("parts"), count(lit(1)).as("n"),
            max(col(OutputTables.SUPPRESSED).cast("int")).as("any_suppressed"));
    Dataset<Row> ics = actuals.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ICS)
        .and(col(OutputTables.SUPPRESSED).equalTo(false)))
        .select(col(OutputTables.GEOGRAPHY_CODE), col(OutputTables.ACTIVITY_NAME), col(DemandForecast.MONTH),
            col(DemandForecast.ACTUAL_COUNT).as("total"));
    Dataset<Row> whole = places.filter(col("any_suppressed").equalTo(0))
        .join(ics, seq(OutputTables.GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME, DemandForecast.MONTH));
    assertTrue(whole.count() > 0, "some ICS-months have no suppressed place");
    // each published count is within 2.5 of the exact one (rounded to 5): the sum of n parts and the total differ by
    // at most 2.5 (n + 1)
    assertEquals(0, whole.filter(abs(col("parts").minus(col("total"))).gt(col("n").plus(1).multiply(2.5))).count());
  }

  /**
   * The differencing attack of the sample test ({@link DifferencingAttack}) on England-shaped tables: a scheduled
   * run's acp_uptake month, referral financial year to date and demand history against the exact run. No suppressed
   * count of 1-7 is recovered or narrowed to fewer than 3 values, and no count two tables publish is suppressed in
   * one and published in the other.
   */
  @Test
  void noSuppressedSmallCountIsRecoveredByDifferencing() {
    List<Map<String, String>> nesting = DifferencingAttack.nesting(SharedSpark.spark(),
        DIR.resolve("data").resolve("footprints").toString());
    DifferencingAttack.Result result = DifferencingAttack.run(SharedSpark.spark(), controlledOut, exactOut,
        nesting.get(0), nesting.get(1));
    System.out.println("Differencing attack on the England-shaped run: " + result);
    assertTrue(result.suppressed() > 1_000, "the attack has suppressed cells to work on: " + result);
    assertEquals(0, result.smallNarrowed(), result.toString());
    assertEquals(List.of(), result.sameCountMismatches(), result.toString());
  }

  /** The register is exact without disclosure control: all areas on the last month-end is the planted count. */
  @Test
  void theAllAreasRegisterIsThePlantedOne() {
    JsonNode dementia = truth.get("dementia");
    Row all = table(exactOut, AcpUptake.NAME).filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ALL)
        .and(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE))
        .and(col(AcpUptake.PERIOD_END).equalTo(dementia.get("period_end").asText()))).first();
    assertEquals(dementia.get("register").asLong(), all.<Long>getAs(AcpUptake.REGISTER).longValue());
    double uptake = all.<Long>getAs(AcpUptake.WITH_ACP) / (double) all.<Long>getAs(AcpUptake.REGISTER);
    JsonNode range = truth.get("acp_uptake").get("planted_range");
    assertTrue(uptake >= range.get(0).asDouble() && uptake <= range.get(1).asDouble(),
        "all-areas uptake " + uptake + " outside the planted range " + range);
  }

  /** The planted deprivation gradient, over all areas and the three years (large cells): within 30% as on the sample. */
  @Test
  void theReferralGradientIsThePlantedOne() {
    JsonNode referrals = truth.get("referrals");
    Dataset<Row> deciles = table(exactOut, ReferralDeprivation.NAME).filter(
        col(OutputTables.PERIOD_TYPE).equalTo(OutputTables.PERIOD_FINANCIAL_YEAR)
            .and(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ALL))
            .and(col(OutputTables.SERVICE).isin(referrals.get("services").get(0).asText(),
                referrals.get("services").get(1).asText()))
            .and(col(ReferralDeprivation.IMD_BASIS).equalTo(ReferralDeprivation.BASIS_NATIONAL))
            .and(col(ReferralDeprivation.QUANTILE_TYPE).equalTo(ReferralDeprivation.QUANTILE_DECILE)));
    double[] rate = new double[11];
    for (int decile : new int[] {1, 10}) {
      Row sums = deciles.filter(col(ReferralDeprivation.IMD_DECILE).equalTo(decile))
          .agg(sum(ReferralDeprivation.REFERRALS), sum(ReferralDeprivation.POPULATION)).first();
      rate[decile] = (double) sums.getLong(0) / sums.getLong(1);
    }
    double planted = referrals.get("planted_rate_ratio_d1_d10").asDouble();
    assertTrue(Math.abs(rate[1] / rate[10] / planted - 1) < 0.30, "rate ratio " + rate[1] / rate[10] + " vs " + planted);
  }

  /** With the real geography, Bassetlaw (place E38000008) is forecast in Nottingham and Nottinghamshire, not its old ICS. */
  @Test
  void theRealGeographyKeepsBassetlawsMove() {
    assertEquals(geography(), truth.at("/parameters/geography").asText());
    if (REFDATA == null) {
      return;
    }
    Dataset<Row> bassetlaw = table(exactOut, DemandForecast.NAME)
        .filter(col(OutputTables.GEOGRAPHY_CODE).equalTo(BASSETLAW_PLACE));
    assertTrue(bassetlaw.count() > 0, "Bassetlaw has no demand rows");
    assertEquals(List.of(NOTTINGHAM_AND_NOTTINGHAMSHIRE), bassetlaw.select(OutputTables.PARENT_CODE).distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  private static Dataset<Row> sums(Dataset<Row> table, String level, List<String> cell, String... counts) {
    List<Column> aggregates = new ArrayList<>();
    for (String c : counts) {
      aggregates.add(sum(c).as(c));
    }
    return table.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(level))
        .groupBy(cell.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
  }

  private static scala.collection.Seq<String> seq(String... columns) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(columns)).toSeq();
  }
}
