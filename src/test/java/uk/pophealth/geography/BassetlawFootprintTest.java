package uk.pophealth.geography;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.ingest.layout.OnsFootprintLayout;
import uk.pophealth.ingest.layout.OnsLookupColumns;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.testing.RawCsv;
import uk.pophealth.testing.RefData;
import uk.pophealth.testing.SharedSpark;

/**
 * The real ONS lookups as two vintages: CCG/STP 2021 until 2022-06-30, sub-ICB/ICB 2022 from 2022-07-01. In July
 * 2022 Bassetlaw (district E07000171) moved from South Yorkshire and Bassetlaw to Nottingham and Nottinghamshire.
 */
class BassetlawFootprintTest {
  private static final String BASSETLAW = "E07000171";
  private static final String LOOKUP_2021 = "geography_lookups/lookup_lsoa11_ccg21_stp21_ltla21.csv";
  private static final String LOOKUP_2022 = "geography_lookups/lookup_lsoa11_sicbl22_icb22_ltla22.csv";
  private static final LocalDate LAST_DAY_2021 = LocalDate.parse("2022-06-30");
  private static final LocalDate FIRST_DAY_2022 = LocalDate.parse("2022-07-01");
  private static final StructType DAYS = new StructType().add("day", DataTypes.DateType);

  private static Dataset<Row> raw2021;
  private static FootprintResolver resolver;
  private static Dataset<Row> mapped;

  @BeforeAll
  static void resolveBothVintages() {
    Path file2021 = RefData.require(LOOKUP_2021);
    Path file2022 = RefData.require(LOOKUP_2022);
    raw2021 = RawCsv.read(file2021);
    Dataset<Row> raw2022 = RawCsv.read(file2022);
    OnsFootprintLayout vintage2021 = new OnsFootprintLayout(OnsLookupColumns.CCG21_STP21,
        LocalDate.parse("2021-04-01"), LAST_DAY_2021);
    OnsFootprintLayout vintage2022 = new OnsFootprintLayout(OnsLookupColumns.SICBL22_ICB22, FIRST_DAY_2022, null);
    Dataset<Row> footprints = RawCsv.typed(
        vintage2021.toCanonical(raw2021).unionByName(vintage2022.toCanonical(raw2022)), Footprints.TABLE);
    Dataset<Row> lsoaDistricts = vintage2022.lsoaToDistrict(raw2022).cache();
    resolver = FootprintResolver.build(SharedSpark.spark(), new GeographyInputs(
        Fixtures.frame(Practices.TABLE.schema(), List.of()), Fixtures.frame(PcnMembership.TABLE.schema(), List.of()),
        footprints, lsoaDistricts));
    Dataset<Row> days = Fixtures.frame(DAYS, RowFactory.create(Fixtures.date(LAST_DAY_2021.toString())),
        RowFactory.create(Fixtures.date(FIRST_DAY_2022.toString())));
    Dataset<Row> facts = lsoaDistricts.select(col(LsoaDeprivation.LSOA_CODE).as("lsoa")).crossJoin(days);
    mapped = resolver.withLsoaFootprint(facts, "lsoa", "day", FootprintBasis.AT_EACH_DATE).cache();
  }

  @AfterAll
  static void release() {
    if (mapped != null) {
      mapped.unpersist();
    }
  }

  private static long bassetlawLsoasIn(String lookup) throws IOException {
    try (Stream<String> lines = Files.lines(RefData.require(lookup))) {
      return lines.filter(line -> line.endsWith(",\"" + BASSETLAW + "\"")).count();
    }
  }

  private static List<String> icsOfBassetlaw(LocalDate day) {
    return mapped.filter(col(LsoaHierarchy.LAD_CODE).equalTo(BASSETLAW).and(col("day").equalTo(Fixtures.date(day.toString()))))
        .groupBy(col(GeographyTables.ICS_CODE), col(GeographyTables.ICS_NAME)).count().collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1) + " x" + r.getLong(2)).toList();
  }

  @Test
  void bassetlawIsInSouthYorkshireUntilJune2022AndInNottinghamshireFromJuly() throws IOException {
    long lsoas = bassetlawLsoasIn(LOOKUP_2021);
    assertTrue(lsoas > 60, "Bassetlaw has about 70 LSOAs: " + lsoas);
    assertEquals(lsoas, bassetlawLsoasIn(LOOKUP_2022));
    assertEquals(List.of("E54000009 South Yorkshire and Bassetlaw x" + lsoas), icsOfBassetlaw(LAST_DAY_2021));
    assertEquals(List.of("E54000060 NHS Nottingham and Nottinghamshire Integrated Care Board x" + lsoas),
        icsOfBassetlaw(FIRST_DAY_2022));
  }

  @Test
  void everyEnglishLsoaIsInExactlyOneIcsOnBothSidesOfTheChange() {
    assertEquals(2L * 32_844, mapped.count());
    assertEquals(0, mapped.filter(col(GeographyTables.ICS_CODE).isNull()).count());
    assertEquals(2L * 32_844, mapped.select(col("lsoa"), col("day")).distinct().count());
    assertEquals(List.of(), resolver.findings());
  }

  @Test
  void lsoasOfDistrictsWhollyInOneStpGetTheirOwnStp() {
    Dataset<Row> wholeDistricts = raw2021.groupBy(col("ltla21_code")).agg(countDistinct(col("stp21_code")).as("stps"))
        .filter(col("stps").equalTo(1));
    Dataset<Row> own = raw2021.join(wholeDistricts, "ltla21_code").select(col("lsoa11_code"), col("stp21_code"));
    Dataset<Row> compared = mapped.filter(col("day").equalTo(Fixtures.date(LAST_DAY_2021.toString())))
        .join(own, col("lsoa").equalTo(col("lsoa11_code")));
    long checked = compared.count();
    assertTrue(checked > 30_000, "LSOAs in districts wholly inside one STP: " + checked);
    assertEquals(0, compared.filter(col(GeographyTables.ICS_CODE).notEqual(col("stp21_code"))).count());
  }

  /**
   * Re-based onto today's footprint, Bassetlaw counts in Nottingham and Nottinghamshire from 2022 back; on the
   * footprint in force it counted in South Yorkshire and Bassetlaw until June 2022. Those ICSs count different
   * areas before July, as do the others whose members or codes changed with the 2022 vintage (CCGs merged into
   * new sub-ICB locations, STPs given new ICB codes): 16 of the ICS codes and 12 of the place codes of either
   * vintage, in every month before July and none after. Every other area kept its districts and its code.
   */
  @Test
  void theAreasWhoseMembersChangedWithThe2022VintageCountOtherAreasBeforeJuly2022() {
    Set<AreaMonth> reassigned = resolver.reassigned(FootprintBasis.rebasedTo(LocalDate.parse("2025-12-31")),
        YearMonth.of(2022, 5), YearMonth.of(2022, 8));
    Set<String> found = new TreeSet<>();
    reassigned.forEach(a -> found.add(a.level() + " " + a.code() + " " + a.month()));
    assertTrue(found.containsAll(List.of("ics E54000009 2022-06", "ics E54000060 2022-06", "ics E54000061 2022-06")),
        "South Yorkshire and Bassetlaw, and the two ICBs Bassetlaw moved between: " + found);
    for (YearMonth month : List.of(YearMonth.of(2022, 5), YearMonth.of(2022, 6))) {
      assertEquals(16, reassigned.stream().filter(a -> a.month().equals(month) && a.level().equals(AreaMonth.ICS))
          .count(), found::toString);
      assertEquals(12, reassigned.stream().filter(a -> a.month().equals(month) && a.level().equals(AreaMonth.PLACE))
          .count(), found::toString);
    }
    assertTrue(reassigned.stream().allMatch(a -> a.month().isBefore(YearMonth.of(2022, 7)) && a.code() != null),
        found::toString);
    assertEquals(Set.of(), resolver.reassigned(FootprintBasis.AT_EACH_DATE, YearMonth.of(2022, 5),
        YearMonth.of(2022, 8)));
    assertEquals(Set.of(), resolver.reassigned(FootprintBasis.rebasedTo(LocalDate.parse("2022-06-30")),
        YearMonth.of(2022, 5), YearMonth.of(2022, 6)), "re-based to June 2022, May and June are as in force");
  }
}
