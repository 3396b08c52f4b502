package uk.pophealth.deprivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.pophealth.deprivation.Rows.OPEN;
import static uk.pophealth.deprivation.Rows.date;
import static uk.pophealth.deprivation.Rows.deprivation;
import static uk.pophealth.deprivation.Rows.footprint;
import static uk.pophealth.deprivation.Rows.patient;
import static uk.pophealth.deprivation.Rows.referral;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.SharedSpark;

/**
 * An LSOA (B01, district BAS) whose district moves from ICS I1 to ICS I2 on 2022-07-01, as Bassetlaw did; ten
 * more LSOAs (A01-A10) stay in I1. No ONS population: the GP-registered population on each period start is used.
 * Local (within-ICS) deciles are on.
 */
class FootprintChangeTest {
  static List<Row> cells;

  @BeforeAll
  static void compute() {
    List<Row> depr = new ArrayList<>();
    List<Row> foot = new ArrayList<>();
    List<Row> refs = new ArrayList<>();
    List<Row> patients = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      String lsoa = String.format("A%02d", d);
      // nationally all in decile 5; within I1 they spread over the ten local deciles by rank
      depr.add(deprivation(lsoa, "LA", 1000 + d * 10, 5));
      foot.add(footprint(lsoa, "LA", "PA", "I1", "2000-01-01", OPEN));
      refs.add(referral("RA" + d, "a" + d, "wellbeing", "2022-08-10", lsoa));
      patients.add(patient("pa" + d, lsoa, "2000-01-01", null, null));
    }
    depr.add(deprivation("B01", "BAS", 5, 1));
    foot.add(footprint("B01", "BAS", "PB", "I1", "2000-01-01", "2022-06-30"));
    foot.add(footprint("B01", "BAS", "PB", "I2", "2022-07-01", OPEN));
    refs.add(referral("RB1", "b1", "wellbeing", "2022-06-15", "B01"));
    refs.add(referral("RB2", "b2", "wellbeing", "2022-07-15", "B01"));
    refs.add(referral("RB3", "b3", "wellbeing", "2022-08-01", "B01"));
    patients.add(patient("Q1", "B01", "2000-01-01", null, null));          // registered throughout
    patients.add(patient("Q2", "B01", "2000-01-01", "2022-06-30", null));  // left before 2022-07-01
    patients.add(patient("Q3", "B01", "2022-07-01", null, null));          // joined on 2022-07-01
    patients.add(patient("Q4", "B01", "2000-01-01", null, "2022-05-01"));  // died before 2022-07-01
    patients.add(patient("Q5", "B01", "2000-01-01", null, null));          // two registrations in force:
    patients.add(patient("Q5", "A01", "2021-01-01", null, null));          // counted once, at the later one

    DeprivationInputs inputs = new DeprivationInputs(Rows.careEvents(List.of()), Rows.referrals(refs),
        Rows.patients(patients), Rows.deprivation(depr), Rows.footprints(foot), Optional.empty());
    DeprivationOptions options = new DeprivationOptions(YearMonth.of(2022, 4), YearMonth.of(2022, 9), true, 0.6,
        1_000, 7);
    cells = ReferralDeprivation.compute(SharedSpark.spark(), inputs, options).referralDeprivation().collectAsList();
  }

  @Test
  void referralsCountInTheIcsInForceOnTheReferralDate() {
    assertEquals(1, referrals("month", "2022-06-01", "ics", "I1"));
    assertEquals(0, referrals("month", "2022-06-01", "ics", "I2"));
    assertEquals(0, referrals("month", "2022-07-01", "ics", "I1"));
    assertEquals(1, referrals("month", "2022-07-01", "ics", "I2"));
    assertEquals(1, referrals("quarter", "2022-04-01", "ics", "I1"));
    assertEquals(10, referrals("quarter", "2022-07-01", "ics", "I1"));
    assertEquals(2, referrals("quarter", "2022-07-01", "ics", "I2"));
    // the financial year is split by the footprint at each referral's date, never double counted
    assertEquals(11, referrals("fy", "2022-04-01", "ics", "I1"));
    assertEquals(2, referrals("fy", "2022-04-01", "ics", "I2"));
    assertEquals(13, referrals("fy", "2022-04-01", "all", "ALL"));
    assertEquals(3, referrals("fy", "2022-04-01", "district", "BAS"));
    assertEquals(6, only(r -> matches(r, "fy", "2022-04-01", "all", "ALL") && r.getAs("imd_basis").equals("national")
        && Objects.equals(r.getAs("imd_decile"), 1) && r.getAs("service").equals("all"))
        .<Integer>getAs("months_covered"));
  }

  @Test
  void gpRegisteredPopulationOnThePeriodStartOnTheFootprintThen() {
    // 2022-04-01: B01 has Q1, Q2, Q4 (Q5 counts at A01); 2022-07-01: Q1, Q3
    assertEquals(3, population("quarter", "2022-04-01", "place", "PB"));
    assertEquals(2, population("quarter", "2022-07-01", "place", "PB"));
    assertEquals(0, population("quarter", "2022-04-01", "ics", "I2"));
    assertEquals(2, population("quarter", "2022-07-01", "ics", "I2"));
    assertEquals(3 + 11, population("quarter", "2022-04-01", "ics", "I1"));
    assertEquals(11, population("quarter", "2022-07-01", "ics", "I1"));
    Row cell = only(r -> matches(r, "quarter", "2022-07-01", "place", "PB") && r.getAs("imd_basis").equals("national")
        && Objects.equals(r.getAs("imd_decile"), 1) && r.getAs("service").equals("wellbeing"));
    assertEquals("gp_registered", cell.getAs("population_source"));
    assertEquals(1000.0 * 2 / 2, cell.<Double>getAs("rate_per_1000"), 1e-9);
  }

  @Test
  void localDecilesRankTheLsoasWithinTheIcsInForce() {
    for (int d = 1; d <= 10; d++) {
      int decile = d;
      Row cell = only(r -> matches(r, "quarter", "2022-07-01", "ics", "I1") && r.getAs("service").equals("wellbeing")
          && r.getAs("imd_basis").equals("ics_local") && r.getAs("quantile_type").equals("decile")
          && Objects.equals(r.getAs("imd_decile"), decile));
      assertEquals(1L, cell.<Long>getAs("referrals"), "local decile " + d);
    }
    // I2 holds one LSOA from July: too few to cut into deciles, so its referrals are in the unknown local decile
    Row unknown = only(r -> matches(r, "quarter", "2022-07-01", "ics", "I2") && r.getAs("service").equals("wellbeing")
        && r.getAs("imd_basis").equals("ics_local") && r.getAs("quantile_type").equals("decile")
        && r.getAs("imd_decile") == null);
    assertEquals(2L, unknown.<Long>getAs("referrals"));
  }

  private static boolean matches(Row r, String type, String start, String level, String code) {
    return r.getAs("period_type").equals(type) && r.getAs("period_start").equals(date(start))
        && r.getAs("geography_level").equals(level) && r.getAs("geography_code").equals(code);
  }

  private static long referrals(String type, String start, String level, String code) {
    return cells.stream().filter(r -> matches(r, type, start, level, code) && r.getAs("service").equals("all")
            && r.getAs("imd_basis").equals("national") && r.getAs("quantile_type").equals("decile"))
        .mapToLong(r -> r.<Long>getAs("referrals")).sum();
  }

  private static long population(String type, String start, String level, String code) {
    return cells.stream().filter(r -> matches(r, type, start, level, code) && r.getAs("service").equals("all")
            && r.getAs("imd_basis").equals("national") && r.getAs("quantile_type").equals("decile")
            && r.getAs("population") != null)
        .mapToLong(r -> r.<Long>getAs("population")).sum();
  }

  private static Row only(Predicate<Row> filter) {
    return ReferralDeprivationTest.only(cells, filter);
  }
}
