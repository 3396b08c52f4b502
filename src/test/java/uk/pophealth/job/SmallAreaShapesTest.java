package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RunOutputs;
import uk.pophealth.testing.SharedSpark;
import uk.pophealth.testing.TestFiles;

/**
 * Issue 23, "nothing a data shape can produce stops the job": the whole run on {@link SmallAreaInputs}, a hand-made
 * set of inputs holding every shape small areas produce at once, run twice over 24 reporting months (enough for the
 * demand forecast), with disclosure control off and on. Each shape has its own tests of what is published for it.
 */
class SmallAreaShapesTest {
  private static final Path DIR = Path.of("target", "small-area-shapes");
  private static String exactOut;
  private static RunManifest exactManifest;
  private static String controlledOut;
  private static RunManifest controlledManifest;

  @BeforeAll
  static void runTwice() {
    TestFiles.deleteRecursively(DIR);
    Path yaml = SmallAreaInputs.write(DIR.resolve("in"));
    exactOut = DIR.resolve("exact").toAbsolutePath().toString();
    exactManifest = RunJob.run(SharedSpark.spark(),
        JobRequest.fromCommandLine(yaml, new JobRequest.CommandLine(exactOut, null, null, null, "off", Map.of())),
        Map.of(), RunOutputs.quiet());
    controlledOut = DIR.resolve("controlled").toAbsolutePath().toString();
    controlledManifest = RunJob.run(SharedSpark.spark(),
        JobRequest.fromCommandLine(yaml, new JobRequest.CommandLine(controlledOut, null, null, null, "on", Map.of())),
        Map.of(), RunOutputs.quiet());
  }

  /** The outputs with a demand forecast: both (under disclosure control the small ICS's series are all suppressed). */
  private static List<String> demandRuns() {
    return List.of(exactOut, controlledOut);
  }

  private static Dataset<Row> table(String out, String name) {
    return RunOutputs.table(out, name);
  }

  private static Column is(String column, Object value) {
    return col(column).equalTo(lit(value));
  }

  private static Date monthEnd(YearMonth month) {
    return Date.valueOf(month.atEndOfMonth());
  }

  private static Date monthStart(YearMonth month) {
    return Date.valueOf(month.atDay(1));
  }

  // ---- the runs as a whole

  @Test
  void bothRunsSucceedAndPublishEveryProductTheyRan() {
    for (RunManifest manifest : List.of(exactManifest, controlledManifest)) {
      assertEquals(RunManifest.SUCCEEDED, manifest.status(), manifest.message());
      List<String> tables = manifest.outputs().stream().map(RunManifest.Output::table).toList();
      for (String expected : List.of(AcpUptake.NAME, ReferralDeprivation.NAME, ReferralInequality.NAME,
          OutputTables.ReferralLsoaResolution.NAME)) {
        assertTrue(tables.contains(expected), expected + " missing from " + tables);
      }
    }
    List<String> exactTables = exactManifest.outputs().stream().map(RunManifest.Output::table).toList();
    assertTrue(exactTables.contains(DemandForecast.NAME) && exactTables.contains(OutputTables.ForecastAccuracy.NAME),
        "the exact run forecasts: " + exactTables);
    assertEquals(RunManifest.ON, controlledManifest.disclosureControl());
  }

  /** No shape may make a rate, interval, share, index or forecast NaN or infinite. */
  @Test
  void noDoubleInAnyTableOfEitherRunIsNanOrInfinite() {
    assertEquals(List.of(), RunOutputs.nanOrInfinite(exactOut));
    assertEquals(List.of(), RunOutputs.nanOrInfinite(controlledOut));
  }

  /** Under disclosure control no count column of any table holds 1-7, and every published count is a multiple of 5. */
  @Test
  void theControlledRunPublishesNoSmallCountAndEveryCountRounded() {
    assertEquals(List.of(), RunOutputs.smallOrUnroundedCounts(controlledOut));
    assertTrue(table(controlledOut, AcpUptake.NAME).filter(col(OutputTables.SUPPRESSED)).count() > 0,
        "the small units make the control suppress something");
  }

  // ---- 1. a practice / PCN with an empty dementia register

  /**
   * Z00003 (the only practice of PCN UZ0002) has registered patients, none with dementia; Z00008 has nobody
   * registered, though three diagnoses are recorded there. A unit with nobody on the register has no acp_uptake row
   * (a missing row, not a 0 / 0 uptake); the diagnoses recorded at Z00008 count where the people are registered.
   */
  @Test
  void aUnitWithAnEmptyRegisterHasNoUptakeRowAndAddsNobodyToItsParents() {
    for (String out : List.of(exactOut, controlledOut)) {
      Dataset<Row> uptake = table(out, AcpUptake.NAME);
      assertEquals(0, uptake.filter(col(OutputTables.GEOGRAPHY_CODE).isin(SmallAreaInputs.EMPTY_PRACTICE,
          SmallAreaInputs.EMPTY_PCN, SmallAreaInputs.UNREGISTERED_PRACTICE)).count(), out);
      assertEquals(0, uptake.filter(is(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE)
          .and(col(AcpUptake.REGISTER).equalTo(0))).count(), "no unit with a 0 register in " + out);
      assertEquals(0, uptake.filter(col(AcpUptake.UPTAKE).lt(0).or(col(AcpUptake.UPTAKE).gt(1))).count(), out);
    }
    Dataset<Row> exact = table(exactOut, AcpUptake.NAME).filter(is(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE)
        .and(is(AcpUptake.PERIOD_END, monthEnd(SmallAreaInputs.TO))));
    // place ZP001 is Z00001 (30) + Z00002 (20) + the empty Z00003
    assertEquals(50L, register(exact, OutputTables.LEVEL_PLACE, SmallAreaInputs.EMPTY_PRACTICE_PLACE));
    // after the closure Z00004 holds its 40 and Z00005's 15, three of them diagnosed at Z00008
    assertEquals(55L, register(exact, OutputTables.LEVEL_PRACTICE, SmallAreaInputs.RECEIVING_PRACTICE));
  }

  private static long register(Dataset<Row> rows, String level, String code) {
    List<Row> found = rows.filter(is(OutputTables.GEOGRAPHY_LEVEL, level).and(is(OutputTables.GEOGRAPHY_CODE, code)))
        .collectAsList();
    assertEquals(1, found.size(), level + " " + code + ": " + found);
    return found.get(0).<Long>getAs(AcpUptake.REGISTER);
  }

  // ---- 2. an IMD decile with no population and no referrals

  /**
   * Decile 5's only LSOA has a population of 0 and no referrals: its rows (and quintile 3's, deciles 5 and 6) are
   * published with 0 referrals, 0 population and no rate or limits. Decile 6 has no LSOA at all, so no row.
   */
  @Test
  void aDecileWithNoPopulationHasZeroCountsAndNoRate() {
    for (String out : List.of(exactOut, controlledOut)) {
      Dataset<Row> deprivation = table(out, ReferralDeprivation.NAME)
          .filter(is(ReferralDeprivation.IMD_BASIS, ReferralDeprivation.BASIS_NATIONAL));
      assertEquals(0, deprivation.filter(is(ReferralDeprivation.IMD_DECILE, SmallAreaInputs.ABSENT_DECILE)).count(),
          "no LSOA has decile 6: " + out);
      Dataset<Row> empty = deprivation.filter(
          is(ReferralDeprivation.QUANTILE_TYPE, ReferralDeprivation.QUANTILE_DECILE)
              .and(is(ReferralDeprivation.IMD_QUANTILE, SmallAreaInputs.EMPTY_DECILE))
          .or(is(ReferralDeprivation.QUANTILE_TYPE, ReferralDeprivation.QUANTILE_QUINTILE)
              .and(is(ReferralDeprivation.IMD_QUANTILE, 3))));
      assertTrue(empty.count() > 0, "decile 5 and quintile 3 have rows in " + out);
      for (Row row : empty.collectAsList()) {
        // under disclosure control a few are withheld as complements (their count empty too)
        boolean suppressed = row.<Boolean>getAs(OutputTables.SUPPRESSED);
        assertFalse(suppressed && out.equals(exactOut), row.toString());
        assertEquals(suppressed ? null : 0L, row.<Long>getAs(ReferralDeprivation.REFERRALS), row.toString());
        assertEquals(0L, row.<Long>getAs(ReferralDeprivation.POPULATION), row.toString());
        assertNull(row.getAs(ReferralDeprivation.RATE_PER_1000), row.toString());
        assertNull(row.getAs(OutputTables.LOWER95), row.toString());
        assertNull(row.getAs(OutputTables.UPPER95), row.toString());
      }
      // the share from the most deprived 40% is still computed; the SII, fitted as phe_sii on every decile, is
      // withheld with the first decile without population as the reason
      Row all = table(out, ReferralInequality.NAME).filter(is(OutputTables.PERIOD_TYPE,
              OutputTables.PERIOD_FINANCIAL_YEAR).and(is(OutputTables.PERIOD_START, Date.valueOf("2024-04-01")))
          .and(is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ALL))
          .and(is(OutputTables.SERVICE, ReferralDeprivation.SERVICE_ALL))
          .and(is(OutputTables.ReferralDeprivation.IMD_BASIS, ReferralDeprivation.BASIS_NATIONAL))).first();
      assertNotNull(all.getAs(ReferralInequality.SHARE_MOST_DEPRIVED_40), all.toString());
      assertNull(all.getAs(ReferralInequality.SII), all.toString());
      assertNull(all.getAs(ReferralInequality.RII), all.toString());
      assertEquals("no population in decile " + SmallAreaInputs.EMPTY_DECILE, all.getAs(ReferralInequality.SII_STATUS));
    }
  }

  // ---- 3. a place, district and ICS with no referrals at all

  /**
   * Place ZP004 (district E07Z00004, the only place of ICS E54Z00003) has residents and no referral: its rows are
   * published with 0 referrals, its population and a rate of 0 with a positive upper limit; under disclosure control
   * a 0 is published as it is, or withheld whole where it is the complement protecting the small ICS. Its share of
   * referrals from the most deprived 40% has no denominator, so it is empty.
   */
  @Test
  void anAreaWithNoReferralsHasZeroRatesAndNoShares() {
    Column quiet = col(OutputTables.GEOGRAPHY_CODE).isin(SmallAreaInputs.QUIET_PLACE,
        SmallAreaInputs.QUIET_DISTRICT, SmallAreaInputs.QUIET_ICS);
    for (String out : List.of(exactOut, controlledOut)) {
      Dataset<Row> deciles = table(out, ReferralDeprivation.NAME).filter(quiet
          .and(col(ReferralDeprivation.POPULATION).gt(0)));
      assertTrue(deciles.count() > 0, "the quiet area has rows in " + out);
      assertEquals(3, deciles.select(OutputTables.GEOGRAPHY_LEVEL).distinct().count(), out);
      int published = 0;
      for (Row row : deciles.collectAsList()) {
        if (row.<Boolean>getAs(OutputTables.SUPPRESSED)) {
          assertNull(row.getAs(ReferralDeprivation.REFERRALS), row.toString());
          assertNull(row.getAs(ReferralDeprivation.RATE_PER_1000), row.toString());
          assertNull(row.getAs(OutputTables.UPPER95), row.toString());
          continue;
        }
        published++;
        assertEquals(0L, row.<Long>getAs(ReferralDeprivation.REFERRALS), row.toString());
        assertEquals(0.0, row.<Double>getAs(ReferralDeprivation.RATE_PER_1000), row.toString());
        assertEquals(0.0, row.<Double>getAs(OutputTables.LOWER95), row.toString());
        assertTrue(row.<Double>getAs(OutputTables.UPPER95) > 0, row.toString());
      }
      assertTrue(published > deciles.count() / 2, published + " of " + deciles.count() + " published in " + out);
      if (out.equals(exactOut)) {
        assertEquals(deciles.count(), published);
      }
      List<Row> inequality = table(out, ReferralInequality.NAME).filter(quiet).collectAsList();
      assertFalse(inequality.isEmpty(), out);
      for (Row row : inequality) {
        Long referrals = row.getAs(OutputTables.ReferralDeprivation.REFERRALS);
        assertTrue(referrals == null ? row.<Boolean>getAs(OutputTables.SUPPRESSED) : referrals == 0,
            row.toString());
        assertNull(row.getAs(ReferralInequality.SHARE_MOST_DEPRIVED_40), row.toString());
        assertNull(row.getAs(ReferralInequality.SHARE_LOWER95), row.toString());
        assertNull(row.getAs(ReferralInequality.SHARE_TO_POPULATION_SHARE), row.toString());
        assertNull(row.getAs(ReferralInequality.SII), row.toString());
        assertNull(row.getAs(ReferralInequality.RII), row.toString());
        assertNull(row.getAs(ReferralInequality.RATE_RATIO_D1_D10), row.toString());
      }
    }
  }

  /** With no event at all, the quiet place has no count series to forecast; its register series is forecast. */
  @Test
  void anAreaWithNoReferralsHasNoCountSeriesButItsRegisterIsForecast() {
    for (String out : demandRuns()) {
      Dataset<Row> quiet = table(out, DemandForecast.NAME).filter(col(OutputTables.GEOGRAPHY_CODE).isin(
          SmallAreaInputs.QUIET_PLACE, SmallAreaInputs.QUIET_ICS));
      assertEquals(0, quiet.filter(is(DemandForecast.SERIES_KIND, DemandForecast.SERIES_COUNT)).count(), out);
      assertTrue(quiet.filter(is(OutputTables.ACTIVITY_NAME, Activities.DEMENTIA_REGISTER)
          .and(is(DemandForecast.KIND, DemandForecast.KIND_FORECAST))).count() > 0, out);
    }
  }

  // ---- 4. an ICS whose every place is suppressed

  /**
   * Under disclosure control the small ICS (one place, three people with dementia, a referral every other month)
   * is withheld wherever its count is 1-7: count, uptake, limits and funnel flag all empty, flagged suppressed.
   */
  @Test
  void anIcsOfSmallPlacesIsWithheldWhole() {
    Dataset<Row> uptake = table(controlledOut, AcpUptake.NAME).filter(col(OutputTables.GEOGRAPHY_CODE).isin(
        SmallAreaInputs.SMALL_PLACE, SmallAreaInputs.SMALL_ICS, SmallAreaInputs.SMALL_PCN,
        SmallAreaInputs.SMALL_PRACTICE));
    assertTrue(uptake.count() >= 4 * 12, "the small ICS's units are published (withheld) every month");
    for (Row row : uptake.filter(is(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE)).collectAsList()) {
      assertTrue(row.<Boolean>getAs(OutputTables.SUPPRESSED), row.toString());
      // with_acp is left out: a with_acp of 0 is still published under a suppressed register (issue 24, item 7)
      for (String withheld : List.of(AcpUptake.REGISTER, AcpUptake.UPTAKE, OutputTables.LOWER95,
          OutputTables.UPPER95, AcpUptake.LOWER998, AcpUptake.UPPER998, AcpUptake.FUNNEL_FLAG)) {
        assertNull(row.getAs(withheld), withheld + " of " + row);
      }
    }
    Dataset<Row> referrals = table(controlledOut, ReferralDeprivation.NAME).filter(
        col(OutputTables.GEOGRAPHY_CODE).isin(SmallAreaInputs.SMALL_PLACE, SmallAreaInputs.SMALL_ICS)
            .and(is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_MONTH)));
    // one referral every other month: those months are suppressed, the others published as 0
    assertTrue(referrals.filter(col(OutputTables.SUPPRESSED)).count() > 0);
    assertEquals(0, referrals.filter(col(OutputTables.SUPPRESSED).and(
        col(ReferralDeprivation.REFERRALS).isNotNull().or(col(ReferralDeprivation.RATE_PER_1000).isNotNull())
            .or(col(OutputTables.UPPER95).isNotNull()))).count());
    assertEquals(0, referrals.filter(not(col(OutputTables.SUPPRESSED))
        .and(col(ReferralDeprivation.REFERRALS).notEqual(0))).count());
  }

  /**
   * The small ICS cannot be recovered as all areas minus the other ICSs: wherever it is suppressed and the total
   * published, another ICS is suppressed too.
   */
  @Test
  void aWithheldIcsCannotBeRecoveredFromTheTotal() {
    List<String> recoverable = new ArrayList<>();
    Dataset<Row> uptake = table(controlledOut, AcpUptake.NAME);
    recoverable.addAll(singlySuppressed(uptake, List.of(AcpUptake.PERIOD_END, AcpUptake.BREAKDOWN,
        AcpUptake.BREAKDOWN_VALUE), OutputTables.GEOGRAPHY_LEVEL, OutputTables.SUPPRESSED));
    Dataset<Row> deprivation = table(controlledOut, ReferralDeprivation.NAME);
    recoverable.addAll(singlySuppressed(deprivation, List.of(OutputTables.PERIOD_TYPE,
        OutputTables.PERIOD_START, OutputTables.SERVICE, ReferralDeprivation.IMD_BASIS,
        ReferralDeprivation.QUANTILE_TYPE, ReferralDeprivation.IMD_QUANTILE), OutputTables.GEOGRAPHY_LEVEL,
        OutputTables.SUPPRESSED));
    assertEquals(List.of(), recoverable);
    assertTrue(uptake.filter(is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ICS)
        .and(is(OutputTables.GEOGRAPHY_CODE,
            SmallAreaInputs.SMALL_ICS)).and(col(OutputTables.SUPPRESSED))).count() > 0);
  }

  /** Groups (by {@code keys}) where the all-areas row is published and exactly one ICS row is suppressed. */
  private static List<String> singlySuppressed(Dataset<Row> data, List<String> keys, String level, String suppressed) {
    Map<List<Object>, int[]> groups = new HashMap<>();
    for (Row row : data.filter(col(level).isin(OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL)).collectAsList()) {
      List<Object> key = new ArrayList<>();
      for (String k : keys) {
        key.add(row.getAs(k));
      }
      int[] counts = groups.computeIfAbsent(key, k -> new int[2]);
      boolean isSuppressed = row.<Boolean>getAs(suppressed);
      if (OutputTables.LEVEL_ALL.equals(row.getAs(level))) {
        counts[1] += isSuppressed ? 1 : 0;
      } else {
        counts[0] += isSuppressed ? 1 : 0;
      }
    }
    List<String> found = new ArrayList<>();
    groups.forEach((key, counts) -> {
      if (counts[0] == 1 && counts[1] == 0) {
        found.add(key.toString());
      }
    });
    return found;
  }

  // ---- 5. a practice that closes mid-series

  /**
   * Z00005 closes on 2024-06-30 (practices and pcn_membership end then) and its patients register with Z00004 the
   * next day: Z00005 is published up to June and not after, Z00004 takes its people, and their PCN's register runs
   * on unbroken.
   */
  @Test
  void aPracticeThatClosesIsPublishedUntilItClosesAndItsPeopleCarryOn() {
    YearMonth closed = YearMonth.from(SmallAreaInputs.CLOSED_AFTER);
    for (String out : List.of(exactOut, controlledOut)) {
      Dataset<Row> none = table(out, AcpUptake.NAME).filter(is(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE));
      Dataset<Row> closing = none.filter(is(OutputTables.GEOGRAPHY_CODE, SmallAreaInputs.CLOSING_PRACTICE));
      assertEquals(1, closing.filter(is(AcpUptake.PERIOD_END, monthEnd(closed))).count(), out);
      assertEquals(0, closing.filter(col(AcpUptake.PERIOD_END).gt(lit(monthEnd(closed)))).count(), out);
    }
    Dataset<Row> exact = table(exactOut, AcpUptake.NAME).filter(is(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE));
    for (YearMonth month = SmallAreaInputs.FROM; !month.isAfter(SmallAreaInputs.TO); month = month.plusMonths(1)) {
      Dataset<Row> at = exact.filter(is(AcpUptake.PERIOD_END, monthEnd(month)));
      boolean open = !month.isAfter(closed);
      assertEquals(open ? 40L : 55L, register(at, OutputTables.LEVEL_PRACTICE, SmallAreaInputs.RECEIVING_PRACTICE),
          month.toString());
      assertEquals(55L, register(at, OutputTables.LEVEL_PCN, SmallAreaInputs.CLOSING_PCN), month.toString());
    }
    // the receiving practice's uptake counts the ACPs of the people it took over (20 of its own, 6 of theirs)
    Row after = exact.filter(is(OutputTables.GEOGRAPHY_CODE, SmallAreaInputs.RECEIVING_PRACTICE)
        .and(is(AcpUptake.PERIOD_END, monthEnd(SmallAreaInputs.TO)))).first();
    double uptake = after.<Double>getAs(AcpUptake.UPTAKE);
    assertEquals(26.0 / 55, uptake, 1e-12);
  }

  // ---- 6. a month with no events at all

  /**
   * Nothing is dated in 2024-03: its referral_deprivation rows are published with 0 referrals and rates of 0 (not
   * missing, not suppressed), its inequality shares are empty, and the register is published as at its end.
   */
  @Test
  void aMonthWithNoEventsIsPublishedWithZerosAndNoShares() {
    Date quiet = monthStart(SmallAreaInputs.QUIET_MONTH);
    for (String out : List.of(exactOut, controlledOut)) {
      Dataset<Row> month = table(out, ReferralDeprivation.NAME).filter(
          is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_MONTH)
              .and(is(OutputTables.PERIOD_START, quiet)));
      assertTrue(month.count() > 0, out);
      assertEquals(0, month.filter(col(ReferralDeprivation.REFERRALS).notEqual(0)
          .or(col(ReferralDeprivation.REFERRALS).isNull()).or(col(OutputTables.SUPPRESSED))).count(), out);
      assertEquals(0, month.filter(col(ReferralDeprivation.POPULATION).gt(0)
          .and(col(ReferralDeprivation.RATE_PER_1000).notEqual(0.0).or(col(ReferralDeprivation.RATE_PER_1000).isNull())
              .or(col(OutputTables.UPPER95).leq(0)))).count(), out);
      Dataset<Row> shares = table(out, ReferralInequality.NAME).filter(
          is(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_MONTH)
              .and(is(OutputTables.PERIOD_START, quiet)));
      assertTrue(shares.count() > 0, out);
      assertEquals(0, shares.filter(col(ReferralInequality.SHARE_MOST_DEPRIVED_40).isNotNull()
          .or(col(ReferralInequality.SII).isNotNull()).or(col(ReferralInequality.RATE_RATIO_D1_D10).isNotNull()))
          .count(), out);
      Dataset<Row> uptake = table(out, AcpUptake.NAME).filter(is(AcpUptake.PERIOD_END,
          monthEnd(SmallAreaInputs.QUIET_MONTH)).and(is(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ALL))
          .and(is(AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_NONE)));
      assertEquals(1, uptake.count(), out);
      assertNotNull(uptake.first().getAs(AcpUptake.REGISTER), out);
    }
  }

  /**
   * The quiet month is an actual of 0 in every count series, and the series that are forecast (all of them without
   * disclosure control; under it, those not withheld as mostly suppressed) are fitted and forecast through it. Under
   * control few are left in areas this small: the all-areas asc_request and referral series are referral_inequality's
   * all-areas counts too, suppressed there in most months (as complementary cells), so suppressed in demand as well
   * (docs/disclosure-control.md, rule 6), and withheld as mostly suppressed.
   */
  @Test
  void aMonthWithNoEventsIsAZeroActualInTheDemandSeries() {
    Date quiet = monthStart(SmallAreaInputs.QUIET_MONTH);
    for (String out : demandRuns()) {
      Dataset<Row> counts = table(out, DemandForecast.NAME).filter(is(DemandForecast.SERIES_KIND,
          DemandForecast.SERIES_COUNT));
      Dataset<Row> forecast = counts.filter(is(DemandForecast.KIND, DemandForecast.KIND_FORECAST)
          .and(col(OutputTables.SUPPRESSED).equalTo(false))).select(OutputTables.GEOGRAPHY_LEVEL,
          OutputTables.GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME).distinct();
      assertTrue(forecast.count() > 0, "some count series are forecast: " + out);
      Dataset<Row> demand = counts.join(forecast, scala.collection.JavaConverters.asScalaBuffer(List.of(
          OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME)).toSeq());
      Dataset<Row> actuals = demand.filter(is(DemandForecast.KIND, DemandForecast.KIND_ACTUAL)
          .and(is(DemandForecast.MONTH, quiet)));
      assertTrue(actuals.count() >= (out.equals(exactOut) ? 4 : 1),
          "count series have an actual for the quiet month: " + out);
      assertEquals(0, actuals.filter(col(DemandForecast.VALUE).notEqual(0.0).or(col(DemandForecast.VALUE).isNull())
          .or(col(DemandForecast.ACTUAL_COUNT).notEqual(0))).count(), out);
      // every count series with an actual that month is fitted there and forecast
      long series = actuals.select(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
          OutputTables.ACTIVITY_NAME).distinct().count();
      assertEquals(series, demand.filter(is(DemandForecast.KIND, DemandForecast.KIND_FITTED)
          .and(is(DemandForecast.MONTH, quiet)).and(col(DemandForecast.VALUE).isNotNull())).count(), out);
      Dataset<Row> forecasts = demand.filter(is(DemandForecast.KIND, DemandForecast.KIND_FORECAST));
      assertEquals(series, forecasts.select(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
          OutputTables.ACTIVITY_NAME).distinct().count(), out);
      assertEquals(0, forecasts.filter(col(DemandForecast.VALUE).isNull().or(col(OutputTables.LOWER95).isNull())
          .or(col(OutputTables.UPPER95).lt(col(OutputTables.LOWER95)))).count(), out);
    }
  }
}
