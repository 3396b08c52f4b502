package uk.pophealth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.TableSchema;
import uk.pophealth.testing.SharedSpark;

/**
 * The DuckDB peer and the Spark ACP core agree exactly on a hand-built Parquet set whose counts are worked out
 * by hand: a PCN move, a practice closing, a practice with overlapping sub-ICB rows and no PCN, a sub-ICB moving
 * ICS on 1 July 2022, overlapping registrations, a death on a month end, a diagnosis on a month end, an ACP
 * before the diagnosis and a registration ending on a month end.
 */
class AcpCorePeerTest {
  private static final String DEM = "52448006";
  private static final String ACP = "713673000";
  private static final String OTHER = "38341003";
  private static final ReportingMonths MONTHS = ReportingMonths.of("2022-06", "2022-08");

  @TempDir
  static Path dir;

  private static List<CoreCount> spark;
  private static List<CoreCount> duckdb;

  @BeforeAll
  static void runBoth() throws Exception {
    writeInputs(SharedSpark.spark(), dir.toString());
    spark = SparkAcpCore.collect(SparkAcpCore.counts(SharedSpark.spark(), dir.toString(), MONTHS));
    duckdb = DuckDbAcpCore.counts(dir.toString(), MONTHS, 2, null);
  }

  @Test
  void duckDbAndSparkAgreeOnEveryCell() {
    assertEquals(spark, duckdb);
    // practices + PCNs + places + ICSs: Jun 3+2+2+1, Jul 4+3+3+3, Aug 4+2+3+3 (unknown counts as a unit)
    assertEquals(8 + 13 + 12, spark.size());
  }

  @Test
  void practiceCountsMatchHandCounts() {
    // Jun: P1 A D J, P2 B E G, P3 C(acp). Jul: P1 A(acp) J, P2 B D (E died 31 Jul), P3 C, P4 F (diagnosed 31 Jul).
    Map<String, String> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("2022-06-30 P1", "3/0"), Map.entry("2022-06-30 P2", "3/0"), Map.entry("2022-06-30 P3", "1/1"),
        Map.entry("2022-07-31 P1", "2/1"), Map.entry("2022-07-31 P2", "2/0"), Map.entry("2022-07-31 P3", "1/1"),
        Map.entry("2022-07-31 P4", "1/0"),
        Map.entry("2022-08-31 P1", "2/1"), Map.entry("2022-08-31 P2", "2/0"), Map.entry("2022-08-31 P3", "1/1"),
        Map.entry("2022-08-31 P4", "1/0")));
    assertEquals(expected, cells(duckdb, "practice"));
    assertEquals(expected, cells(spark, "practice"));
  }

  @Test
  void pcnAndIcsCountsFollowTheFootprintInForceAtEachMonthEnd() {
    // P1 moves N1 -> N2 on 1 Aug; P3 closes 15 Jul (unknown after); P4 has no PCN; S2 moves I1 -> I2 on 1 Jul;
    // P4 moves S1 -> S2 on 1 Aug (overlapping practices rows: the later start wins).
    Map<String, String> pcn = new TreeMap<>(Map.of(
        "2022-06-30 N1", "4/1", "2022-06-30 N2", "3/0",
        "2022-07-31 N1", "2/1", "2022-07-31 N2", "2/0", "2022-07-31 unknown", "2/1",
        "2022-08-31 N2", "4/1", "2022-08-31 unknown", "2/1"));
    Map<String, String> ics = new TreeMap<>(Map.of(
        "2022-06-30 I1", "7/1",
        "2022-07-31 I1", "3/1", "2022-07-31 I2", "2/0", "2022-07-31 unknown", "1/1",
        "2022-08-31 I1", "2/1", "2022-08-31 I2", "3/0", "2022-08-31 unknown", "1/1"));
    assertEquals(pcn, cells(duckdb, "pcn"));
    assertEquals(ics, cells(duckdb, "ics"));
    assertEquals(pcn, cells(spark, "pcn"));
    assertEquals(ics, cells(spark, "ics"));
  }

  private static Map<String, String> cells(List<CoreCount> counts, String level) {
    Map<String, String> out = new TreeMap<>();
    counts.stream().filter(c -> c.level().equals(level))
        .forEach(c -> out.put(c.periodEnd() + " " + c.code(), c.register() + "/" + c.withAcp()));
    return out;
  }

  private static void writeInputs(SparkSession spark, String out) {
    write(spark, out, InputTables.Practices.TABLE,
        practice("P1", "S1", "2000-01-01", null), practice("P2", "S2", "2000-01-01", null),
        practice("P3", "S1", "2000-01-01", "2022-07-15"),
        practice("P4", "S1", "2000-01-01", null), practice("P4", "S2", "2022-08-01", null));
    write(spark, out, InputTables.PcnMembership.TABLE,
        pcn("P1", "N1", "2019-07-01", "2022-07-31"), pcn("P1", "N2", "2022-08-01", null),
        pcn("P2", "N2", "2019-07-01", null), pcn("P3", "N1", "2019-07-01", null));
    write(spark, out, InputTables.Footprints.TABLE,
        footprint("S1", "PL1", "I1", "2019-01-01", null),
        footprint("S2", "PL2", "I1", "2019-01-01", "2022-06-30"), footprint("S2", "PL2b", "I2", "2022-07-01", null),
        RowFactory.create("lad", "D1", "PL1", "Place PL1", "I1", "ICS I1", date("2019-01-01"), null));
    write(spark, out, InputTables.LsoaDeprivation.TABLE, RowFactory.create("L1", "D1", 100, 1));
    write(spark, out, InputTables.Codelists.TABLE, RowFactory.create("dementia", DEM, "Dementia"),
        RowFactory.create("acp", ACP, "Advance care plan"), RowFactory.create("other", OTHER, "Other"));
    write(spark, out, InputTables.GpPatients.TABLE,
        patient("A", "P1", "2010-01-01", null, null),
        patient("B", "P2", "2010-01-01", null, null),
        patient("C", "P3", "2010-01-01", null, null),
        patient("D", "P1", "2010-01-01", null, null), patient("D", "P2", "2022-07-20", null, null),
        patient("E", "P2", "2010-01-01", null, "2022-07-31"),
        patient("F", "P4", "2010-01-01", null, null),
        patient("G", "P2", "2010-01-01", "2022-06-30", null),
        patient("H", "P1", "2010-01-01", null, null),
        patient("I", "P1", "2010-01-01", null, null),
        patient("J", "P2", "2015-01-01", null, null), patient("J", "P1", "2015-01-01", null, null));
    write(spark, out, InputTables.GpEvents.TABLE,
        event("A", "2021-03-01", DEM), event("A", "2022-07-10", ACP),
        event("B", "2020-01-01", DEM),
        event("C", "2020-01-01", DEM), event("C", "2019-05-05", ACP),
        event("D", "2021-01-01", DEM),
        event("E", "2021-01-01", DEM),
        event("F", "2022-07-31", DEM),
        event("G", "2021-01-01", DEM),
        event("H", "2021-01-01", OTHER), event("H", "2021-02-01", ACP),
        event("I", "2022-09-01", DEM),
        event("J", "2020-01-01", DEM));
  }

  private static void write(SparkSession spark, String out, TableSchema table, Row... rows) {
    spark.createDataFrame(List.of(rows), table.schema()).coalesce(1).write().parquet(out + "/" + table.name());
  }

  private static Row practice(String code, String subIcb, String from, String to) {
    return RowFactory.create(code, "Practice " + code, subIcb, date(from), date(to));
  }

  private static Row pcn(String practice, String pcn, String from, String to) {
    return RowFactory.create(practice, pcn, "PCN " + pcn, null, date(from), date(to));
  }

  private static Row footprint(String subIcb, String place, String ics, String from, String to) {
    return RowFactory.create("sub_icb", subIcb, place, "Place " + place, ics, "ICS " + ics, date(from), date(to));
  }

  private static Row patient(String id, String practice, String start, String end, String death) {
    return RowFactory.create(id, practice, 1940, "F", "L1", date(start), date(end), date(death));
  }

  private static Row event(String id, String day, String code) {
    return RowFactory.create(id, "P1", date(day), code);
  }

  private static Date date(String day) {
    return day == null ? null : Date.valueOf(LocalDate.parse(day));
  }
}
