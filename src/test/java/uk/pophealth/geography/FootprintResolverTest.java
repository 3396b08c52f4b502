package uk.pophealth.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.pophealth.geography.Fixtures.date;
import static uk.pophealth.geography.Fixtures.district;
import static uk.pophealth.geography.Fixtures.frame;
import static uk.pophealth.geography.Fixtures.inputs;
import static uk.pophealth.geography.Fixtures.lsoa;
import static uk.pophealth.geography.Fixtures.member;
import static uk.pophealth.geography.Fixtures.practice;
import static uk.pophealth.geography.Fixtures.subIcb;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_GAP;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables.PracticeHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.testing.SharedSpark;

/**
 * Four practices in two sub-ICB locations: P1 moves from PCN A to PCN B on 2021-04-01; P2's PCN C closes on
 * 2020-12-31 and it joins PCN B only on 2021-03-01 (a two-month gap); P4 closes with the end of 2020; sub-ICB
 * S1 moves from ICS X to ICS Y on 2022-07-01. PCNs start on 2019-07-01, so the months before are no gap. Districts: L1 moves ICS with S1.
 */
class FootprintResolverTest {
  private static FootprintResolver resolver;

  @BeforeAll
  static void build() {
    resolver = FootprintResolver.build(SharedSpark.spark(), inputs(
        List.of(practice("P1", "Alpha", "S1", "2019-01-01", null), practice("P2", "Beta", "S1", "2019-01-01", null),
            practice("P3", "Gamma", "S2", "2019-01-01", null), practice("P4", "Delta", "S2", "2019-01-01", "2020-12-31")),
        List.of(member("P1", "A", "2019-07-01", "2021-03-31"), member("P1", "B", "2021-04-01", null),
            member("P2", "C", "2019-07-01", "2020-12-31"), member("P2", "B", "2021-03-01", null),
            member("P3", "D", "2019-07-01", null), member("P4", "D", "2019-07-01", "2020-12-31")),
        List.of(subIcb("S1", "X", "2019-01-01", "2022-06-30"), subIcb("S1", "Y", "2022-07-01", null),
            subIcb("S2", "Y", "2019-01-01", null),
            district("L1", "S1", "X", "2019-01-01", "2022-06-30"), district("L1", "S1", "Y", "2022-07-01", null),
            district("L2", "S2", "Y", "2019-01-01", null)),
        List.of(lsoa("E1", "L1"), lsoa("E2", "L1"), lsoa("E3", "L2"))));
  }

  private static Row chain(String practice, String name, String pcn, String subIcb, String ics, String from, String to) {
    return RowFactory.create(practice, name, pcn, pcn == null ? null : pcn + " PCN", subIcb, subIcb,
        "Place " + subIcb, ics, "ICS " + ics, date(from), date(to));
  }

  @Test
  void practiceHierarchyHasOneRowPerIntervalOfAConstantChain() {
    Dataset<Row> expected = frame(PracticeHierarchy.TABLE.schema(),
        chain("P1", "Alpha", null, "S1", "X", "2019-01-01", "2019-06-30"),
        chain("P1", "Alpha", "A", "S1", "X", "2019-07-01", "2021-03-31"),
        chain("P1", "Alpha", "B", "S1", "X", "2021-04-01", "2022-06-30"),
        chain("P1", "Alpha", "B", "S1", "Y", "2022-07-01", null),
        chain("P2", "Beta", null, "S1", "X", "2019-01-01", "2019-06-30"),
        chain("P2", "Beta", "C", "S1", "X", "2019-07-01", "2020-12-31"),
        chain("P2", "Beta", null, "S1", "X", "2021-01-01", "2021-02-28"),
        chain("P2", "Beta", "B", "S1", "X", "2021-03-01", "2022-06-30"),
        chain("P2", "Beta", "B", "S1", "Y", "2022-07-01", null),
        chain("P3", "Gamma", null, "S2", "Y", "2019-01-01", "2019-06-30"),
        chain("P3", "Gamma", "D", "S2", "Y", "2019-07-01", null),
        chain("P4", "Delta", null, "S2", "Y", "2019-01-01", "2019-06-30"),
        chain("P4", "Delta", "D", "S2", "Y", "2019-07-01", "2020-12-31"));
    SharedSpark.frames().assertDataFrameNoOrderEquals(expected, resolver.practiceHierarchy());
  }

  @Test
  void onlyTheClosedPcnGapIsReported() {
    assertEquals(List.of(new FootprintFinding("pcn_membership", FOOTPRINT_GAP, 6, 6, 0, 1,
        "P2 2021-01-01..2021-02-28")), resolver.findings());
  }

  @Test
  void lsoaHierarchyFollowsItsDistrict() {
    Dataset<Row> expected = frame(LsoaHierarchy.TABLE.schema(),
        RowFactory.create("E1", "L1", "S1", "Place S1", "X", "ICS X", date("2019-01-01"), date("2022-06-30")),
        RowFactory.create("E1", "L1", "S1", "Place S1", "Y", "ICS Y", date("2022-07-01"), null),
        RowFactory.create("E2", "L1", "S1", "Place S1", "X", "ICS X", date("2019-01-01"), date("2022-06-30")),
        RowFactory.create("E2", "L1", "S1", "Place S1", "Y", "ICS Y", date("2022-07-01"), null),
        RowFactory.create("E3", "L2", "S2", "Place S2", "Y", "ICS Y", date("2019-01-01"), null));
    SharedSpark.frames().assertDataFrameNoOrderEquals(expected, resolver.lsoaHierarchy());
  }

  @Test
  void districtLinksFollowTheSameIntervalsOrTheRebaseDate() {
    assertEquals(java.util.Set.of(List.of("L1", "S1", "X"), List.of("L1", "S1", "Y"), List.of("L2", "S2", "Y")),
        resolver.districtPlaceIcs(FootprintBasis.AT_EACH_DATE));
    assertEquals(java.util.Set.of(List.of("L1", "S1", "X"), List.of("L2", "S2", "Y")),
        resolver.districtPlaceIcs(FootprintBasis.rebasedTo(java.time.LocalDate.parse("2021-12-31"))));
  }

  private static final StructType FACTS = new StructType()
      .add("practice", DataTypes.StringType).add("period_end", DataTypes.DateType).add("register", DataTypes.IntegerType);

  private static Dataset<Row> monthEnds() {
    return frame(FACTS,
        RowFactory.create("P1", date("2021-03-31"), 10), RowFactory.create("P1", date("2021-04-30"), 11),
        RowFactory.create("P1", date("2022-06-30"), 12), RowFactory.create("P1", date("2022-07-31"), 13),
        RowFactory.create("P2", date("2021-01-31"), 20), RowFactory.create("P4", date("2020-06-30"), 40),
        RowFactory.create("P9", date("2021-01-31"), 90));
  }

  private static List<String> pcnAndIcs(Dataset<Row> mapped) {
    return mapped.orderBy(FACTS.fieldNames()[2]).collectAsList().stream()
        .map(r -> r.getAs(FACTS.fieldNames()[2]) + ":" + r.getAs(PracticeHierarchy.PCN_CODE) + "/"
            + r.getAs(GeographyTables.ICS_CODE))
        .toList();
  }

  @Test
  void eachMonthEndMapsToTheChainInForceThenAndNoFactIsLost() {
    Dataset<Row> mapped = resolver.withPracticeFootprint(monthEnds(), "practice", "period_end",
        FootprintBasis.AT_EACH_DATE);
    assertEquals(List.of("10:A/X", "11:B/X", "12:B/X", "13:B/Y", "20:null/X", "40:D/Y", "90:null/null"),
        pcnAndIcs(mapped));
    assertEquals(List.of("practice", "period_end", "register", "practice_name", "pcn_code", "pcn_name",
        "sub_icb_code", "place_code", "place_name", "ics_code", "ics_name"), List.of(mapped.columns()));
  }

  @Test
  void rebasingMapsAllHistoryToTheFootprintOfTheLastPeriod() {
    FootprintBasis basis = FootprintBasis.rebasedTo(LocalDate.parse("2022-07-31"));
    Dataset<Row> mapped = resolver.withPracticeFootprint(monthEnds(), "practice", "period_end", basis);
    // P4 closed in 2020: it keeps its last chain rather than dropping out of re-based history.
    assertEquals(List.of("10:B/Y", "11:B/Y", "12:B/Y", "13:B/Y", "20:B/Y", "40:D/Y", "90:null/null"),
        pcnAndIcs(mapped));
    assertEquals(4, resolver.practiceHierarchy(basis).count());
  }

  @Test
  void lsoaFactsMapByDateAndWhenRebased() {
    StructType schema = new StructType().add("lsoa", DataTypes.StringType).add("referral_date", DataTypes.DateType);
    Dataset<Row> referrals = frame(schema, RowFactory.create("E1", date("2022-06-30")),
        RowFactory.create("E1", date("2022-07-01")), RowFactory.create("E3", date("2018-12-31")));
    Dataset<Row> atDate = resolver.withLsoaFootprint(referrals, "lsoa", "referral_date", FootprintBasis.AT_EACH_DATE);
    Dataset<Row> rebased = resolver.withLsoaFootprint(referrals, "lsoa", "referral_date",
        FootprintBasis.rebasedTo(LocalDate.parse("2023-03-31")));
    assertEquals(List.of("E1 2022-06-30 X", "E1 2022-07-01 Y", "E3 2018-12-31 null"), describe(atDate));
    assertEquals(List.of("E1 2022-06-30 Y", "E1 2022-07-01 Y", "E3 2018-12-31 Y"), describe(rebased));
  }

  private static List<String> describe(Dataset<Row> mapped) {
    return mapped.orderBy("lsoa", "referral_date").collectAsList().stream()
        .map(r -> r.get(0) + " " + r.get(1) + " " + r.getAs(GeographyTables.ICS_CODE)).toList();
  }

  @Test
  void attachingRefusesFactsThatAlreadyHoldAFootprintColumnOrLackTheKey() {
    Dataset<Row> clash = monthEnds().withColumnRenamed("register", GeographyTables.ICS_CODE);
    IllegalArgumentException clashError = assertThrows(IllegalArgumentException.class,
        () -> resolver.withPracticeFootprint(clash, "practice", "period_end", FootprintBasis.AT_EACH_DATE));
    assertEquals("Cannot attach footprint: the facts already have a column the footprint adds (ics_code)",
        clashError.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> resolver.withPracticeFootprint(monthEnds(), "practice_code", "period_end", FootprintBasis.AT_EACH_DATE));
    assertEquals("Cannot attach footprint: the facts have no column (practice_code)", missing.getMessage());
  }
}
