package uk.pophealth.deprivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.deprivation.Rows.OPEN;
import static uk.pophealth.deprivation.Rows.date;
import static uk.pophealth.deprivation.Rows.deprivation;
import static uk.pophealth.deprivation.Rows.footprint;
import static uk.pophealth.deprivation.Rows.patient;
import static uk.pophealth.deprivation.Rows.population;
import static uk.pophealth.deprivation.Rows.referral;
import static uk.pophealth.deprivation.Rows.request;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.publish.SchemaCheck;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.stats.QuantileValue;
import uk.pophealth.stats.RateInterval;
import uk.pophealth.stats.SiiOptions;
import uk.pophealth.stats.SiiResult;
import uk.pophealth.stats.SlopeIndexOfInequality;
import uk.pophealth.stats.ValueType;
import uk.pophealth.testing.SharedSpark;

/**
 * Ten LSOAs, one per national decile, with hand-chosen populations and referrals to a wellbeing service, plus social
 * care requests resolved through GP registration and some that cannot be resolved. Expected figures are worked out
 * in the test from the inputs (hand closed-form weighted regression for the SII), not read back from the product.
 */
class ReferralDeprivationTest {
  static final long[] POPULATION_2022 = {1500, 1200, 1000, 1100, 900, 1000, 800, 1300, 1000, 1200};
  static final long[] WELLBEING = {150, 110, 90, 85, 70, 60, 50, 60, 40, 30};
  static final int REPETITIONS = 2_000;
  static final long SEED = 42;
  static final double Z95 = 1.959963984540054;
  static final LocalDate FY_START = LocalDate.of(2022, 4, 1);

  static List<Row> deprivationRows;
  static List<Row> inequalityRows;
  static List<Row> resolutionRows;
  static List<LocalDate> wellbeingDates = new ArrayList<>();
  static List<Integer> wellbeingDeciles = new ArrayList<>();

  @BeforeAll
  static void compute() {
    List<Row> depr = new ArrayList<>();
    List<Row> foot = new ArrayList<>();
    List<Row> pop = new ArrayList<>();
    List<Row> refs = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      String lsoa = lsoa(d);
      depr.add(deprivation(lsoa, "D1", d * 100, d));
      foot.add(footprint(lsoa, "D1", "P1", "I1", "2000-01-01", OPEN));
      long p = POPULATION_2022[d - 1];
      pop.add(population(lsoa, 2021, "all", "all", p - 100));
      pop.add(population(lsoa, 2022, "all", "all", p));
      // 2023 given only by sex: the total is their sum
      pop.add(population(lsoa, 2023, "M", "all", (p + 100) / 2));
      pop.add(population(lsoa, 2023, "F", "all", (p + 100) - (p + 100) / 2));
      pop.add(population(lsoa, 2024, "all", "all", 99_999));
      for (int k = 0; k < WELLBEING[d - 1]; k++) {
        LocalDate when = FY_START.plusDays((k * 7L + d) % 365);
        wellbeingDates.add(when);
        wellbeingDeciles.add(d);
        refs.add(referral("W" + d + "-" + k, "person-" + d + "-" + k, "wellbeing", when.toString(), lsoa));
      }
    }
    // 2022 breakdown rows beside the all/all total must not be added to it
    pop.add(population(lsoa(1), 2022, "M", "all", 700));
    pop.add(population(lsoa(1), 2022, "F", "all", 800));
    // out of range: not counted
    refs.add(referral("OUT1", "x1", "wellbeing", "2022-03-31", lsoa(1)));
    refs.add(referral("OUT2", "x2", "wellbeing", "2023-04-01", lsoa(1)));
    // an LSOA neither ranked nor in the footprint
    refs.add(referral("F1", "U2", "falls", "2022-06-15", "LXX"));

    List<Row> care = List.of(
        request("G1", "2022-05-10", "Community", null),     // GP: L03 (registration ends 2022-06-30)
        request("G1", "2022-08-10", null, null),            // GP: L07 (from 2022-07-01); route unknown
        request("G2", "2022-09-01", "Hospital", null),      // GP: two in force, latest start L05
        request("G2", "2022-12-01", "Hospital", " "),       // blank LSOA: GP L05
        request("U1", "2022-10-01", "Community", null),     // no GP registration: unresolved
        request("G3", "2022-10-02", "Community", null),     // registration without LSOA: unresolved
        request("G1", "2022-11-01", "Community", lsoa(9)),  // own LSOA
        Rows.careEvent("G1", "Assessment", "2022-06-01"),   // not a request
        request("G1", "2023-05-01", "Community", null));    // out of range
    List<Row> patients = List.of(
        patient("G1", lsoa(3), "2000-01-01", "2022-06-30", null),
        patient("G1", lsoa(7), "2022-07-01", null, null),
        patient("G2", lsoa(2), "2010-01-01", null, null),
        patient("G2", lsoa(5), "2020-01-01", null, null),
        patient("G3", null, "2015-01-01", null, null));

    DeprivationInputs inputs = new DeprivationInputs(Rows.careEvents(care), Rows.referrals(refs),
        Rows.patients(patients), Rows.deprivation(depr), Rows.footprints(foot), Optional.of(Rows.population(pop)));
    DeprivationOptions options = new DeprivationOptions(YearMonth.of(2022, 4), YearMonth.of(2023, 3), false, 0.6,
        REPETITIONS, SEED);
    DeprivationResult result = ReferralDeprivation.compute(SharedSpark.spark(), inputs, options);
    // exactly the declared schemas (nullability and metadata included), so the publish layer's check passes
    assertEquals(OutputTables.ReferralDeprivation.SCHEMA.schema(), result.referralDeprivation().schema());
    assertEquals(OutputTables.ReferralInequality.SCHEMA.schema(), result.referralInequality().schema());
    assertEquals(OutputTables.ReferralLsoaResolution.SCHEMA.schema(), result.lsoaResolution().schema());
    SchemaCheck.requireDeclared(OutputTables.ReferralDeprivation.TABLE, result.referralDeprivation().schema());
    SchemaCheck.requireDeclared(OutputTables.ReferralInequality.TABLE, result.referralInequality().schema());
    SchemaCheck.requireDeclared(OutputTables.ReferralLsoaResolution.TABLE, result.lsoaResolution().schema());
    // the inequality table is built from the deprivation table: keep it rather than compute it twice
    deprivationRows = result.referralDeprivation().cache().collectAsList();
    inequalityRows = result.referralInequality().collectAsList();
    resolutionRows = result.lsoaResolution().collectAsList();
    result.referralDeprivation().unpersist();
  }

  static String lsoa(int decile) {
    return String.format("L%02d", decile);
  }

  @Test
  void everyReferralInRangeIsCountedOnceInEveryPeriodTypeLevelAndGrouping() {
    long in = 745 + 1 + 7;  // wellbeing + falls + social care requests in range
    for (String type : List.of("month", "quarter", "fy")) {
      for (String level : List.of("all", "place", "ics", "district")) {
        for (String grouping : List.of("decile", "quintile")) {
          long out = sum(deprivationRows, r -> r.getAs("period_type").equals(type) && r.getAs("service").equals("all")
              && r.getAs("geography_level").equals(level) && r.getAs("quantile_type").equals(grouping));
          assertEquals(in, out, type + " " + level + " " + grouping);
        }
      }
    }
  }

  @Test
  void lsoaResolutionIsCountedEachWay() {
    assertEquals(747, resolved("all", "own_lsoa", "referrals"));
    assertEquals(746, resolved("all", "own_lsoa", "referrals_with_imd_decile"));
    assertEquals(4, resolved("all", "gp_registration", "referrals"));
    assertEquals(2, resolved("all", "unresolved", "referrals"));
    assertEquals(2.0 / 753, resolution("all", "unresolved", "no_lsoa").<Double>getAs("share_of_referrals"), 1e-12);
    // without an LSOA lookup a code the IMD does not rank is unmapped, counted, with no decile
    assertEquals(746, resolution("all", "own_lsoa", "as_given").<Long>getAs("referrals"));
    assertEquals(1, resolution("all", "own_lsoa", "unmapped").<Long>getAs("referrals"));
    assertEquals(0, resolution("all", "own_lsoa", "unmapped").<Long>getAs("referrals_with_imd_decile"));
    assertEquals(1, resolved("asc_request", "own_lsoa", "referrals"));
    assertEquals(4, resolved("asc_request", "gp_registration", "referrals"));
    assertEquals(2, resolved("asc_request", "unresolved", "referrals"));
  }

  @Test
  void requestsTakeTheGpRegisteredLsoaOnTheReferralDateAndUnresolvedOnesAreUnknownRows() {
    // decile 3 (G1 in May), 7 (G1 in August), 5 (G2 twice: latest start), 9 (own), unknown (2)
    long[] expected = {2, 0, 0, 1, 0, 2, 0, 1, 0, 1, 0};
    for (int d = 0; d <= 10; d++) {
      Integer decile = d == 0 ? null : d;
      Row cell = fyCell("asc_request", "all", "ALL", decile);
      assertEquals(expected[d], cell.<Long>getAs("referrals"), "decile " + decile);
    }
    Row unknownAll = fyCell("all", "all", "ALL", null);
    assertEquals(3, unknownAll.<Long>getAs("referrals"));  // 2 unresolved + 1 LSOA without a decile
    assertNull(unknownAll.getAs("population"));
    assertNull(unknownAll.getAs("rate_per_1000"));
    // the unranked LSOA outside the footprint lands in the unknown place
    assertEquals(3, fyCell("all", "place", "unknown", null).<Long>getAs("referrals"));
    assertEquals(1, sum(deprivationRows, r -> r.getAs("service").equals("asc_request:unknown")
        && r.getAs("period_type").equals("fy") && r.getAs("geography_level").equals("all")
        && r.getAs("quantile_type").equals("decile")));
  }

  @Test
  void ratesPerThousandWithByarLimits() {
    Row cell = fyCell("wellbeing", "place", "P1", 1);
    assertEquals(150L, cell.<Long>getAs("referrals"));
    assertEquals(1500L, cell.<Long>getAs("population"));
    assertEquals("ons", cell.getAs("population_source"));
    assertEquals(100.0, cell.<Double>getAs("rate_per_1000"), 1e-9);
    double x = 150;
    double lower = x * Math.pow(1 - 1 / (9 * x) - Z95 / (3 * Math.sqrt(x)), 3) / 1500 * 1000;
    double upper = (x + 1) * Math.pow(1 - 1 / (9 * (x + 1)) + Z95 / (3 * Math.sqrt(x + 1)), 3) / 1500 * 1000;
    assertEquals(lower, cell.<Double>getAs("lower95"), 1e-9);
    assertEquals(upper, cell.<Double>getAs("upper95"), 1e-9);
    assertFalse(cell.<Boolean>getAs("suppressed"));
    assertEquals(1, cell.<Integer>getAs("imd_decile"));
    assertEquals(12, cell.<Integer>getAs("months_covered"));
    assertEquals("Place P1", cell.getAs("geography_name"));
  }

  @Test
  void populationIsTheLatestOnsYearNotAfterThePeriodWithoutDoubleCounting() {
    Row april = cell("month", date("2022-04-01"), "wellbeing", "all", "ALL", "decile", 1);
    assertEquals(1500L, april.<Long>getAs("population"));
    Row january = cell("month", date("2023-01-01"), "wellbeing", "all", "ALL", "decile", 1);
    assertEquals(1600L, january.<Long>getAs("population"));
    // quintile 1 = deciles 1 and 2
    Row quintile = cell("fy", date("2022-04-01"), "wellbeing", "ics", "I1", "quintile", 1);
    assertEquals(2700L, quintile.<Long>getAs("population"));
    assertEquals(260L, quintile.<Long>getAs("referrals"));
    assertNull(quintile.getAs("imd_decile"));
  }

  @Test
  void quartersAndFinancialYearCountByReferralDate() {
    for (LocalDate quarter = FY_START; quarter.isBefore(FY_START.plusYears(1)); quarter = quarter.plusMonths(3)) {
      for (int d = 1; d <= 10; d++) {
        long expected = 0;
        for (int i = 0; i < wellbeingDates.size(); i++) {
          LocalDate when = wellbeingDates.get(i);
          if (wellbeingDeciles.get(i) == d && !when.isBefore(quarter) && when.isBefore(quarter.plusMonths(3))) {
            expected++;
          }
        }
        Row cell = cell("quarter", java.sql.Date.valueOf(quarter), "wellbeing", "district", "D1", "decile", d);
        assertEquals(expected, cell.<Long>getAs("referrals"), quarter + " decile " + d);
        assertEquals(3, cell.<Integer>getAs("months_covered"));
      }
    }
    assertEquals(WELLBEING[3], fyCell("wellbeing", "district", "D1", 4).<Long>getAs("referrals"));
  }

  @Test
  void shareFromTheMostDeprived40PercentAgainstPopulationAndTarget() {
    Row row = fyInequality("wellbeing", "all", "ALL");
    double known = 745;
    double x = 150 + 110 + 90 + 85;
    double share = x / known;
    assertEquals((long) x, row.<Long>getAs("referrals_most_deprived_40"));
    assertEquals(share, row.<Double>getAs("share_most_deprived_40"), 1e-12);
    double spread = Z95 * Math.sqrt(Z95 * Z95 + 4 * x * (1 - x / known));
    assertEquals((2 * x + Z95 * Z95 - spread) / 2 / (known + Z95 * Z95), row.<Double>getAs("share_lower95"), 1e-12);
    assertEquals((2 * x + Z95 * Z95 + spread) / 2 / (known + Z95 * Z95), row.<Double>getAs("share_upper95"), 1e-12);
    double populationShare = 4800.0 / 11000;
    assertEquals(populationShare, row.<Double>getAs("population_share_most_deprived_40"), 1e-12);
    assertEquals(share / populationShare, row.<Double>getAs("share_to_population_share"), 1e-12);
    assertEquals(0.6, row.<Double>getAs("target_share"), 0);
    assertEquals(share - 0.6, row.<Double>getAs("gap_to_target"), 1e-12);
    // decile 1: 150 / 1500; decile 10: 30 / 1200
    assertEquals((150.0 / 1500) / (30.0 / 1200), row.<Double>getAs("rate_ratio_d1_d10"), 1e-12);
    assertEquals(4.0, row.<Double>getAs("rate_ratio_d1_d10"), 1e-12);
  }

  @Test
  void siiAndRiiMatchAHandWeightedRegressionAndTheStatsLibrary() {
    double total = 0;
    for (long p : POPULATION_2022) {
      total += p;
    }
    double[] weight = new double[10];
    double[] rank = new double[10];
    double[] rate = new double[10];
    double cumulative = 0;
    for (int i = 0; i < 10; i++) {
      weight[i] = POPULATION_2022[i] / total;
      rank[i] = cumulative + weight[i] / 2;
      cumulative += weight[i];
      rate[i] = 1000.0 * WELLBEING[i] / POPULATION_2022[i];
    }
    double meanRank = 0;
    double meanRate = 0;
    for (int i = 0; i < 10; i++) {
      meanRank += weight[i] * rank[i];
      meanRate += weight[i] * rate[i];
    }
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < 10; i++) {
      covariance += weight[i] * (rank[i] - meanRank) * (rate[i] - meanRate);
      variance += weight[i] * (rank[i] - meanRank) * (rank[i] - meanRank);
    }
    double slope = covariance / variance;
    double intercept = meanRate - slope * meanRank;

    Row row = fyInequality("wellbeing", "ics", "I1");
    assertEquals("ok", row.getAs("sii_status"));
    assertEquals(slope, row.<Double>getAs("sii"), 1e-9);
    assertEquals((intercept + slope) / intercept, row.<Double>getAs("rii"), 1e-12);
    assertTrue(slope < 0, "more referrals in the deprived deciles give a negative SII");

    List<QuantileValue> deciles = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      deciles.add(QuantileValue.fromCount(i + 1, POPULATION_2022[i], WELLBEING[i]));
    }
    SiiResult library = SlopeIndexOfInequality.compute(deciles,
        new SiiOptions(ValueType.RATE, 1000, REPETITIONS, 0.95, false, SEED));
    assertEquals(library.sii(), row.<Double>getAs("sii"), 1e-12);
    assertEquals(library.siiLower(), row.<Double>getAs("sii_lower95"), 1e-12);
    assertEquals(library.siiUpper(), row.<Double>getAs("sii_upper95"), 1e-12);
    assertEquals(library.rii(), row.<Double>getAs("rii"), 1e-12);
    assertEquals(library.riiLower(), row.<Double>getAs("rii_lower95"), 1e-12);
    assertEquals(library.riiUpper(), row.<Double>getAs("rii_upper95"), 1e-12);
    assertTrue(row.<Double>getAs("sii_lower95") < slope && slope < row.<Double>getAs("sii_upper95"));
  }

  @Test
  void aGroupWithADecileWithoutReferralsHasNoSiiAndSaysWhy() {
    Row row = fyInequality("asc_request", "all", "ALL");
    assertNull(row.getAs("sii"));
    assertEquals("no referrals in decile 1", row.getAs("sii_status"));
    assertEquals(7L, row.<Long>getAs("referrals"));
    assertEquals(5L, row.<Long>getAs("referrals_known_decile"));
  }

  @Test
  void everyDecileHasARowEvenWithoutReferrals() {
    Row empty = fyCell("asc_request", "ics", "I1", 10);
    assertEquals(0L, empty.<Long>getAs("referrals"));
    assertEquals(1200L, empty.<Long>getAs("population"));
    assertEquals(0.0, empty.<Double>getAs("rate_per_1000"), 0);
  }

  private static Row resolution(String service, String source, String mapping) {
    return only(resolutionRows, r -> r.getAs("service").equals(service) && r.getAs("lsoa_source").equals(source)
        && r.getAs("lsoa_mapping").equals(mapping));
  }

  /** A count of referral_lsoa_resolution summed over lsoa_mapping. */
  private static long resolved(String service, String source, String column) {
    return resolutionRows.stream()
        .filter(r -> r.getAs("service").equals(service) && r.getAs("lsoa_source").equals(source))
        .mapToLong(r -> r.<Long>getAs(column)).sum();
  }

  private static Row fyCell(String service, String level, String code, Integer decile) {
    return cell("fy", date("2022-04-01"), service, level, code, "decile", decile);
  }

  static Row cell(String type, java.sql.Date start, String service, String level, String code, String grouping,
      Integer quantile) {
    return only(deprivationRows, r -> r.getAs("period_type").equals(type) && r.getAs("period_start").equals(start)
        && r.getAs("service").equals(service) && r.getAs("geography_level").equals(level)
        && r.getAs("geography_code").equals(code) && r.getAs("imd_basis").equals("national")
        && r.getAs("quantile_type").equals(grouping) && Objects.equals(r.getAs("imd_quantile"), quantile));
  }

  private static Row fyInequality(String service, String level, String code) {
    return only(inequalityRows, r -> r.getAs("period_type").equals("fy") && r.getAs("service").equals(service)
        && r.getAs("geography_level").equals(level) && r.getAs("geography_code").equals(code)
        && r.getAs("imd_basis").equals("national"));
  }

  static Row only(List<Row> rows, Predicate<Row> filter) {
    List<Row> matching = rows.stream().filter(filter).toList();
    assertEquals(1, matching.size(), "rows matching: " + matching);
    return matching.get(0);
  }

  static long sum(List<Row> rows, Predicate<Row> filter) {
    return rows.stream().filter(filter).mapToLong(r -> r.<Long>getAs("referrals")).sum();
  }
}
