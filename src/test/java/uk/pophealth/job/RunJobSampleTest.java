package uk.pophealth.job;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.datasources.InsertIntoHadoopFsRelationCommand;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.demand.SparseSeriesWithholding;
import uk.pophealth.deprivation.InequalityWithholding;
import uk.pophealth.publish.DifferencingAttack;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RunOutputs;
import uk.pophealth.testing.SharedSpark;
import uk.pophealth.testing.TestFiles;

/**
 * The whole run on the committed sample in data/ (generated with planted truth): the job recovers what the
 * generator planted. One run with disclosure control off (exact counts to compare with truth.json) and one
 * scheduled-style single-month run with it on.
 */
class RunJobSampleTest {
  private static final Path SAMPLE = Path.of("data", "job.yaml");
  private static final Map<String, String> ENV = Map.of("POPHEALTH_PSEUDONYMISATION_KEY", "test-key-for-the-synthetic-sample");

  /** Kept after the suite: scripts/test.sh runs the analysts' notebooks against these outputs. */
  private static final Path dir = Path.of("target", "sample-run");
  private static final Path STAGING = dir.resolve("staging");
  private static JsonNode truth;
  private static String exactOut;
  private static RunManifest exactManifest;
  private static String controlledOut;
  private static RunManifest controlledManifest;
  /** A demand_forecast series, and one month of it. */
  private static final List<String> DEMAND_SERIES = List.of(OutputTables.FORECAST_ORIGIN,
      OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
      OutputTables.ACTIVITY_NAME);
  private static final List<String> DEMAND_MONTH = List.of(OutputTables.FORECAST_ORIGIN,
      OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
      OutputTables.ACTIVITY_NAME, OutputTables.DemandForecast.MONTH);
  /** Where the controlled run's queries wrote, seen by a query listener. */
  private static final List<String> controlledWrites = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void runTwice() throws Exception {
    truth = new ObjectMapper().readTree(Files.readString(Path.of("data", "truth.json")));
    TestFiles.deleteRecursively(dir);
    SparkSession spark = SharedSpark.spark();
    exactOut = dir.resolve("exact").toAbsolutePath().toString();
    exactManifest = RunJob.run(spark,
        JobRequest.fromCommandLine(SAMPLE, new JobRequest.CommandLine(exactOut, null, null, null, "off", Map.of())),
        ENV, RunOutputs.quiet());
    controlledOut = dir.resolve("controlled").toAbsolutePath().toString();
    // the controlled run stages its ingested tables as Parquet (what the run job does unless told otherwise; a session
    // no job resolved, like this suite's, caches them): every test on its outputs checks that path too
    Files.createDirectories(STAGING);
    Files.writeString(STAGING.resolve("marker.txt"), "not the run's");
    spark.conf().set("spark.pophealth.ingest.staging", "parquet");
    spark.conf().set("spark.pophealth.ingest.stagingDir", STAGING.toAbsolutePath().toUri().toString());
    QueryExecutionListener writes = new QueryExecutionListener() {
      @Override
      public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        if (qe.logical() instanceof InsertIntoHadoopFsRelationCommand insert) {
          controlledWrites.add(insert.outputPath().toString());
        }
      }

      @Override
      public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
    };
    spark.listenerManager().register(writes);
    try {
      controlledManifest = RunJob.run(spark,
          JobRequest.fromCommandLine(SAMPLE,
              new JobRequest.CommandLine(controlledOut, "2025-12", null, null, null, Map.of())), ENV,
          RunOutputs.quiet());
    } finally {
      spark.sparkContext().listenerBus().waitUntilEmpty();
      spark.listenerManager().unregister(writes);
      spark.conf().unset("spark.pophealth.ingest.staging");
      spark.conf().unset("spark.pophealth.ingest.stagingDir");
    }
  }

  /** Without this, the test below would pass on a run that never staged anything. */
  @Test
  void theControlledRunStagedItsIngestedTablesAsParquet() {
    String staging = STAGING.toAbsolutePath().toUri().getPath();
    List<String> staged = controlledWrites.stream().filter(path -> path.contains(staging)).toList();
    assertTrue(staged.stream().anyMatch(path -> path.endsWith("/gp_events")), "writes under " + staging + ": "
        + staged + " (all writes: " + controlledWrites + ")");
  }

  @Test
  void theStagedRunDeletesItsStagingFolderAndNothingElse() throws Exception {
    try (java.util.stream.Stream<Path> left = Files.list(STAGING)) {
      assertEquals(List.of("marker.txt"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static scala.collection.Seq<String> seq(List<String> columns) {
    return scala.collection.JavaConverters.asScalaBuffer(columns).toSeq();
  }

  private static Dataset<Row> table(String out, String name) {
    return RunOutputs.table(out, name);
  }

  @Test
  void acpUptakePerPcnEqualsTheRealisedTruthExactly() {
    Dataset<Row> pcns = table(exactOut, AcpUptake.NAME).filter(col(AcpUptake.PERIOD_END).equalTo("2025-12-31")
        .and(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_PCN))
        .and(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE)));
    Map<String, long[]> published = new HashMap<>();
    for (Row row : pcns.collectAsList()) {
      published.put(row.getAs(OutputTables.GEOGRAPHY_CODE),
          new long[] {row.<Long>getAs(AcpUptake.REGISTER), row.<Long>getAs(AcpUptake.WITH_ACP)});
    }
    JsonNode byPcn = truth.get("acp_uptake").get("by_pcn");
    assertTrue(byPcn.size() >= 5, "truth has PCNs");
    for (JsonNode pcn : byPcn) {
      long[] counts = published.get(pcn.get("pcn_code").asText());
      assertTrue(counts != null, "PCN missing from acp_uptake: " + pcn);
      assertEquals(pcn.get("register").asLong(), counts[0], "register of " + pcn);
      assertEquals(pcn.get("with_acp").asLong(), counts[1], "with_acp of " + pcn);
    }
  }

  @Test
  void theMovedSubIcbCountsInItsOldIcsBeforeTheSwitchAndTheNewOneAfter() {
    JsonNode moved = truth.get("footprint_change").get("moved").get(0);
    String from = moved.get("from_ics_code").asText();
    String to = moved.get("to_ics_code").asText();
    Dataset<Row> ics = table(exactOut, AcpUptake.NAME).filter(col(OutputTables.GEOGRAPHY_LEVEL)
        .equalTo(OutputTables.LEVEL_ICS)
        .and(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE)));
    assertTrue(ics.filter(col(AcpUptake.PERIOD_END).equalTo("2022-06-30").and(col(OutputTables.GEOGRAPHY_CODE)
        .equalTo(from))).count() == 1,
        "old ICS reported before the switch");
    assertEquals(0, ics.filter(col(AcpUptake.PERIOD_END).geq("2022-07-31").and(col(OutputTables.GEOGRAPHY_CODE)
        .equalTo(from))).count(),
        "old ICS has no register after the switch");
    long all = registerOf(table(exactOut, AcpUptake.NAME), OutputTables.LEVEL_ALL, "all", "2022-07-31");
    assertEquals(all, registerOf(table(exactOut, AcpUptake.NAME), OutputTables.LEVEL_ICS, to, "2022-07-31"),
        "after the switch the receiving ICS holds everybody");
    long before = registerOf(table(exactOut, AcpUptake.NAME), OutputTables.LEVEL_ALL, "all", "2022-06-30");
    assertEquals(before, registerOf(table(exactOut, AcpUptake.NAME), OutputTables.LEVEL_ICS, to, "2022-06-30")
        + registerOf(table(exactOut, AcpUptake.NAME), OutputTables.LEVEL_ICS, from, "2022-06-30"));
  }

  private static long registerOf(Dataset<Row> uptake, String level, String code, String periodEnd) {
    return uptake.filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(level).and(col(OutputTables.GEOGRAPHY_CODE)
        .equalTo(code))
        .and(col(AcpUptake.PERIOD_END).equalTo(periodEnd)).and(col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE)))
        .first().<Long>getAs(AcpUptake.REGISTER);
  }

  @Test
  void referralRateRatioAndDeprivedShareRecoverThePlantedGradient() {
    Dataset<Row> deciles = table(exactOut, ReferralDeprivation.NAME).filter(
        col(OutputTables.PERIOD_TYPE).equalTo(OutputTables.PERIOD_FINANCIAL_YEAR)
            .and(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_ALL))
            .and(col(OutputTables.SERVICE).isin(truth.get("referrals").get("services").get(0).asText(),
                truth.get("referrals").get("services").get(1).asText()))
            .and(col(ReferralDeprivation.IMD_BASIS).equalTo(ReferralDeprivation.BASIS_NATIONAL))
            .and(col(ReferralDeprivation.QUANTILE_TYPE).equalTo(ReferralDeprivation.QUANTILE_DECILE)));
    double[] rate = new double[11];
    for (int decile : new int[] {1, 10}) {
      Row sums = deciles.filter(col(ReferralDeprivation.IMD_DECILE).equalTo(decile))
          .agg(sum(ReferralDeprivation.REFERRALS), sum(ReferralDeprivation.POPULATION)).first();
      rate[decile] = (double) sums.getLong(0) / sums.getLong(1);
    }
    double ratio = rate[1] / rate[10];
    double planted = truth.get("referrals").get("planted_rate_ratio_d1_d10").asDouble();
    // Over 4 years the decile-1 and decile-10 cells hold a few hundred referrals: +/- 30% covers sampling error.
    assertTrue(Math.abs(ratio / planted - 1) < 0.30, "rate ratio " + ratio + " vs planted " + planted);

    Row known = deciles.filter(col(ReferralDeprivation.IMD_DECILE).isNotNull())
        .agg(sum(ReferralDeprivation.REFERRALS)).first();
    Row deprived = deciles.filter(col(ReferralDeprivation.IMD_DECILE).leq(4))
        .agg(sum(ReferralDeprivation.REFERRALS)).first();
    double share = (double) deprived.getLong(0) / known.getLong(0);
    double expected = truth.get("referrals").get("share_most_deprived_40").get("planted_expected").asDouble();
    assertTrue(Math.abs(share - expected) < 0.05, "share " + share + " vs planted " + expected);
  }

  @Test
  void manifestRecordsTheRunAndTheDisclosureWarningOnlyWhenOff() {
    assertEquals(RunManifest.SUCCEEDED, exactManifest.status());
    assertTrue(exactManifest.warnings().contains(RunManifest.DISCLOSURE_OFF_WARNING));
    assertFalse(controlledManifest.warnings().contains(RunManifest.DISCLOSURE_OFF_WARNING));
    List<String> outputs = exactManifest.outputs().stream().map(RunManifest.Output::table).toList();
    assertTrue(outputs.containsAll(List.of(AcpUptake.NAME, ReferralDeprivation.NAME,
        OutputTables.ReferralInequality.NAME, OutputTables.DemandForecast.NAME, OutputTables.ForecastAccuracy.NAME)),
        outputs.toString());
    assertTrue(exactManifest.inputs().stream().allMatch(i -> i.sha256() != null && i.sha256().length() == 64));
    assertTrue(Files.exists(Path.of(exactOut, "report.html")));
  }

  @Test
  void singleMonthRunStillForecastsFromTheWholeHistory() {
    Dataset<Row> actuals = table(controlledOut, OutputTables.DemandForecast.NAME)
        .filter(col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_ACTUAL));
    assertEquals(java.sql.Date.valueOf("2022-01-01"),
        actuals.agg(org.apache.spark.sql.functions.min(OutputTables.DemandForecast.MONTH)).first().getDate(0));
    assertTrue(table(controlledOut, OutputTables.ForecastAccuracy.NAME).count() > 0);
  }

  @Test
  void plantedCapacityShortfallIsFlaggedFromTheFirstForecastMonthInEveryPlace() {
    JsonNode capacity = truth.get("capacity");
    String exceeded = capacity.get("exceeded_activity").asText();
    Dataset<Row> place = table(exactOut, OutputTables.DemandForecast.NAME)
        .filter(col(OutputTables.GEOGRAPHY_LEVEL).equalTo(OutputTables.LEVEL_PLACE)
            .and(col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_FORECAST)));
    List<Row> firstExceeded = place.filter(col(OutputTables.ACTIVITY_NAME).equalTo(exceeded))
        .groupBy(col(OutputTables.GEOGRAPHY_CODE))
        .agg(org.apache.spark.sql.functions.min(OutputTables.DemandForecast.CAPACITY_EXCEEDED_FROM),
            org.apache.spark.sql.functions.max(OutputTables.DemandForecast.CAPACITY_EXCEEDED_FROM),
            org.apache.spark.sql.functions.avg(OutputTables.DemandForecast.UTILISATION))
        .collectAsList();
    assertEquals(capacity.get("recent_mean_monthly_activity").size(), firstExceeded.size(), "places with " + exceeded);
    for (Row row : firstExceeded) {
      // Capacity was planted at 0.8 x the recent mean: the 95% upper limit is over it from the first forecast month
      // and the forecast over it on average (seasonal low months may dip under it).
      assertEquals(java.sql.Date.valueOf("2026-01-01"), row.getDate(1), row.toString());
      assertEquals(row.getDate(1), row.getDate(2), row.toString());
      assertTrue(row.getDouble(3) > 1.0, "mean forecast utilisation above 100%: " + row);
    }
    assertEquals(0, place.filter(col(OutputTables.DemandForecast.DEMOGRAPHIC_PROJECTION).isNull()
        .or(col(OutputTables.DemandForecast.DEMOGRAPHIC_PROJECTION).lt(0))).count(),
        "every place forecast row has a demographic projection");
  }

  @Test
  void withDisclosureControlNoPublishedCountIsBetweenOneAndSeven() {
    Dataset<Row> uptake = table(controlledOut, AcpUptake.NAME);
    assertEquals(1, uptake.select(AcpUptake.PERIOD_END).distinct().count(), "--period wrote one month");
    assertEquals(0, uptake.filter(col(AcpUptake.REGISTER).between(1, 7).or(col(AcpUptake.WITH_ACP).between(1, 7))).count());
    assertEquals(0, uptake.filter(col(AcpUptake.REGISTER).isNotNull().and(col(AcpUptake.REGISTER).mod(5).notEqual(0))).count());
    assertTrue(uptake.filter(col(OutputTables.SUPPRESSED)).count() > 0, "some cells are suppressed in a small sample");
    Dataset<Row> referrals = table(controlledOut, ReferralDeprivation.NAME);
    assertEquals(0, referrals.filter(col(ReferralDeprivation.REFERRALS).between(1, 7)).count());
  }

  /**
   * change_12m is uptake minus the uptake 12 months earlier: published against a suppressed month it would give
   * that month's uptake back, and with its register its suppressed count. The exact run holds the earlier month's
   * true counts; wherever one of them is 1-7 (suppressed in any controlled run of that month) the controlled
   * run's change must be null.
   */
  @Test
  void noTwelveMonthChangeIsPublishedAgainstASuppressedMonth() {
    Dataset<Row> controlled = table(controlledOut, AcpUptake.NAME);
    Dataset<Row> earlier = table(exactOut, AcpUptake.NAME)
        .filter(col(AcpUptake.REGISTER).between(1, 7).or(col(AcpUptake.WITH_ACP).between(1, 7)))
        .select(col(AcpUptake.PERIOD_END).as("earlier_end"), col(OutputTables.GEOGRAPHY_LEVEL).as("earlier_level"),
            col(OutputTables.GEOGRAPHY_CODE).as("earlier_code"), col(AcpUptake.BREAKDOWN).as("earlier_breakdown"),
            col(AcpUptake.BREAKDOWN_VALUE).as("earlier_value"));
    Dataset<Row> againstSuppressed = controlled.join(earlier,
        col("earlier_end").equalTo(last_day(add_months(col(AcpUptake.PERIOD_END), -12)))
            .and(col("earlier_level").equalTo(col(OutputTables.GEOGRAPHY_LEVEL)))
            .and(col("earlier_code").equalTo(col(OutputTables.GEOGRAPHY_CODE)))
            .and(col("earlier_breakdown").equalTo(col(AcpUptake.BREAKDOWN)))
            .and(col("earlier_value").equalTo(col(AcpUptake.BREAKDOWN_VALUE))));
    assertTrue(againstSuppressed.filter(col(OutputTables.SUPPRESSED).equalTo(false)).count() > 0,
        "the sample has published cells whose month 12 earlier is suppressed");
    assertEquals(0, againstSuppressed.filter(col(AcpUptake.CHANGE_12M).isNotNull()).count(),
        "change_12m published against a suppressed month");
    assertTrue(controlled.filter(col(AcpUptake.CHANGE_12M).isNotNull()).count() > 0, "no change_12m at all");
  }

  /**
   * The rate ratio of deciles 1 and 10 times one end's published rate gives the other's; the SII is linear in the ten
   * decile rates. Neither may be published where a decile it uses is suppressed in referral_deprivation.
   */
  @Test
  void noInequalityFigureIsPublishedOverASuppressedDecile() {
    Dataset<Row> deciles = table(controlledOut, ReferralDeprivation.NAME)
        .filter(col(ReferralDeprivation.QUANTILE_TYPE).equalTo(ReferralDeprivation.QUANTILE_DECILE)
            .and(col(ReferralDeprivation.IMD_QUANTILE).isNotNull()))
        .groupBy(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START, OutputTables.GEOGRAPHY_LEVEL,
            OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE, ReferralDeprivation.IMD_BASIS)
        .agg(max(col(OutputTables.SUPPRESSED)).as("any_suppressed"),
            max(col(OutputTables.SUPPRESSED).and(col(ReferralDeprivation.IMD_QUANTILE).isin(1, 10)))
                .as("end_suppressed"));
    Dataset<Row> rows = table(controlledOut, OutputTables.ReferralInequality.NAME).join(deciles,
        scala.collection.JavaConverters.asScalaBuffer(List.of(OutputTables.PERIOD_TYPE,
            OutputTables.PERIOD_START, OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
            OutputTables.SERVICE, ReferralDeprivation.IMD_BASIS)).toSeq());
    assertTrue(rows.filter(col("any_suppressed")).count() > 0, "the sample has rows over a suppressed decile");
    assertEquals(0, rows.filter(col("any_suppressed").and(col(OutputTables.ReferralInequality.SII).isNotNull()
        .or(col(OutputTables.ReferralInequality.RII_UPPER95).isNotNull()))).count(), "SII over a suppressed decile");
    assertEquals(0, rows.filter(col("end_suppressed")
        .and(col(OutputTables.ReferralInequality.RATE_RATIO_D1_D10).isNotNull())).count(),
        "rate ratio over a suppressed decile 1 or 10");
    assertTrue(rows.filter(col(OutputTables.ReferralInequality.SII_STATUS)
        .equalTo(InequalityWithholding.WITHHELD)).count() > 0, "no sii_status says why the SII was withheld");
    assertTrue(rows.filter(col(OutputTables.ReferralInequality.RATE_RATIO_D1_D10).isNotNull()).count() > 0,
        "rate ratios still published where both ends are");
  }

  /**
   * An outside differencing attack on the controlled run's tables ({@link DifferencingAttack}: every additive
   * identity a reader can form, months within quarters and years and the same count in two tables included, checked
   * against the exact run, with interval bounds propagated to a fixpoint): no suppressed count of 1-7 is recovered or
   * narrowed to fewer than 3 values. On main before issue 24 it found some (docs/disclosure-control.md).
   */
  @Test
  void noSuppressedSmallCountIsRecoveredByDifferencing() {
    List<Map<String, String>> nesting = DifferencingAttack.nesting(SharedSpark.spark(),
        Path.of("data", "footprints").toString());
    DifferencingAttack.Result result = DifferencingAttack.run(SharedSpark.spark(), controlledOut, exactOut,
        nesting.get(0), nesting.get(1));
    System.out.println("Differencing attack on the sample: " + result);
    assertTrue(result.equations() > 10_000, "the attack has equations to work with: " + result);
    assertTrue(result.suppressed() > 1_000, "the attack has suppressed cells to work on: " + result);
    assertEquals(0, result.smallNarrowed(), result.toString());
    assertEquals(List.of(), result.sameCountMismatches(), "a count two tables publish is suppressed in both or neither");
  }

  /**
   * Demand re-bases its history onto today's footprint, so before the sample's July 2022 boundary change its ZP003
   * and E54Z00001 are other areas than the in-force tables' ZP003 and E54Z00001: their actuals are withheld.
   */
  @Test
  void demandWithholdsTheActualsOfAreasWhoseFootprintDiffersFromTheOneInForce() {
    Dataset<Row> actuals = table(controlledOut, OutputTables.DemandForecast.NAME)
        .filter(col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_ACTUAL));
    Dataset<Row> withheld = actuals.filter(col(OutputTables.DemandForecast.FIT_NOTE)
        .contains(uk.pophealth.demand.ReassignedMonths.NOTE));
    assertTrue(withheld.count() > 0, "the sample's boundary change withholds some actuals");
    assertEquals(0, withheld.filter(col(OutputTables.DemandForecast.ACTUAL_COUNT).isNotNull()
        .or(col(OutputTables.DemandForecast.MONTH).geq("2022-07-01"))
        .or(col(OutputTables.GEOGRAPHY_CODE).isin("E54Z00001", "ZP003").unary_$bang())).count());
    assertEquals(0, actuals.filter(col(OutputTables.GEOGRAPHY_CODE).isin("E54Z00001", "ZP003")
        .and(col(OutputTables.DemandForecast.MONTH).lt("2022-07-01"))
        .and(col(OutputTables.DemandForecast.ACTUAL_COUNT).isNotNull())).count(), "none before July published");
  }

  /** A published with_acp under a suppressed register ("none of these few has a plan") is attribute disclosure. */
  @Test
  void noNumeratorIsPublishedUnderASuppressedDenominator() {
    Dataset<Row> uptake = table(controlledOut, AcpUptake.NAME);
    assertTrue(uptake.filter(col(AcpUptake.REGISTER).isNull()).count() > 0, "the sample has suppressed registers");
    assertEquals(0, uptake.filter(col(AcpUptake.REGISTER).isNull().and(col(AcpUptake.WITH_ACP).isNotNull())).count());
    Dataset<Row> inequality = table(controlledOut, OutputTables.ReferralInequality.NAME);
    assertEquals(0, inequality.filter(col(OutputTables.ReferralDeprivation.REFERRALS).isNull()
        .and(col(OutputTables.ReferralInequality.REFERRALS_KNOWN_DECILE).isNotNull())).count());
  }

  /** A parent unit's uptake times its published register would give back its suppressed count. */
  @Test
  void noParentUptakeIsPublishedForASuppressedParent() {
    Dataset<Row> uptake = table(controlledOut, AcpUptake.NAME);
    Dataset<Row> parents = uptake.select(col(AcpUptake.PERIOD_END).as("p_end"),
        col(OutputTables.GEOGRAPHY_LEVEL).as("p_level"),
        col(OutputTables.GEOGRAPHY_CODE).as("p_code"), col(AcpUptake.BREAKDOWN).as("p_breakdown"),
        col(AcpUptake.BREAKDOWN_VALUE).as("p_value"), col(OutputTables.SUPPRESSED).as("p_suppressed"));
    Dataset<Row> children = uptake.join(parents, col("p_end").equalTo(col(AcpUptake.PERIOD_END))
        .and(col("p_level").equalTo(col(AcpUptake.PARENT_LEVEL))).and(col("p_code")
            .equalTo(col(OutputTables.PARENT_CODE)))
        .and(col("p_breakdown").equalTo(col(AcpUptake.BREAKDOWN)))
        .and(col("p_value").equalTo(col(AcpUptake.BREAKDOWN_VALUE))));
    assertTrue(children.filter(col("p_suppressed")).count() > 0, "the sample has suppressed parents");
    assertEquals(0, children.filter(col("p_suppressed").and(col(AcpUptake.PARENT_UPTAKE).isNotNull()
        .or(col(AcpUptake.FUNNEL_FLAG).isNotNull()))).count(), "parent uptake or funnel flag of a suppressed parent");
    assertTrue(children.filter(col(AcpUptake.PARENT_UPTAKE).isNotNull()).count() > 0, "no parent uptake at all");
  }

  /**
   * A rate or share computed from the exact counts gives them back (rate x published population), and a suppressed
   * month is then its quarter minus its other months. Published, every rate, share and uptake is that of the
   * published counts.
   */
  @Test
  void ratesAndSharesAreThoseOfThePublishedCounts() {
    Dataset<Row> cells = table(controlledOut, ReferralDeprivation.NAME)
        .filter(col(ReferralDeprivation.POPULATION).gt(0));
    Column rate = col(ReferralDeprivation.REFERRALS).divide(col(ReferralDeprivation.POPULATION)).multiply(1000);
    assertTrue(cells.filter(col(ReferralDeprivation.RATE_PER_1000).isNotNull()).count() > 0, "no published rate");
    assertEquals(0, cells.filter(abs(col(ReferralDeprivation.RATE_PER_1000).minus(rate)).gt(1e-9)).count(),
        "rate_per_1000 other than referrals / population x 1,000 as published");
    assertEquals(0, cells.filter(col(ReferralDeprivation.REFERRALS).isNull()
        .and(col(ReferralDeprivation.RATE_PER_1000).isNotNull())).count(), "a rate of a suppressed count");
    Dataset<Row> rows = table(controlledOut, OutputTables.ReferralInequality.NAME)
        .filter(col(OutputTables.ReferralInequality.REFERRALS_KNOWN_DECILE).gt(0));
    Column share = col(OutputTables.ReferralInequality.REFERRALS_MOST_DEPRIVED_40)
        .divide(col(OutputTables.ReferralInequality.REFERRALS_KNOWN_DECILE));
    assertTrue(rows.filter(col(OutputTables.ReferralInequality.SHARE_MOST_DEPRIVED_40).isNotNull()).count() > 0);
    assertEquals(0, rows.filter(abs(col(OutputTables.ReferralInequality.SHARE_MOST_DEPRIVED_40).minus(share))
        .gt(1e-12)).count(), "share_most_deprived_40 other than that of the published counts");
    Dataset<Row> resolution = table(controlledOut, OutputTables.ReferralLsoaResolution.NAME);
    Dataset<Row> serviceTotals = resolution.groupBy(OutputTables.SERVICE)
        .agg(sum(col(OutputTables.ReferralDeprivation.REFERRALS)).as("published_total"));
    Dataset<Row> shares = resolution.join(serviceTotals, OutputTables.SERVICE);
    Column resolutionShare = col(OutputTables.ReferralLsoaResolution.SHARE_OF_REFERRALS);
    Column publishedReferrals = col(OutputTables.ReferralDeprivation.REFERRALS);
    assertTrue(shares.filter(resolutionShare.isNotNull()).count() > 0, "no published share of referrals");
    assertEquals(0, shares.filter(resolutionShare.isNull().notEqual(publishedReferrals.isNull())
        .or(abs(resolutionShare.minus(publishedReferrals.divide(col("published_total")))).gt(1e-12))).count(),
        "share_of_referrals other than the row's published referrals over its service's published total");
    Dataset<Row> uptake = table(controlledOut, AcpUptake.NAME).filter(col(AcpUptake.REGISTER).gt(0));
    assertTrue(uptake.filter(col(AcpUptake.UPTAKE).isNotNull()).count() > 0, "no published uptake");
    assertEquals(0, uptake.filter(abs(col(AcpUptake.UPTAKE)
        .minus(col(AcpUptake.WITH_ACP).divide(col(AcpUptake.REGISTER)))).gt(1e-12)).count(),
        "uptake other than with_acp / register as published");
  }

  /**
   * Under disclosure control the models are fitted on the published actuals. For ETS(A,N,N), whose fitted value is
   * the previous level, each month's fitted value follows from the last one and the published actual with the
   * published alpha, f_{t+1} = f_t + alpha (y_t - f_t), and a suppressed month changes nothing (f_{t+1} = f_t). On a
   * model fitted to the exact counts neither holds (and before, the fitted values were withheld for that reason:
   * with alpha they gave the exact counts back).
   */
  @Test
  void underDisclosureControlTheModelsSeeOnlyThePublishedActuals() {
    Dataset<Row> controlled = table(controlledOut, OutputTables.DemandForecast.NAME);
    List<String> series = DEMAND_SERIES;
    List<String> month = DEMAND_MONTH;
    Dataset<Row> fitted = controlled.filter(col(OutputTables.DemandForecast.KIND)
            .equalTo(OutputTables.DemandForecast.KIND_FITTED)
            .and(col(OutputTables.MODEL).equalTo("ETS(A,N,N)"))
            .and(col(OutputTables.DemandForecast.VALUE).isNotNull()))
        .withColumn("alpha", regexp_extract(col(OutputTables.DemandForecast.MODEL_PARAMETERS),
            "alpha=([-0-9.eE+]+)", 1).cast("double"))
        .withColumnRenamed(OutputTables.DemandForecast.VALUE, "f");
    Dataset<Row> next = fitted.select(col(series.get(0)), col(series.get(1)), col(series.get(2)), col(series.get(3)),
        add_months(col(OutputTables.DemandForecast.MONTH), -1).as(OutputTables.DemandForecast.MONTH),
        col("f").as("f_next"));
    Dataset<Row> actual = controlled.filter(col(OutputTables.DemandForecast.KIND)
            .equalTo(OutputTables.DemandForecast.KIND_ACTUAL))
        .select(col(series.get(0)), col(series.get(1)), col(series.get(2)), col(series.get(3)),
            col(OutputTables.DemandForecast.MONTH), col(OutputTables.DemandForecast.VALUE).as("y"),
            col(OutputTables.SUPPRESSED).as("y_suppressed"));
    Dataset<Row> steps = fitted.join(next, seq(month))
        .join(actual, seq(month))
        .withColumn("expected", when(col("y").isNull(), col("f"))
            .otherwise(col("f").plus(col("alpha").multiply(col("y").minus(col("f"))))));
    long suppressedSteps = steps.filter(col("y_suppressed")).count();
    assertTrue(steps.filter(not(col("y_suppressed"))).count() > 100, "published steps checked");
    assertTrue(suppressedSteps > 0, "steps over a suppressed month checked");
    assertEquals(suppressedSteps, steps.filter(col("y").isNull()).count(), "a suppressed actual is missing");
    Dataset<Row> off = steps.filter(abs(col("f_next").minus(col("expected")))
        .gt(lit(1e-3).multiply(greatest(lit(1.0), abs(col("f"))))));
    assertEquals(0, off.count(), () -> "fitted values not those of the published actuals: "
        + off.limit(5).collectAsList());
  }

  /**
   * A series with more than a quarter of its months suppressed is published without fitted values or forecasts
   * (fitted on what is left, its zeros and its counts above 7, they would be biased); the others keep theirs.
   */
  @Test
  void underDisclosureControlMostlySuppressedSeriesAreNotForecast() {
    Dataset<Row> controlled = table(controlledOut, OutputTables.DemandForecast.NAME);
    Column actual = col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_ACTUAL);
    Dataset<Row> share = controlled.filter(actual)
        .groupBy(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
            OutputTables.ACTIVITY_NAME)
        .agg(avg(col(OutputTables.SUPPRESSED).cast("double")).as("share"));
    Dataset<Row> modelled = controlled.filter(not(actual)).join(share, new scala.collection.immutable.Set.Set3<>(
        OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
        OutputTables.ACTIVITY_NAME).toSeq());
    Column sparse = col("share").gt(SparseSeriesWithholding.MAX_SUPPRESSED_SHARE);
    assertTrue(modelled.filter(sparse).count() > 0, "no series is mostly suppressed");
    assertEquals(0, modelled.filter(sparse.and(col(OutputTables.DemandForecast.VALUE).isNotNull()
        .or(not(col(OutputTables.SUPPRESSED))))).count(), "a forecast of a mostly suppressed series");
    Column forecast = col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_FORECAST);
    assertTrue(modelled.filter(not(sparse).and(forecast)).count() > 0, "no series is forecast");
    assertEquals(0, modelled.filter(not(sparse).and(forecast).and(col(OutputTables.DemandForecast.VALUE).isNull()))
        .count(), "a series with few months suppressed is not forecast");
    assertTrue(controlled.filter(col(OutputTables.DemandForecast.MODEL_PARAMETERS).isNotNull()).count() > 0,
        "model parameters are published");
  }

  /**
   * The demographic projection starts from the mean of the last 12 months: from the exact counts it was the exact
   * mean times a growth the public population gives, so it gave a suppressed month back. Under disclosure control
   * each series' projection (place, ICS or all) is the exact run's scaled to its published 12-month total, and
   * absent where one of those months is suppressed.
   */
  @Test
  void underDisclosureControlTheDemographicProjectionIsThatOfThePublishedActuals() {
    List<String> series = DEMAND_SERIES;
    List<String> month = DEMAND_MONTH;
    Dataset<Row> controlled = table(controlledOut, OutputTables.DemandForecast.NAME);
    Dataset<Row> exact = table(exactOut, OutputTables.DemandForecast.NAME);
    Column forecast = col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_FORECAST);
    Column base = col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_ACTUAL)
        .and(col(OutputTables.DemandForecast.MONTH).gt(add_months(col(OutputTables.FORECAST_ORIGIN),
            -12)));
    Column[] seriesColumns = series.stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> published = controlled.filter(base).groupBy(seriesColumns)
        .agg(sum(col(OutputTables.DemandForecast.VALUE)).as("published_sum"),
            org.apache.spark.sql.functions.count(col(OutputTables.DemandForecast.VALUE)).as("published_months"));
    Dataset<Row> exactBase = exact.filter(base).groupBy(seriesColumns)
        .agg(sum(col(OutputTables.DemandForecast.VALUE)).as("exact_sum"));
    Dataset<Row> projections = controlled.filter(forecast)
        .select(col(series.get(0)), col(series.get(1)), col(series.get(2)), col(series.get(3)),
            col(OutputTables.DemandForecast.MONTH),
            col(OutputTables.DemandForecast.DEMOGRAPHIC_PROJECTION).as("controlled_projection"))
        .join(exact.filter(forecast).select(col(series.get(0)), col(series.get(1)), col(series.get(2)),
            col(series.get(3)), col(OutputTables.DemandForecast.MONTH),
            col(OutputTables.DemandForecast.DEMOGRAPHIC_PROJECTION).as("exact_projection")),
            seq(month))
        .join(published, seq(series))
        .join(exactBase, seq(series))
        .filter(col("exact_projection").isNotNull());
    Column complete = col("published_months").equalTo(12);
    assertTrue(projections.filter(complete.and(col("published_sum").notEqual(col("exact_sum")))).count() > 0,
        "no projection whose published base differs from the exact one");
    assertTrue(projections.filter(not(complete)).count() > 0, "no projection over a suppressed base month");
    assertTrue(projections.filter(complete.and(col(OutputTables.GEOGRAPHY_LEVEL)
        .equalTo(OutputTables.LEVEL_ICS))).count() > 0, "no ICS projection checked");
    assertEquals(0, projections.filter(not(complete).and(col("controlled_projection").isNotNull())).count(),
        "a projection over a suppressed base month");
    Column expected = when(col("exact_sum").gt(0),
        col("exact_projection").multiply(col("published_sum")).divide(col("exact_sum")))
        .otherwise(col("exact_projection"));
    assertEquals(0, projections.filter(complete.and(col("controlled_projection").isNull()
        .or(abs(col("controlled_projection").minus(expected)).gt(lit(1e-9).multiply(
            greatest(lit(1.0), abs(expected))))))).count(),
        "a projection other than the exact one scaled to the published base");
  }
}
