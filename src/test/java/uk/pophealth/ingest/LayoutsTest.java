package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.ingest.IngestFixture.csv;
import static uk.pophealth.ingest.IngestFixture.ingestOne;
import static uk.pophealth.ingest.IngestFixture.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.layout.Layouts;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.InputTables.SocialCareEvents;
import uk.pophealth.testing.RefData;

/** Official layouts read as published: hand-made files for every layout, and the real files where refdata has them. */
class LayoutsTest {
  private static final PersonIdMode PSEUDONYMISED = PersonIdMode.PSEUDONYMISED;

  @Test
  void imd2019File1WithBomAndQuotedThousands(@TempDir Path dir) {
    Path file = write(dir, "File_1.csv", "\uFEFFLSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
        + "Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank,"
        + "Index of Multiple Deprivation (IMD) Decile\r\n"
        + "E01000001,City of London 001A,E09000001,City of London,\"29,199\",9\r\n"
        + "E01000005,City of London 001E,E09000001,City of London,\"8,678\",3\r\n");
    IngestResult result = ingestOne(dir, LsoaDeprivation.NAME, csv(file, "imd2019_file1"), PSEUDONYMISED);
    List<Row> rows = result.table(LsoaDeprivation.NAME).orderBy(LsoaDeprivation.LSOA_CODE).collectAsList();
    assertEquals(List.of("[E01000001,E09000001,29199,9]", "[E01000005,E09000001,8678,3]"),
        rows.stream().map(Row::toString).toList());
  }

  @Test
  void imd2025Lsoa21WithDistricts(@TempDir Path dir) {
    Path file = write(dir, "imd2025.csv", "lsoa21_code,lsoa21_name,ltla24_code,ltla24_name,sicbl24_code,icb24_code,"
        + "icb24_name,IMD_score,IMD_rank,IMD_decile\n"
        + "E01000001,City of London 001A,E09000001,City of London,A3A8R,E54000029,NHS NEL ICB,8.742,26525,8\n");
    IngestResult result = ingestOne(dir, LsoaDeprivation.NAME, csv(file, "imd2025_lsoa21"), PSEUDONYMISED);
    assertEquals("[E01000001,E09000001,26525,8]", result.table(LsoaDeprivation.NAME).first().toString());
  }

  /** Why the bare IoD 2025 table is refused: lad_code is the geography's LSOA -> district link, not a breakdown. */
  private static final String USE_THE_JOINED_FILE = "; the bare IoD 2025 table (imd2025_england_lsoa21.csv) has no "
      + "district, and lsoa_deprivation needs one per LSOA to place it in its district, place and ICS: use the table "
      + "joined to the ONS LSOA 2021 to LAD 2024 lookup (lookup_lsoa21_ward24_ltla24.csv) with the district as "
      + "ltla24_code, as in imd2025_lsoa21_with_names_DERIVED.csv";

  @Test
  void imd2025BareTableStopsNamingTheMissingDistrictColumn(@TempDir Path dir) {
    Path file = write(dir, "imd2025_england_lsoa21.csv",
        "\"lsoa21_code\",\"IMD_decile\",\"IMD_rank\",\"IMD_score\"\n\"E01000001\",8,26525,8.742\n");
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> ingestOne(dir, LsoaDeprivation.NAME, csv(file, "imd2025_lsoa21"), PSEUDONYMISED));
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    assertEquals("Cannot read lsoa_deprivation: missing required column [ltla24_code]; expected [lsoa21_code, "
        + "ltla24_code, IMD_rank, IMD_decile], found [lsoa21_code, IMD_decile, IMD_rank, IMD_score]"
        + USE_THE_JOINED_FILE + " (" + file + ")", error.getMessage());
  }

  @Test
  void realImd2025BareTableIsRefusedSayingWhichFileToUse(@TempDir Path dir) {
    Path file = RefData.require("imd2025_lsoa21/imd2025_england_lsoa21.csv");
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> ingestOne(dir, LsoaDeprivation.NAME, csv(file, "imd2025_lsoa21"), PSEUDONYMISED));
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    assertTrue(error.getMessage().startsWith("Cannot read lsoa_deprivation: missing required column [ltla24_code]; "
        + "expected [lsoa21_code, ltla24_code, IMD_rank, IMD_decile], found [lsoa21_code, IMD_decile, "), error.getMessage());
    assertTrue(error.getMessage().endsWith(USE_THE_JOINED_FILE + " (" + file + ")"), error.getMessage());
  }

  @Test
  void imd2019MissingAColumnGetsNoIod2025Advice(@TempDir Path dir) {
    Path file = write(dir, "File_1.csv", "LSOA code (2011),Index of Multiple Deprivation (IMD) Rank,"
        + "Index of Multiple Deprivation (IMD) Decile\nE01000001,1,1\n");
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> ingestOne(dir, LsoaDeprivation.NAME, csv(file, "imd2019_file1"), PSEUDONYMISED));
    assertTrue(error.getMessage().endsWith("IMD) Decile] (" + file + ")"), error.getMessage());
  }

  @Test
  void epraccurKeepsOpenAndClosedGpPractices(@TempDir Path dir) {
    String active = "\"A81001\",\"THE DENSHAM SURGERY\",\"Y63\",\"QHM\",\"THE HEALTH CENTRE\",\"LAWSON STREET\","
        + "\"STOCKTON ON TEES\",\"CLEVELAND\",\"\",\"TS18 1HU\",\"19740401\",\"\",\"A\",\"B\",\"16C\",\"20200401\",\"\","
        + "\"01642 672351\",\"\",\"\",\"\",\"0\",\"\",\"16C\",\"\",\"4\",\"\"";
    String closed = "\"A81003\",\"VICTORIA MEDICAL PRACTICE\",\"Y54\",\"Q74\",\"THE HEALTH CENTRE\",\"VICTORIA ROAD\","
        + "\"HARTLEPOOL\",\"CLEVELAND\",\"\",\"TS26 8DB\",\"19740401\",\"20171031\",\"C\",\"B\",\"00K\",\"20130401\","
        + "\"20171031\",\"01429 272945\",\"\",\"\",\"\",\"0\",\"\",\"00K\",\"\",\"4\",\"\"";
    String dormant = active.replace("A81001", "A81009").replace("\"A\",\"B\"", "\"D\",\"B\"");
    String pharmacy = active.replace("A81001", "FA001").replace("\"4\",\"\"", "\"0\",\"\"");
    Path file = dir.resolve("epraccur.csv");
    try {
      // latin-1, as published: a name with é must come through intact.
      Files.write(file, String.join("\n", active.replace("DENSHAM", "D\u00c9NSHAM"), closed, dormant, pharmacy)
          .getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    IngestResult result = ingestOne(dir, Practices.NAME, csv(file, "epraccur"), PSEUDONYMISED);
    List<Row> rows = result.table(Practices.NAME).orderBy(Practices.PRACTICE_CODE).collectAsList();
    assertEquals(2, rows.size());
    assertEquals("A81001", rows.get(0).getString(0));
    assertEquals("THE D\u00c9NSHAM SURGERY", rows.get(0).getString(1));
    assertEquals("16C", rows.get(0).getString(2));
    assertEquals(Date.valueOf("1974-04-01"), rows.get(0).getDate(3));
    assertTrue(rows.get(0).isNullAt(4));
    assertEquals(Date.valueOf("2017-10-31"), rows.get(1).getDate(4));
    assertEquals(0, result.counts(Practices.NAME).rowsQuarantined());
  }

  @Test
  void epcnCorePartnerDetails(@TempDir Path dir) {
    Path file = write(dir, "epcn.csv", "Partner Organisation Code,Partner Name,PCN Code,PCN Name,"
        + "Practice to PCN Relationship Start Date,Practice to PCN Relationship End Date\n"
        + "A81001,THE DENSHAM SURGERY,U12345,STOCKTON PCN,01/07/2019,\n"
        + "A81002,QUEENS PARK MEDICAL CENTRE,U12345,STOCKTON PCN,2019-07-01,2022-03-31\n"
        + "A81002,QUEENS PARK MEDICAL CENTRE,U67890,\"TEES, NORTH PCN\",20220401,\n");
    IngestResult result = ingestOne(dir, PcnMembership.NAME, csv(file, "epcn_core_partner"), PSEUDONYMISED);
    List<String> rows = result.table(PcnMembership.NAME).orderBy(PcnMembership.PRACTICE_CODE, PcnMembership.EFFECTIVE_FROM)
        .collectAsList().stream().map(Row::toString).toList();
    assertEquals(List.of("[A81001,U12345,STOCKTON PCN,null,2019-07-01,null]",
        "[A81002,U12345,STOCKTON PCN,null,2019-07-01,2022-03-31]",
        "[A81002,U67890,TEES, NORTH PCN,null,2022-04-01,null]"), rows);
  }

  @Test
  void adultSocialCareClientLevelData(@TempDir Path dir) {
    Path file = write(dir, "cld.csv", "Der_NHS_Number_Traced_Pseudo,LA_Code,Event_Type,Event_Start_Date,"
        + "Event_End_Date,Request_Route_of_Access,Service_Type,Event_Outcome,GP_Practice_Code,Client_Type\n"
        + "PSEUDO0001,E08000016,Request,2023-04-03,2023-04-03,Community,,Assessment,A81001,Service User\n"
        + "PSEUDO0002,E08000016,Service,2023-05-01,,,Long Term Support: Nursing Care,,A81002,Service User\n"
        + "PSEUDO0003,E08000016,Enquiry,2023-05-01,,,,,A81002,Service User\n");
    IngestResult result = ingestOne(dir, SocialCareEvents.NAME, csv(file, "asc_cld"), PSEUDONYMISED);
    List<String> rows = result.table(SocialCareEvents.NAME).orderBy(SocialCareEvents.PERSON_ID).collectAsList()
        .stream().map(Row::toString).toList();
    assertEquals(List.of("[PSEUDO0001,E08000016,Request,2023-04-03,2023-04-03,Community,null,Assessment,null]",
        "[PSEUDO0002,E08000016,Service,2023-05-01,null,null,Long Term Support: Nursing Care,null,null]"), rows);
    assertEquals(1, result.counts(SocialCareEvents.NAME).quarantined("out_of_range_value"));
  }

  @Test
  void unknownLayoutAndLayoutForAnotherTableAreBadConfig() {
    PopHealthException unknown = assertThrows(PopHealthException.class,
        () -> Layouts.forInput(Practices.NAME, "epraccur_v9"));
    assertEquals(ErrorCategory.BAD_CONFIG, unknown.category());
    assertEquals("Cannot read practices: unknown layout; known layouts are canonical and [asc_cld, epcn_core_partner, "
        + "epraccur, imd2019_file1, imd2025_lsoa21, ons_lsoa_ltla], and the dated ONS lookups [ons_lsoa11_ccg21_stp21, "
        + "ons_lsoa11_sicbl22_icb22, ons_lsoa11_sicbl22_icb22_nhs_codes, ons_lsoa21_icb24, ons_lsoa21_icb24_nhs_codes] "
        + "(epraccur_v9)", unknown.getMessage());
    PopHealthException wrongTable = assertThrows(PopHealthException.class,
        () -> Layouts.forInput(Practices.NAME, "imd2019_file1"));
    assertEquals("Cannot read practices with layout imd2019_file1: that layout gives table lsoa_deprivation "
        + "(imd2019_file1)", wrongTable.getMessage());
  }

  @Test
  void realImd2019File1Gives32844LsoasWithDeciles1To10(@TempDir Path dir) {
    Path file = RefData.require("imd2019_lsoa11/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
    IngestResult result = ingestOne(dir, LsoaDeprivation.NAME, csv(file, "imd2019_file1"), PSEUDONYMISED);
    assertEquals(32_844, result.counts(LsoaDeprivation.NAME).rowsIn());
    assertEquals(0, result.counts(LsoaDeprivation.NAME).rowsQuarantined());
    Row stats = result.table(LsoaDeprivation.NAME).agg(countDistinct(col(LsoaDeprivation.LSOA_CODE)),
        min(LsoaDeprivation.IMD_DECILE), max(LsoaDeprivation.IMD_DECILE), min(LsoaDeprivation.IMD_RANK),
        max(LsoaDeprivation.IMD_RANK), countDistinct(col(LsoaDeprivation.IMD_DECILE))).first();
    assertEquals("[32844,1,10,1,32844,10]", stats.toString());
    // The City of London's first LSOA, as published: "29,199", decile 9.
    assertEquals("[E01000001,E09000001,29199,9]", result.table(LsoaDeprivation.NAME)
        .filter(col(LsoaDeprivation.LSOA_CODE).equalTo("E01000001")).first().toString());
  }

  @Test
  void realImd2025DerivedFileGives33755Lsoas(@TempDir Path dir) {
    Path file = RefData.require("imd2025_lsoa21/imd2025_lsoa21_with_names_DERIVED.csv");
    IngestResult result = ingestOne(dir, LsoaDeprivation.NAME, csv(file, "imd2025_lsoa21"), PSEUDONYMISED);
    assertEquals(33_755, result.counts(LsoaDeprivation.NAME).rowsAccepted());
    assertEquals(0, result.counts(LsoaDeprivation.NAME).rowsQuarantined());
  }

  @Test
  void realEpraccurGivesTheActiveGpPractices(@TempDir Path dir) throws IOException {
    Path file = RefData.require("gp_practices/epraccur.csv");
    long activeInFile = 0;
    long gpInFile = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      List<String> fields = CsvHeader.split(line);
      boolean gp = fields.get(25).equals("4");
      activeInFile += gp && fields.get(12).equals("A") ? 1 : 0;
      gpInFile += gp && (fields.get(12).equals("A") || fields.get(12).equals("C")) ? 1 : 0;
    }
    IngestResult result = ingestOne(dir, Practices.NAME, csv(file, "epraccur"), PSEUDONYMISED);
    Dataset<Row> practices = result.table(Practices.NAME);
    assertEquals(0, result.counts(Practices.NAME).rowsQuarantined());
    assertEquals(gpInFile, practices.count());
    assertEquals(activeInFile, practices.filter(col(Practices.EFFECTIVE_TO).isNull()).count());
    assertEquals(6_750, activeInFile);
    assertEquals(activeInFile, practices.filter(col(Practices.EFFECTIVE_TO).isNull())
        .select(Practices.PRACTICE_CODE).distinct().count());
  }
}
