package uk.pophealth.deprivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.deprivation.DeprivationInputs;
import uk.pophealth.deprivation.DeprivationOptions;
import uk.pophealth.deprivation.DeprivationResult;
import uk.pophealth.deprivation.ReferralDeprivation;
import uk.pophealth.publication.Additivity;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.SharedSpark;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;

/**
 * The referral tables through disclosure control with the step's additivities, on a county of two places in one
 * ICS whose small cells sit inside every kind of total: a decile inside its quintile, a place inside its ICS, a
 * route inside asc_request, an unranked LSOA's referrals inside a place's total. The equations checked are written
 * out here from the tables' meaning, not read from the additivities under test: none may have exactly one
 * suppressed cell, else that cell is its published total minus its published parts.
 */
class ReferralAdditivitiesTest {
  static final String FY = "fy|2022-04-01";
  static Map<String, Long> deprivationIn = new HashMap<>();
  static Map<String, Row> deprivationOut = new HashMap<>();
  static Map<String, Row> inequalityOut = new HashMap<>();
  static List<Row> resolutionOut;
  static Map<String, Long> inequalityIn = new HashMap<>();
  static Map<String, Row> inequalityInRows = new HashMap<>();
  static Map<String, Row> resolutionIn = new HashMap<>();
  static Set<String> groups = new HashSet<>();

  @BeforeAll
  static void publish() {
    var spark = SharedSpark.spark();
    List<Row> deprivation = new ArrayList<>();
    List<Row> footprint = new ArrayList<>();
    List<Row> population = new ArrayList<>();
    List<Row> referrals = new ArrayList<>();
    List<Row> requests = new ArrayList<>();
    Date open = Date.valueOf("2000-01-01");
    for (int d = 1; d <= 10; d++) {
      String lsoa = "L" + d;
      deprivation.add(RowFactory.create(lsoa, "D1", d * 10, d));
      footprint.add(RowFactory.create(lsoa, "D1", "P1", "Place 1", "I1", "ICS 1", open, null));
      population.add(RowFactory.create(lsoa, 2022, "all", "all", 1000L));
      addReferrals(referrals, lsoa, 30);
    }
    deprivation.add(RowFactory.create("M1", "D2", 1, 1));
    deprivation.add(RowFactory.create("M2", "D2", 12, 2));
    for (String lsoa : List.of("M1", "M2", "M3")) {  // M3 is in the footprint but unranked
      footprint.add(RowFactory.create(lsoa, "D2", "P2", "Place 2", "I1", "ICS 1", open, null));
      population.add(RowFactory.create(lsoa, 2022, "all", "all", 500L));
    }
    addReferrals(referrals, "M1", 3);   // small: decile 1 of place 2
    addReferrals(referrals, "M2", 40);
    addReferrals(referrals, "M3", 3);   // small: place 2's referrals without a decile
    addRequests(requests, "L1", "Community", 20);
    addRequests(requests, "L2", "Hospital", 2);  // small route cell
    addRequests(requests, "L3", "Hospital", 25);
    DeprivationInputs inputs = new DeprivationInputs(
        spark.createDataFrame(requests, InputTables.SocialCareEvents.TABLE.schema()),
        spark.createDataFrame(referrals, InputTables.ServiceReferrals.TABLE.schema()),
        spark.createDataFrame(List.of(), InputTables.GpPatients.TABLE.schema()),
        spark.createDataFrame(deprivation, InputTables.LsoaDeprivation.TABLE.schema()),
        spark.createDataFrame(footprint, LsoaHierarchy.TABLE.schema()),
        Optional.of(spark.createDataFrame(population, InputTables.Population.TABLE.schema())));
    DeprivationResult result = ReferralDeprivation.compute(spark, inputs,
        new DeprivationOptions(YearMonth.of(2022, 6), YearMonth.of(2022, 6), false, 0.6, 1_000, 7));
    // The footprint above as (district, place, ICS) links, as FootprintResolver.districtPlaceIcs gives them.
    ReferralAdditivities.Nesting nesting = ReferralAdditivities.Nesting.of(
        Set.of(List.of("D1", "P1", "I1"), List.of("D2", "P2", "I1")));
    assertEquals(Map.of("P1", "I1", "P2", "I1", "unknown", "unknown"), nesting.placeIcs());

    Dataset<Row> deprivationFrame = result.referralDeprivation().cache();
    for (Row row : deprivationFrame.collectAsList()) {
      deprivationIn.put(deprivationKey(row), row.getAs("referrals"));
      groups.add(groupKey(row));
    }
    for (Row row : disclosed(OutputTables.ReferralDeprivation.TABLE, deprivationFrame,
        ReferralAdditivities.deprivation(nesting))) {
      deprivationOut.put(deprivationKey(row), row);
    }
    Dataset<Row> inequalityFrame = result.referralInequality().cache();
    for (Row row : inequalityFrame.collectAsList()) {
      inequalityIn.put(groupKey(row), row.getAs("referrals"));
      inequalityInRows.put(groupKey(row), row);
    }
    Dataset<Row> resolutionFrame = result.lsoaResolution().cache();
    for (Row row : resolutionFrame.collectAsList()) {
      resolutionIn.put(resolutionKey(row), row);
    }
    for (Row row : disclosed(OutputTables.ReferralInequality.TABLE, inequalityFrame,
        ReferralAdditivities.inequality(nesting))) {
      inequalityOut.put(groupKey(row), row);
    }
    resolutionOut = disclosed(OutputTables.ReferralLsoaResolution.TABLE, resolutionFrame,
        ReferralAdditivities.resolution());
  }

  static void addReferrals(List<Row> rows, String lsoa, int n) {
    for (int k = 0; k < n; k++) {
      rows.add(RowFactory.create(lsoa + "-" + k, "p-" + lsoa + "-" + k, "wellbeing", Date.valueOf("2022-06-10"), "GP",
          lsoa));
    }
  }

  static void addRequests(List<Row> rows, String lsoa, String route, int n) {
    for (int k = 0; k < n; k++) {
      rows.add(RowFactory.create("c-" + lsoa + "-" + route + k, "E10000001", "Request", Date.valueOf("2022-06-12"),
          null, route, null, null, lsoa));
    }
  }

  static List<Row> disclosed(OutputTable table, Dataset<Row> data, List<Additivity> additivities) {
    try (DisclosureControl.Disclosed out = DisclosureControl.enabled().apply(table, data, additivities)) {
      return out.data().collectAsList();
    }
  }

  static String resolutionKey(Row row) {
    return row.getAs("service") + "|" + row.getAs("lsoa_source") + "|" + row.getAs("lsoa_mapping");
  }

  /**
   * A row's total = part + remainder, the remainder unpublished here but a count a reader could difference out
   * (it is published, when not small, as the unknown-decile or deciles 5-10 cells): its cells are the published
   * total, the published part and the remainder, hidden when 1-7.
   */
  static void assertRowSum(String what, Row original, Row published, String total, String part) {
    if (original.isNullAt(original.fieldIndex(total)) || original.isNullAt(original.fieldIndex(part))) {
      return;
    }
    long remainder = original.getLong(original.fieldIndex(total)) - original.getLong(original.fieldIndex(part));
    assertNotLone(what + " " + total + " - " + part, List.of(published.isNullAt(published.fieldIndex(total)),
        published.isNullAt(published.fieldIndex(part)), remainder >= 1 && remainder <= 7));
  }

  static String groupKey(Row row) {
    return row.getAs("period_type") + "|" + row.getAs("period_start") + "|" + row.getAs("geography_level") + "|"
        + row.getAs("geography_code") + "|" + row.getAs("service") + "|" + row.getAs("imd_basis");
  }

  static String deprivationKey(Row row) {
    return groupKey(row) + "|" + row.getAs("quantile_type") + "|" + row.getAs("imd_quantile");
  }

  static String key(String period, String level, String code, String service, String type, Integer quantile) {
    return period + "|" + level + "|" + code + "|" + service + "|national|" + type + "|" + quantile;
  }

  /** A referrals cell of referral_deprivation: suppressed (true), published (false); absent rows are zero cells. */
  static boolean suppressed(String key) {
    Row row = deprivationOut.get(key);
    return row != null && row.isNullAt(row.fieldIndex("referrals"));
  }

  static void assertNotLone(String equation, List<Boolean> cells) {
    assertTrue(cells.stream().filter(b -> b).count() != 1, "a lone suppressed cell in " + equation + ": " + cells);
  }

  @Test
  void theSmallCellsAreSuppressed() {
    assertTrue(suppressed(key(FY, "place", "P2", "wellbeing", "decile", 1)));
    assertTrue(suppressed(key(FY, "all", "ALL", "asc_request:Hospital", "decile", 2)));
    Row placeTwo = inequalityOut.get(FY + "|place|P2|wellbeing|national");
    assertEquals(46L, inequalityIn.get(FY + "|place|P2|wellbeing|national"));
    // 46 referrals, 43 with a decile: the 3 without one must not be their difference
    assertTrue(placeTwo.isNullAt(placeTwo.fieldIndex("referrals"))
        || placeTwo.isNullAt(placeTwo.fieldIndex("referrals_known_decile")), placeTwo.toString());
  }

  @Test
  void noDeprivationEquationHasALoneSuppressedCell() {
    for (String group : groups) {
      String[] g = group.split("\\|");
      String period = g[0] + "|" + g[1];
      // deciles and unknown add up to referral_inequality's published referrals
      List<Boolean> deciles = new ArrayList<>();
      for (int d = 0; d <= 10; d++) {
        deciles.add(suppressed(group + "|decile|" + (d == 0 ? null : d)));
      }
      Row total = inequalityOut.get(group);
      List<Boolean> withTotal = new ArrayList<>(deciles);
      withTotal.add(total.isNullAt(total.fieldIndex("referrals")));
      assertNotLone("deciles of " + group, withTotal);
      for (int q = 1; q <= 5; q++) {
        assertNotLone("quintile " + q + " of " + group, List.of(suppressed(group + "|decile|" + (2 * q - 1)),
            suppressed(group + "|decile|" + 2 * q), suppressed(group + "|quintile|" + q)));
      }
      for (String type : List.of("decile", "quintile")) {
        for (int q = 0; q <= (type.equals("decile") ? 10 : 5); q++) {
          Integer quantile = q == 0 ? null : q;
          String service = g[4];
          if (g[2].equals("all")) {
            for (List<String> codes : List.of(List.of("I1"), List.of("P1", "P2"), List.of("D1", "D2"))) {
              String level = codes.get(0).startsWith("I") ? "ics" : codes.get(0).startsWith("P") ? "place" : "district";
              List<Boolean> cells = new ArrayList<>();
              cells.add(suppressed(key(period, "all", "ALL", service, type, quantile)));
              for (String code : codes) {
                cells.add(suppressed(key(period, level, code, service, type, quantile)));
              }
              assertNotLone(level + " within all " + period + " " + service + " " + type + quantile, cells);
            }
          }
          if (g[2].equals("ics") && service.equals("wellbeing")) {
            assertNotLone("places within ICS " + period + " " + type + quantile, List.of(
                suppressed(key(period, "ics", "I1", service, type, quantile)),
                suppressed(key(period, "place", "P1", service, type, quantile)),
                suppressed(key(period, "place", "P2", service, type, quantile))));
          }
          if (service.equals("all")) {
            assertNotLone("services within all " + group + type + quantile, List.of(
                suppressed(key(period, g[2], g[3], "all", type, quantile)),
                suppressed(key(period, g[2], g[3], "asc_request", type, quantile)),
                suppressed(key(period, g[2], g[3], "wellbeing", type, quantile))));
            assertNotLone("routes within asc_request " + group + type + quantile, List.of(
                suppressed(key(period, g[2], g[3], "asc_request", type, quantile)),
                suppressed(key(period, g[2], g[3], "asc_request:Community", type, quantile)),
                suppressed(key(period, g[2], g[3], "asc_request:Hospital", type, quantile))));
          }
        }
      }
    }
  }

  /**
   * Months within their quarter and quarters within their financial year: April's 3 referrals (suppressed) would be
   * the published quarter minus May and June, and the quarter is the year minus nothing (a range of one quarter).
   * So May (the smallest other month) is suppressed too; the quarter and the year stay published.
   */
  @Test
  void noMonthIsItsQuarterMinusTheOtherMonths() {
    Map<String, Long> referrals = new java.util.LinkedHashMap<>();
    referrals.put("month|2022-04-01", 3L);
    referrals.put("month|2022-05-01", 40L);
    referrals.put("month|2022-06-01", 50L);
    referrals.put("quarter|2022-04-01", 93L);
    referrals.put("fy|2022-04-01", 93L);
    List<Row> rows = new ArrayList<>();
    var schema = OutputTables.ReferralInequality.SCHEMA.schema();
    referrals.forEach((period, n) -> {
      Map<String, Object> values = new HashMap<>();
      values.put("period_type", period.split("\\|")[0]);
      values.put("period_start", Date.valueOf(period.split("\\|")[1]));
      values.put("months_covered", period.startsWith("month") ? 1 : 3);
      values.put("geography_level", "place");
      values.put("geography_code", "P1");
      values.put("geography_name", "Place 1");
      values.put("service", "wellbeing");
      values.put("imd_basis", "national");
      values.put("referrals", n);
      values.put("target_share", 0.6);
      values.put("sii_status", "ok");
      values.put("suppressed", false);
      Object[] row = new Object[schema.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = values.get(schema.fields()[i].name());
      }
      rows.add(RowFactory.create(row));
    });
    Map<String, Long> published = new HashMap<>();
    for (Row row : disclosed(OutputTables.ReferralInequality.TABLE, SharedSpark.spark().createDataFrame(rows, schema),
        ReferralAdditivities.inequality(new ReferralAdditivities.Nesting(Map.of(), Map.of())))) {
      published.put(row.getAs("period_type") + "|" + row.getAs("period_start"), row.getAs("referrals"));
    }
    Map<String, Long> expected = new HashMap<>();
    expected.put("month|2022-04-01", null);
    expected.put("month|2022-05-01", null);
    expected.put("month|2022-06-01", 50L);
    expected.put("quarter|2022-04-01", 95L);
    expected.put("fy|2022-04-01", 95L);
    assertEquals(expected, published);
  }

  @Test
  void noInequalityRowLeavesASmallRemainderToDifferenceOut() {
    assertEquals(inequalityInRows.keySet(), inequalityOut.keySet());
    for (Map.Entry<String, Row> entry : inequalityOut.entrySet()) {
      Row original = inequalityInRows.get(entry.getKey());
      assertRowSum(entry.getKey(), original, entry.getValue(), "referrals", "referrals_known_decile");
      assertRowSum(entry.getKey(), original, entry.getValue(), "referrals_known_decile", "referrals_most_deprived_40");
      assertRowSum(entry.getKey(), original, entry.getValue(), "population_known_decile",
          "population_most_deprived_40");
    }
  }

  @Test
  void resolutionCountsCannotBeDifferencedOut() {
    Row unmapped = resolutionOut.stream().filter(r -> r.getAs("service").equals("wellbeing")
        && r.getAs("lsoa_mapping").equals("unmapped")).findFirst().orElseThrow();
    assertTrue(unmapped.isNullAt(unmapped.fieldIndex("referrals")), "3 referrals of the unranked LSOA");
    // the service's total is published elsewhere: another of its cells is hidden with it
    long hidden = resolutionOut.stream().filter(r -> r.getAs("service").equals("wellbeing")
        && r.isNullAt(r.fieldIndex("referrals"))).count();
    assertTrue(hidden >= 2, "wellbeing resolution rows hidden: " + hidden);
    for (Row row : resolutionOut) {
      assertRowSum(resolutionKey(row), resolutionIn.get(resolutionKey(row)), row, "referrals",
          "referrals_with_imd_decile");
    }
  }
}
