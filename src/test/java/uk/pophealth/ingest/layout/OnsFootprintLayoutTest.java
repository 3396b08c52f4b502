package uk.pophealth.ingest.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.testing.RawCsv;
import uk.pophealth.testing.RefData;
import uk.pophealth.testing.SharedSpark;

class OnsFootprintLayoutTest {
  private static final LocalDate FROM = LocalDate.parse("2021-04-01");
  private static final LocalDate TO = LocalDate.parse("2022-06-30");

  /** The 2021 lookup's columns, as strings, with the reader's provenance columns. */
  private static Dataset<Row> raw(Row... rows) {
    StructType schema = new StructType();
    for (String column : List.of("lsoa11_name", "lsoa11_code", "ccg21_name", "ccg21_code", "stp21_name", "stp21_code",
        "ltla21_name", "ltla21_code", Layout.SOURCE_FILE)) {
      schema = schema.add(column, DataTypes.StringType);
    }
    schema = schema.add(Layout.LINE_NUMBER, DataTypes.LongType);
    return SharedSpark.spark().createDataFrame(Arrays.asList(rows), schema);
  }

  private static Row line(long number, String lsoa, String ccg, String stp, String lad) {
    return RowFactory.create(lsoa + " name", lsoa, "CCG " + ccg, ccg, "STP " + stp, stp, "LAD " + lad, lad,
        "lookup.csv", number);
  }

  private static List<String> rows(Dataset<Row> canonical) {
    return canonical.orderBy(Footprints.ORG_TYPE, Footprints.ORG_CODE).collectAsList().stream()
        .map(r -> String.join("|", r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getString(5), r.getString(6), String.valueOf(r.get(7)), r.getString(8), String.valueOf(r.get(9))))
        .toList();
  }

  @Test
  void aDistrictTakesThePlaceAndIcsOfTheSubIcbHoldingMostOfItsLsoas() {
    Dataset<Row> canonical = new OnsFootprintLayout(OnsLookupColumns.CCG21_STP21, FROM, TO).toCanonical(raw(
        line(2, "E1", "C1", "S1", "L1"), line(3, "E2", "C2", "S2", "L1"), line(4, "E3", "C2", "S2", "L1"),
        line(5, "E4", "C1", "S1", "L2"), line(6, "E5", "C3", "S2", "L3"), line(7, "E6", "C2", "S2", "L3")));
    assertEquals(List.of(
        "lad|L1|C2|CCG C2|S2|STP S2|2021-04-01|2022-06-30|lookup.csv|3",
        "lad|L2|C1|CCG C1|S1|STP S1|2021-04-01|2022-06-30|lookup.csv|5",
        "lad|L3|C2|CCG C2|S2|STP S2|2021-04-01|2022-06-30|lookup.csv|7",
        "sub_icb|C1|C1|CCG C1|S1|STP S1|2021-04-01|2022-06-30|lookup.csv|2",
        "sub_icb|C2|C2|CCG C2|S2|STP S2|2021-04-01|2022-06-30|lookup.csv|3",
        "sub_icb|C3|C3|CCG C3|S2|STP S2|2021-04-01|2022-06-30|lookup.csv|6"), rows(canonical));
    assertEquals(List.of(Footprints.TABLE.schema().fieldNames()).size() + 2, canonical.columns().length);
  }

  @Test
  void anOpenEndedVintageHasNoEffectiveTo() {
    Dataset<Row> canonical = new OnsFootprintLayout(OnsLookupColumns.CCG21_STP21, FROM, null)
        .toCanonical(raw(line(2, "E1", "C1", "S1", "L1")));
    assertEquals(List.of("lad|L1|C1|CCG C1|S1|STP S1|2021-04-01|null|lookup.csv|2",
        "sub_icb|C1|C1|CCG C1|S1|STP S1|2021-04-01|null|lookup.csv|2"), rows(canonical));
  }

  @Test
  void aFileWithoutTheVintagesColumnsIsRefusedNamingThem() {
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> new OnsFootprintLayout(OnsLookupColumns.SICBL22_ICB22, FROM, null).toCanonical(raw()));
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    assertEquals("Cannot read ONS lookup ons_lsoa11_sicbl22_icb22: required columns are missing "
        + "(sicbl22_code, sicbl22_name, icb22_code, icb22_name, ltla22_code)", error.getMessage());
    PopHealthException backwards = assertThrows(PopHealthException.class,
        () -> new OnsFootprintLayout(OnsLookupColumns.ICB24, TO, FROM));
    assertEquals("Cannot use ONS lookup ons_lsoa21_icb24: it ends before it starts (2022-06-30..2021-04-01)",
        backwards.getMessage());
  }

  @Test
  void thePublished2021LookupGivesEveryCcgAndDistrictOnce() {
    Path file = RefData.require("geography_lookups/lookup_lsoa11_ccg21_stp21_ltla21.csv");
    Dataset<Row> canonical = new OnsFootprintLayout(OnsLookupColumns.CCG21_STP21, FROM, TO)
        .toCanonical(RawCsv.read(file)).cache();
    // SOURCES.md: 106 CCGs; 309 districts in the English LSOAs of the lookup.
    assertEquals(106, canonical.filter(canonical.col(Footprints.ORG_TYPE).equalTo(Footprints.ORG_TYPE_SUB_ICB)).count());
    assertEquals(309, canonical.filter(canonical.col(Footprints.ORG_TYPE).equalTo(Footprints.ORG_TYPE_LAD)).count());
    Row bassetlaw = canonical.filter(canonical.col(Footprints.ORG_CODE).equalTo("E07000171")).first();
    assertEquals(List.of("E38000008", "NHS Bassetlaw CCG", "E54000009", "South Yorkshire and Bassetlaw"),
        List.of(bassetlaw.getString(2), bassetlaw.getString(3), bassetlaw.getString(4), bassetlaw.getString(5)));
    canonical.unpersist();
  }

  @Test
  void theLsoa21LookupHasNoDistrictsToGive() {
    Path file = RefData.require("geography_lookups/lookup_lsoa21_icb24.csv");
    OnsFootprintLayout layout = new OnsFootprintLayout(OnsLookupColumns.ICB24_NHS_CODES, FROM, null);
    Dataset<Row> canonical = layout.toCanonical(RawCsv.read(file));
    assertEquals(List.of(Footprints.ORG_TYPE_SUB_ICB), canonical.select(Footprints.ORG_TYPE).distinct()
        .collectAsList().stream().map(r -> r.getString(0)).toList());
    Row nottingham = canonical.filter(canonical.col(Footprints.ORG_CODE).equalTo("02Q")).first();
    assertEquals("QT1", nottingham.getString(4));
    PopHealthException error = assertThrows(PopHealthException.class, () -> layout.lsoaToDistrict(RawCsv.read(file)));
    assertEquals("Cannot map LSOAs to districts: lookup ons_lsoa21_icb24_nhs_codes has no district column (lsoa21_code)",
        error.getMessage());
  }
}
