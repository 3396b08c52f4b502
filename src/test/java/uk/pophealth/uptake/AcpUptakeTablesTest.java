package uk.pophealth.uptake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RowByName;
import uk.pophealth.testing.SharedSpark;

/**
 * acp_uptake's own publication rules on a hand-worked case: its additive relations (practices within their PCN,
 * breakdown values within their unit) under disclosure control, and the published months.
 */
class AcpUptakeTablesTest {
  private static final Date MARCH = Date.valueOf("2024-03-31");
  private static final Date FEBRUARY = Date.valueOf("2024-02-29");

  @Test
  void aPracticeSuppressedInItsPcnTakesTheNextSmallestPracticeWithIt() {
    // PCN N1 = practices A + B + C: register 57 = 5 + 12 + 40, with_acp 27 = 1 + 6 + 20.
    // A's register (5) is in 1-7, so suppressed, and its with_acp with it; 57 - 12 - 40 would give it back, so the
    // smallest other non-zero practice, B, is suppressed too (its with_acp, 6, was already). C and N1 are
    // published rounded to 5: 40 and 20, 55 and 25.
    Map<String, Row> out = controlled(List.of(
        row(MARCH, OutputTables.LEVEL_PRACTICE, "A", "N1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 5, 1),
        row(MARCH, OutputTables.LEVEL_PRACTICE, "B", "N1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 12, 6),
        row(MARCH, OutputTables.LEVEL_PRACTICE, "C", "N1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 40, 20),
        row(MARCH, OutputTables.LEVEL_PCN, "N1", null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 57, 27)));
    assertSuppressed(out.get("A|all"));
    assertSuppressed(out.get("B|all"));
    assertEquals(40L, out.get("C|all").<Long>getAs(AcpUptake.REGISTER));
    assertEquals(20L, out.get("C|all").<Long>getAs(AcpUptake.WITH_ACP));
    assertEquals(55L, out.get("N1|all").<Long>getAs(AcpUptake.REGISTER));
    assertEquals(25L, out.get("N1|all").<Long>getAs(AcpUptake.WITH_ACP));
    assertEquals(0.5, out.get("C|all").<Double>getAs(AcpUptake.UPTAKE), 1e-12, "uptake from the published counts");
  }

  @Test
  void aSexSuppressedInItsPracticeTakesTheOtherSexWithIt() {
    // Practice C: register 40 = M 38 + F 2. F is in 1-7; 40 - 38 would give it back, so M goes too.
    Map<String, Row> out = controlled(List.of(
        row(MARCH, OutputTables.LEVEL_PRACTICE, "C", null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 40, 20),
        row(MARCH, OutputTables.LEVEL_PRACTICE, "C", null, AcpUptake.BREAKDOWN_SEX, "M", 38, 19),
        row(MARCH, OutputTables.LEVEL_PRACTICE, "C", null, AcpUptake.BREAKDOWN_SEX, "F", 2, 1)));
    assertSuppressed(out.get("C|F"));
    assertSuppressed(out.get("C|M"));
    assertEquals(40L, out.get("C|all").<Long>getAs(AcpUptake.REGISTER));
  }

  @Test
  void publishesTheReportingMonthsOnlyThoughEarlierOnesAreControlledWithThem() {
    // February is computed for change_12m and controlled with March, but only March is a reporting month
    Map<String, Row> out = controlled(List.of(
        row(FEBRUARY, OutputTables.LEVEL_PRACTICE, "C", null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 40, 20),
        row(MARCH, OutputTables.LEVEL_PRACTICE, "C", null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 41, 21)));
    assertEquals(1, out.size());
    assertEquals(40L, out.get("C|all").<Long>getAs(AcpUptake.REGISTER));
  }

  private static void assertSuppressed(Row row) {
    assertNull(row.getAs(AcpUptake.REGISTER), "register suppressed");
    assertNull(row.getAs(AcpUptake.WITH_ACP), "with_acp suppressed with its register");
    assertNull(row.getAs(AcpUptake.UPTAKE), "uptake nulled with its counts");
    assertEquals(true, row.getAs(OutputTables.SUPPRESSED));
  }

  /** The rows as acp_uptake publishes them for March 2024, by code|breakdown value. */
  private static Map<String, Row> controlled(List<Row> rows) {
    Dataset<Row> frame = SharedSpark.spark().createDataFrame(rows, AcpUptake.SCHEMA.schema());
    Map<String, Row> byCell = new HashMap<>();
    try (DisclosureControl.Disclosed disclosed = DisclosureControl.enabled()
        .apply(AcpUptake.TABLE, frame, AcpUptakeTables.additivities())) {
      ReportingMonths march = new ReportingMonths(YearMonth.of(2024, 3), YearMonth.of(2024, 3));
      for (Row row : AcpUptakeTables.published(disclosed.data(), march).collectAsList()) {
        byCell.put(row.getAs(OutputTables.GEOGRAPHY_CODE) + "|" + row.getAs(AcpUptake.BREAKDOWN_VALUE), row);
      }
    }
    return byCell;
  }

  private static Row row(Date periodEnd, String level, String code, String parent, String breakdown, String value,
      long register, long withAcp) {
    double uptake = (double) withAcp / register;
    return RowByName.of(AcpUptake.SCHEMA.schema())
        .with(AcpUptake.PERIOD_END, periodEnd).with(OutputTables.GEOGRAPHY_LEVEL, level)
        .with(OutputTables.GEOGRAPHY_CODE, code).with(OutputTables.GEOGRAPHY_NAME, "Unit " + code)
        .with(AcpUptake.BREAKDOWN, breakdown).with(AcpUptake.BREAKDOWN_VALUE, value)
        .with(AcpUptake.REGISTER, register).with(AcpUptake.WITH_ACP, withAcp).with(AcpUptake.UPTAKE, uptake)
        .with(OutputTables.SUPPRESSED, false)
        .with(AcpUptake.PARENT_LEVEL, parent == null ? null : OutputTables.LEVEL_PCN)
        .with(OutputTables.PARENT_CODE, parent).row();
  }
}
