package uk.pophealth.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.pophealth.ingest.IngestFixture.csv;
import static uk.pophealth.ingest.IngestFixture.write;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.QuarantineTable;
import uk.pophealth.testing.SharedSpark;

/**
 * The footprints input as two dated vintages of the ONS lookup, each read with its own layout and stamped with its
 * own dates, then ruled on together: counts and quarantine add up per file.
 */
class FootprintVintagesTest {
  /** CCG/STP 2021 columns; line 4 has an unclosed quote (malformed); line 5 has no STP name (missing field). */
  private static final String LOOKUP_2021 =
      "lsoa11_name,lsoa11_code,ccg21_name,ccg21_code,stp21_name,stp21_code,ltla21_name,ltla21_code\n"
      + "Bassetlaw 001A,E01000001,NHS Bassetlaw CCG,E38000008,South Yorkshire and Bassetlaw,E54000009,Bassetlaw,"
      + "E07000171\n"
      + "Bassetlaw 001B,E01000002,NHS Bassetlaw CCG,E38000008,South Yorkshire and Bassetlaw,E54000009,Bassetlaw,"
      + "E07000171\n"
      + "\"Broken 001A,E01000003,NHS Bassetlaw CCG,E38000008,South Yorkshire and Bassetlaw,E54000009,Bassetlaw,"
      + "E07000171\n"
      + "Nowhere 001A,E01000004,NHS Nowhere CCG,E38000999,,E54000099,Nowhere,E07000999\n";
  private static final String LOOKUP_2022 =
      "lsoa11_code,sicbl22_code,sicbl22_name,icb22_code,icb22_name,ltla22_code\n"
      + "E01000001,E38000243,NHS Nottingham and Nottinghamshire ICB - 02Q,E54000060,NHS Nottingham ICB,E07000171\n"
      + "E01000002,E38000243,NHS Nottingham and Nottinghamshire ICB - 02Q,E54000060,NHS Nottingham ICB,E07000171\n";

  private static JobConfig config(Path dir, InputSpec footprints) {
    return IngestFixture.config(dir, Map.of(Footprints.NAME, footprints), PersonIdMode.PSEUDONYMISED, 1.0);
  }

  @Test
  void eachVintageIsReadWithItsLayoutStampedWithItsDatesAndCountedPerFile(@TempDir Path dir) {
    Path file2021 = write(dir, "ccg21.csv", LOOKUP_2021);
    Path file2022 = write(dir, "sicbl22.csv", LOOKUP_2022);
    JobConfig config = config(dir, InputSpec.ofVintages(List.of(
        InputSpec.vintage(file2022.toString(), "ons_lsoa11_sicbl22_icb22", "2022-07-01", null),
        InputSpec.vintage(file2021.toString(), "ons_lsoa11_ccg21_stp21", "2021-04-01", "2022-06-30"))));
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);

    List<String> accepted = result.table(Footprints.NAME)
        .orderBy(Footprints.ORG_TYPE, Footprints.EFFECTIVE_FROM).collectAsList().stream().map(Row::toString).toList();
    assertEquals(List.of(
        "[lad,E07000171,E38000008,NHS Bassetlaw CCG,E54000009,South Yorkshire and Bassetlaw,2021-04-01,2022-06-30]",
        "[lad,E07000171,E38000243,NHS Nottingham and Nottinghamshire ICB - 02Q,E54000060,NHS Nottingham ICB,"
            + "2022-07-01,null]",
        "[sub_icb,E38000008,E38000008,NHS Bassetlaw CCG,E54000009,South Yorkshire and Bassetlaw,2021-04-01,2022-06-30]",
        "[sub_icb,E38000243,E38000243,NHS Nottingham and Nottinghamshire ICB - 02Q,E54000060,NHS Nottingham ICB,"
            + "2022-07-01,null]"), accepted);

    // 2021: 1 malformed line + 4 organisation rows (2 without an ICS name); 2022: 2 organisation rows.
    TableCounts counts = result.counts(Footprints.NAME);
    assertEquals(7, counts.rowsIn());
    assertEquals(4, counts.rowsAccepted());
    assertEquals(Map.of("malformed_row", 1L, "missing_required_field", 2L), counts.quarantinedByRule());
    Map<String, Long> bySource = new LinkedHashMap<>();
    bySource.put(file2021.toString(), 5L);
    bySource.put(file2022.toString(), 2L);
    assertEquals(bySource, result.rowsInBySource(Footprints.NAME));

    List<String> quarantined = SharedSpark.spark().read()
        .parquet(Quarantine.location(config.quarantineLocation(), Footprints.NAME))
        .orderBy(QuarantineTable.RULE, QuarantineTable.LINE_NUMBER).collectAsList().stream()
        .map(r -> r.<String>getAs(QuarantineTable.RULE) + "@" + Path.of(r.<String>getAs(QuarantineTable.SOURCE_FILE))
            .getFileName() + ":" + r.<Long>getAs(QuarantineTable.LINE_NUMBER)).toList();
    assertEquals(List.of("malformed_row@ccg21.csv:4", "missing_required_field@ccg21.csv:5",
        "missing_required_field@ccg21.csv:5"), quarantined);
    DataQualityRow missing = result.dataQuality().stream()
        .filter(r -> r.rule().equals("missing_required_field")).findFirst().orElseThrow();
    assertEquals(new DataQualityRow(Footprints.NAME, "missing_required_field", 7, 4, 2, "ccg21.csv:5, ccg21.csv:5"),
        missing);
    DataQualityRow all = result.dataQuality().stream()
        .filter(r -> r.rule().equals(DataQualityTable.ALL_RULES)).findFirst().orElseThrow();
    assertEquals(3, all.rowsQuarantined());
    result.release();
  }

  @Test
  void aVintageWithAnUnknownLayoutIsRefusedBeforeAnyFileIsRead(@TempDir Path dir) {
    JobConfig config = IngestFixture.config(dir, Map.of(
        Practices.NAME, csv(dir.resolve("no-such-practices.csv")),
        Footprints.NAME, InputSpec.ofVintages(List.of(
            InputSpec.vintage(dir.resolve("a.csv").toString(), "ons_lsoa11_ccg99", "2021-04-01", null)))),
        PersonIdMode.PSEUDONYMISED, null);
    PopHealthException e = assertThrows(PopHealthException.class,
        () -> Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertEquals("Cannot read footprints: unknown layout; known layouts are canonical and [asc_cld, epcn_core_partner, "
        + "epraccur, imd2019_file1, imd2025_lsoa21, ons_lsoa_ltla], and the dated ONS lookups [ons_lsoa11_ccg21_stp21, "
        + "ons_lsoa11_sicbl22_icb22, ons_lsoa11_sicbl22_icb22_nhs_codes, ons_lsoa21_icb24, "
        + "ons_lsoa21_icb24_nhs_codes] (ons_lsoa11_ccg99)", e.getMessage());
  }

  @Test
  void anOnsLookupNeedsItsDatesAndAnUndatedLayoutRefusesThem(@TempDir Path dir) {
    String lookup = dir.resolve("ccg21.csv").toString();
    PopHealthException undated = assertThrows(PopHealthException.class, () -> Ingestion.ingest(SharedSpark.spark(),
        config(dir, new InputSpec(lookup, "csv", "ons_lsoa11_ccg21_stp21")), IngestFixture.ENV));
    assertEquals(ErrorCategory.BAD_CONFIG, undated.category());
    assertEquals("Cannot read footprints with layout ons_lsoa11_ccg21_stp21: an ONS lookup is one vintage of the "
        + "footprints; give it a valid_from (and a valid_to unless current), e.g. as one of the input's vintages ("
        + lookup + ")", undated.getMessage());
    PopHealthException dated = assertThrows(PopHealthException.class, () -> Ingestion.ingest(SharedSpark.spark(),
        config(dir, InputSpec.vintage(lookup, null, "2021-04-01", null)), IngestFixture.ENV));
    assertEquals("Cannot read footprints with layout canonical: only the dated ONS lookup layouts "
        + "[ons_lsoa11_ccg21_stp21, ons_lsoa11_sicbl22_icb22, ons_lsoa11_sicbl22_icb22_nhs_codes, ons_lsoa21_icb24, "
        + "ons_lsoa21_icb24_nhs_codes] take valid_from and valid_to; this layout's rows carry their own dates ("
        + lookup + ")", dated.getMessage());
  }
}
