package uk.pophealth.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.pophealth.geography.Fixtures.date;
import static uk.pophealth.geography.Fixtures.district;
import static uk.pophealth.geography.Fixtures.frame;
import static uk.pophealth.geography.Fixtures.inputs;
import static uk.pophealth.geography.Fixtures.lsoa;
import static uk.pophealth.geography.Fixtures.member;
import static uk.pophealth.geography.Fixtures.practice;
import static uk.pophealth.geography.Fixtures.subIcb;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_GAP;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_OVERLAP;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.GeographyTables.PracticeHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.testing.SharedSpark;

/**
 * Reference tables with planted faults: P1 is in PCN A (open) and also in B for 2021-H1 (overlap); P2 leaves
 * its PCN at the end of 2020 (gap to date); P3 has no PCN at all (gap); S1 has two open footprints from 2020 and
 * 2022 (overlap); S2's footprint starts a year after the table's first (gap); district L2 has no footprint (gap);
 * LSOA E3 is given two districts (overlap; it keeps L1, so L3's missing footprint affects no one).
 */
class FootprintFindingsTest {
  private static FootprintResolver resolver;

  @BeforeAll
  static void build() {
    resolver = FootprintResolver.build(SharedSpark.spark(), inputs(
        List.of(practice("P1", "Alpha", "S1", "2020-01-01", null), practice("P2", "Beta", "S1", "2020-01-01", null),
            practice("P3", "Gamma", "S2", "2020-01-01", null)),
        List.of(member("P1", "A", "2020-01-01", null), member("P1", "B", "2021-01-01", "2021-06-30"),
            member("P2", "C", "2020-01-01", "2020-12-31")),
        List.of(subIcb("S1", "X", "2020-01-01", null), subIcb("S1", "Y", "2022-01-01", null),
            subIcb("S2", "Y", "2021-01-01", null), district("L1", "S1", "X", "2020-01-01", null)),
        List.of(lsoa("E1", "L1"), lsoa("E2", "L2"), lsoa("E3", "L1"), lsoa("E3", "L3"))));
  }

  @Test
  void everyGapAndOverlapIsReportedWithExactCounts() {
    assertEquals(List.of(
        new FootprintFinding("footprints", FOOTPRINT_GAP, 4, 4, 0, 2,
            "lad L2 has no footprint; sub_icb S2 2020-01-01..2020-12-31"),
        new FootprintFinding("footprints", FOOTPRINT_OVERLAP, 4, 4, 0, 1, "sub_icb S1 2022-01-01..open"),
        new FootprintFinding("lsoa_deprivation", FOOTPRINT_OVERLAP, 4, 4, 0, 1,
            "E3 in 2 districts (L1..L3), kept L1"),
        new FootprintFinding("pcn_membership", FOOTPRINT_GAP, 3, 3, 0, 2,
            "P2 2021-01-01..open; P3 2020-01-01..open"),
        new FootprintFinding("pcn_membership", FOOTPRINT_OVERLAP, 3, 3, 0, 1, "P1 2021-01-01..2021-06-30")),
        resolver.findings());
  }

  @Test
  void overlapsResolveToTheLatestEffectiveFromSoEachDateHasOneChain() {
    StructType schema = new StructType().add("practice", DataTypes.StringType).add("day", DataTypes.DateType);
    Dataset<Row> days = frame(schema, RowFactory.create("P1", date("2020-12-31")),
        RowFactory.create("P1", date("2021-01-01")), RowFactory.create("P1", date("2021-07-01")),
        RowFactory.create("P1", date("2022-01-01")), RowFactory.create("P3", date("2020-06-30")));
    List<String> mapped = resolver.withPracticeFootprint(days, "practice", "day", FootprintBasis.AT_EACH_DATE)
        .orderBy("practice", "day").collectAsList().stream()
        .map(r -> r.get(1) + " " + r.getAs(PracticeHierarchy.PCN_CODE) + "/" + r.getAs(GeographyTables.ICS_CODE))
        .toList();
    assertEquals(List.of("2020-12-31 A/X", "2021-01-01 B/X", "2021-07-01 A/X", "2022-01-01 A/Y",
        "2020-06-30 null/null"), mapped);
  }
}
