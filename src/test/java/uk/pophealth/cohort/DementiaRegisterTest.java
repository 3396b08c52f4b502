package uk.pophealth.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.InputTables;
import uk.pophealth.testing.SharedSpark;

/** Hand-built people whose register membership and ACP status at each month end are worked out by hand. */
class DementiaRegisterTest {
  private static final String DEM = "52448006";
  private static final String ALZ = "26929004";
  private static final String ACP = "713673000";
  private static final String OTHER = "38341003";

  private static Dataset<Row> register;

  @BeforeAll
  static void build() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> patients = spark.createDataFrame(List.of(
        // A: registered throughout at P1, dementia 2022-01-10, ACP 2022-03-01.
        patient("A", "P1", 1940, "F", "L1", "2010-01-01", null, null),
        // B: moves from P1 to P2 on 2022-02-15 (P1 ends 2022-02-14); dementia 2021-05-01; no ACP.
        patient("B", "P1", 1950, "M", "L2", "2000-01-01", "2022-02-14", null),
        patient("B", "P2", 1950, "M", "L2", "2022-02-15", null, null),
        // C: dies 2022-02-28 (on a month end: not on the register that day); dementia 2020-01-01.
        patient("C", "P1", 1930, "F", "L1", "2000-01-01", null, "2022-02-28"),
        // D: diagnosed 2022-03-31 (on the last month end); ACP 2019-06-01 (before diagnosis: counts).
        patient("D", "P2", 1960, "M", "L2", "2000-01-01", null, null),
        // E: diagnosed after the range; never on the register.
        patient("E", "P2", 1945, "F", "L1", "2000-01-01", null, null),
        // F: not registered until 2022-03-05; dementia 2021-01-01.
        patient("F", "P2", 1980, "F", "L1", "2022-03-05", null, null)),
        InputTables.GpPatients.TABLE.schema());
    Dataset<Row> events = spark.createDataFrame(List.of(
        event("A", "P1", "2022-01-10", DEM), event("A", "P1", "2022-03-01", ACP),
        event("B", "P1", "2021-05-01", ALZ), event("B", "P1", "2021-06-01", OTHER),
        event("C", "P1", "2020-01-01", DEM),
        event("D", "P2", "2022-03-31", DEM), event("D", "P2", "2019-06-01", ACP),
        event("E", "P2", "2022-04-01", DEM),
        event("F", "P2", "2021-01-01", DEM)),
        InputTables.GpEvents.TABLE.schema());
    Dataset<Row> codelists = spark.createDataFrame(List.of(
        RowFactory.create("dementia", DEM, "Dementia"), RowFactory.create("dementia", ALZ, "Alzheimer's disease"),
        RowFactory.create("acp", ACP, "Has end of life care plan")), InputTables.Codelists.TABLE.schema());
    Dataset<Row> care = spark.createDataFrame(List.<Row>of(
        RowFactory.create("B", "E10000001", "Request", Date.valueOf("2021-01-20"), null, null, null, null, null),
        RowFactory.create("A", "E10000001", "Request", Date.valueOf("2022-03-31"), null, null, null, null, null)),
        InputTables.SocialCareEvents.TABLE.schema());
    Dataset<Row> deprivation = spark.createDataFrame(List.of(
        RowFactory.create("L1", "E07000001", 100, 1), RowFactory.create("L2", "E07000001", 30000, 10)),
        InputTables.LsoaDeprivation.TABLE.schema());
    register = new DementiaRegister(ReportingMonths.of("2022-01", "2022-03"), null)
        .build(patients, events, codelists, care, deprivation).cache();
  }

  @Test
  void registerByMonthAndPracticeMatchesHandCounts() {
    // Jan 31: A(P1), B(P1), C(P1)                  -> P1 3
    // Feb 28: A(P1), B(P2); C died that day          -> P1 1, P2 1
    // Mar 31: A(P1), B(P2), D(P2) diagnosed that day, F(P2) -> P1 1, P2 3
    Map<String, Long> expected = new TreeMap<>(Map.of(
        "2022-01-31|P1", 3L, "2022-02-28|P1", 1L, "2022-02-28|P2", 1L, "2022-03-31|P1", 1L, "2022-03-31|P2", 3L));
    assertEquals(expected, count(register, false));
  }

  @Test
  void acpCountsIncludeAcpBeforeDiagnosisAndNotBeforeItIsRecorded() {
    // A has ACP from 2022-03-01; D's ACP predates diagnosis and counts at Mar 31.
    Map<String, Long> expected = new TreeMap<>(Map.of("2022-03-31|P1", 1L, "2022-03-31|P2", 1L));
    assertEquals(expected, count(register, true));
  }

  @Test
  void lookBackWindowDropsOldAcpCodes() {
    SparkSession spark = SharedSpark.spark();
    Dataset<Row> withLookback = new DementiaRegister(ReportingMonths.of("2022-03", "2022-03"), 12).build(
        spark.createDataFrame(List.of(patient("D", "P2", 1960, "M", "L2", "2000-01-01", null, null),
            patient("A", "P1", 1940, "F", "L1", "2010-01-01", null, null)), InputTables.GpPatients.TABLE.schema()),
        spark.createDataFrame(List.of(event("D", "P2", "2022-03-31", DEM), event("D", "P2", "2019-06-01", ACP),
            event("A", "P1", "2022-01-10", DEM), event("A", "P1", "2022-03-01", ACP)), InputTables.GpEvents.TABLE.schema()),
        spark.createDataFrame(List.of(RowFactory.create("dementia", DEM, "d"), RowFactory.create("acp", ACP, "a")),
            InputTables.Codelists.TABLE.schema()), null, null);
    assertEquals(Map.of("2022-03-31|P1", 1L), count(withLookback, true));
  }

  @Test
  void breakdownColumnsAreDerivedPerMonth() {
    Row b = register.filter("person_id = 'B' and period_end = date'2022-01-31'").first();
    assertEquals("65-74", b.getAs(CohortColumns.AGE_BAND));
    assertEquals(5, (int) b.getAs(CohortColumns.IMD_QUINTILE));
    assertEquals(false, b.getAs(CohortColumns.KNOWN_TO_SOCIAL_CARE)); // request 2021-01-20 is before 2021-01-31, more than 12 months back
    Row a = register.filter("person_id = 'A' and period_end = date'2022-03-31'").first();
    assertEquals("75-84", a.getAs(CohortColumns.AGE_BAND));
    assertEquals(1, (int) a.getAs(CohortColumns.IMD_QUINTILE));
    assertEquals(true, a.getAs(CohortColumns.KNOWN_TO_SOCIAL_CARE));
    assertEquals(CohortColumns.REGISTER.schema().fieldNames().length, register.columns().length);
  }

  private static Map<String, Long> count(Dataset<Row> frame, boolean acpOnly) {
    Dataset<Row> filtered = acpOnly ? frame.filter("has_acp") : frame;
    Map<String, Long> counts = new TreeMap<>();
    for (Row row : filtered.groupBy("period_end", "practice_code").count().collectAsList()) {
      counts.put(row.getDate(0) + "|" + row.getString(1), row.getLong(2));
    }
    return counts;
  }

  private static Row patient(String id, String practice, int yob, String sex, String lsoa, String start, String end,
      String death) {
    return RowFactory.create(id, practice, yob, sex, lsoa, Date.valueOf(start), end == null ? null : Date.valueOf(end),
        death == null ? null : Date.valueOf(death));
  }

  private static Row event(String id, String practice, String date, String code) {
    return RowFactory.create(id, practice, Date.valueOf(date), code);
  }
}
