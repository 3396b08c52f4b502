package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.LsoaDistricts;
import uk.pophealth.testing.CsvRows;
import uk.pophealth.testing.RefData;
import uk.pophealth.testing.SharedSpark;

/**
 * The ONS LSOA -> district lookups read as published into the optional lsoa_districts input with layout
 * ons_lsoa_ltla: the three real files of refdata (their code columns named after their vintage), and a hand-made
 * file in the ONS Open Geography Portal's naming with one bad row of each kind.
 */
class LsoaDistrictsIngestTest {
  private static final String LAYOUT = "ons_lsoa_ltla";
  private static final PersonIdMode PSEUDONYMISED = PersonIdMode.PSEUDONYMISED;
  private static final String BASSETLAW = "E07000171";

  /** Corby's LSOA E01026985 was in Corby (E07000150) until North Northamptonshire (E06000061) replaced it in 2021. */
  @ParameterizedTest
  @CsvSource({
      "lookup_lsoa11_ltla19.csv, lsoa11_code, ltla19_code, E07000150",
      "lookup_lsoa11_ltla21.csv, lsoa11_code, ltla21_code, E06000061",
      "lookup_lsoa21_ward24_ltla24.csv, lsoa21_code, ltla24_code, E06000061"})
  void realLookupReadsAsPublishedWithEveryRowAccepted(String name, String lsoaColumn, String districtColumn,
      String corby, @TempDir Path dir) throws IOException {
    Path file = RefData.require("geography_lookups/" + name);
    long dataLines;
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      dataLines = lines.count() - 1;
    }
    List<String[]> pairs = CsvRows.columns(file, lsoaColumn, districtColumn);
    List<String> bassetlaw = pairs.stream().filter(p -> p[1].equals(BASSETLAW)).map(p -> p[0]).sorted().toList();

    IngestResult result = ingestOne(dir, LsoaDistricts.NAME, csv(file, LAYOUT), PSEUDONYMISED);
    try {
      TableCounts counts = result.counts(LsoaDistricts.NAME);
      assertEquals(dataLines, counts.rowsIn());
      assertEquals(dataLines, counts.rowsAccepted());
      assertEquals(0, counts.rowsQuarantined());
      Dataset<Row> table = result.table(LsoaDistricts.NAME);
      assertEquals(List.of(LsoaDistricts.LSOA_CODE, LsoaDistricts.LAD_CODE), List.of(table.columns()));
      assertEquals(dataLines, table.select(LsoaDistricts.LSOA_CODE).distinct().count());

      assertTrue(bassetlaw.size() >= 69, "Bassetlaw has about 70 LSOAs: " + bassetlaw.size());
      assertEquals(bassetlaw, lsoasOf(table, BASSETLAW));
      assertEquals("E06000001", districtOf(table, "E01012000"));
      assertEquals(corby, districtOf(table, "E01026985"));
    } finally {
      result.release();
    }
  }

  /**
   * The ONS Open Geography Portal's column names (LSOA11CD, LAD19CD), a byte-order mark and CRLF; every bad row is
   * quarantined under its rule and line, and rows in = accepted + quarantined.
   */
  @Test
  void portalNamingReadsAndBadRowsAreQuarantinedByRule(@TempDir Path dir) {
    Path file = write(dir, "LSOA11_LAD19_EW_LU.csv", "\uFEFFFID,LSOA11CD,LSOA11NM,LAD19CD,LAD19NM\r\n"
        + "1,E01012000,Hartlepool 007E,E06000001,Hartlepool\r\n"              // line 2: accepted
        + "2,E01026985,Corby 004F,E07000150,Corby\r\n"                        // line 3: accepted
        + "3,E01012001,Hartlepool 007F,,Hartlepool\r\n"                       // line 4: no district
        + "4,E01012002,Hartlepool 008A,Hartlepool,E06000001\r\n"              // line 5: name in the code column
        + "5,E01012000,Hartlepool 007E,E06000001,Hartlepool\r\n"              // line 6: repeats line 2's codes
        + "6,E01012003,\"Hartlepool 008B,E06000001,Hartlepool\r\n"           // line 7: unclosed quote
        + "7,W01000001,Isle of Anglesey 001A,W06000001,Isle of Anglesey\r\n"); // line 8: accepted
    JobConfig config = IngestFixture.config(dir, Map.of(LsoaDistricts.NAME, csv(file, LAYOUT)), PSEUDONYMISED, 1.0);
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
    try {
      assertEquals(List.of("missing_required_field@4", "unknown_code_format@5", "duplicate_row@6", "malformed_row@7"),
          IngestFixture.quarantined(config, LsoaDistricts.NAME));
      TableCounts counts = result.counts(LsoaDistricts.NAME);
      assertEquals(7, counts.rowsIn());
      assertEquals(3, counts.rowsAccepted());
      assertEquals(4, counts.rowsQuarantined());
      assertEquals(List.of("[E01012000,E06000001]", "[E01026985,E07000150]", "[W01000001,W06000001]"),
          result.table(LsoaDistricts.NAME).orderBy(LsoaDistricts.LSOA_CODE).collectAsList().stream()
              .map(Row::toString).toList());
    } finally {
      result.release();
    }
  }

  /**
   * A file without a district column (the LSOA -> ICB 2024 lookup) is refused, and so is one with two LSOA columns
   * (the LSOA 2011 -> 2021 lookup): which vintage is meant cannot be guessed.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "lsoa11_code,change_code,lsoa21_code,ltla22_code | an LSOA code column, e.g. lsoa21_code or LSOA21CD: expected "
          + "exactly one, found [lsoa11_code, lsoa21_code] ([lsoa11_code, change_code, lsoa21_code, ltla22_code])",
      "lsoa21_code,sicbl24_code,icb24_code,utla24_code | a district code column, e.g. ltla24_code or LAD24CD: "
          + "expected exactly one, found none ([lsoa21_code, sicbl24_code, icb24_code, utla24_code])"})
  void fileWithoutExactlyOneColumnOfEachKindIsRefusedNamingWhatItHas(String header, String problem,
      @TempDir Path dir) {
    Path file = write(dir, "lookup.csv", header + "\nE01000001,E01000001,E54000029,E09000001\n");
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> ingestOne(dir, LsoaDistricts.NAME, csv(file, LAYOUT), PSEUDONYMISED));
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    assertEquals("Cannot read lsoa_districts with layout ons_lsoa_ltla: Cannot find " + problem + " (" + file + ")",
        error.getMessage());
  }

  private static List<String> lsoasOf(Dataset<Row> table, String district) {
    return table.filter(col(LsoaDistricts.LAD_CODE).equalTo(district)).select(LsoaDistricts.LSOA_CODE)
        .orderBy(LsoaDistricts.LSOA_CODE).as(Encoders.STRING()).collectAsList();
  }

  private static String districtOf(Dataset<Row> table, String lsoa) {
    List<String> districts = table.filter(col(LsoaDistricts.LSOA_CODE).equalTo(lsoa)).select(LsoaDistricts.LAD_CODE)
        .as(Encoders.STRING()).collectAsList();
    assertEquals(1, districts.size(), lsoa + " " + districts);
    return districts.get(0);
  }
}
