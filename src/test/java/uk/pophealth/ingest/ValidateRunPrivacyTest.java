package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.map_values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.ingest.IngestFixture.badNhs;
import static uk.pophealth.ingest.IngestFixture.nhs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.testing.LogCapture;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.QuarantineTable;
import uk.pophealth.testing.SharedSpark;

/** A validate run writes data_quality and quarantine only, and no raw NHS number reaches any output or log line. */
class ValidateRunPrivacyTest {
  @Test
  void noRawNhsNumberInAnyOutputFileOrLogLine(@TempDir Path dir) throws IOException {
    List<String> numbers = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      numbers.add(nhs(i));
    }
    numbers.add(badNhs(7));
    String patients = "person_id,practice_code,year_of_birth,sex,lsoa_code,registration_start,registration_end,"
        + "date_of_death\n"
        + nhs(1) + ",A81001,1940,F,E01000001,2000-01-01,,\n"
        + nhs(2) + ",A81001,1940,F,E01000001,2000-01-01,,\n"
        + nhs(2) + ",A81001,1940,F,E01000001,2000-01-01,,\n"                    // duplicate: quarantined, masked
        + badNhs(7) + ",A81001,1940,F,E01000001,2000-01-01,,\n"                 // invalid: quarantined, masked
        + nhs(3).substring(0, 3) + " " + nhs(3).substring(3) + ",A81001,1850,F,E01000001,2000-01-01,,\n"
        + nhs(4) + ",\"A81001,1940,F,E01000001,2000-01-01,,\n"                  // malformed: masked before mapping
        + nhs(5) + ",A81001,1940,F,E01000001,2000-01-01,,\n";
    String events = "person_id,practice_code,event_date,snomed_code\n"
        + nhs(1) + ",A81001,2010-01-01,52448006\n"
        + nhs(1) + ",A81001,1930-01-01,52448006\n"                              // before birth
        + nhs(6) + ",A81001,2010-01-01,5244\n"                                  // code format
        + nhs(2) + ",A81001,2010";                                              // truncated
    JobConfig config = IngestFixture.config(dir, Map.of(
        GpPatients.NAME, IngestFixture.csv(IngestFixture.write(dir, "in/patients.csv", patients)),
        GpEvents.NAME, IngestFixture.csv(IngestFixture.write(dir, "in/events.csv", events))),
        PersonIdMode.NHS_NUMBER, 1.0);
    IngestFixture.Validated validated = IngestFixture.validate(config);
    List<String> logLines = validated.logLines();
    String summary = validated.printed();

    // The run did what validate does: data_quality under the output, quarantine beside it, nothing else.
    Path out = dir.resolve("out");
    try (Stream<Path> entries = Files.list(out)) {
      assertEquals(List.of(DataQualityTable.NAME), entries.map(p -> p.getFileName().toString()).toList());
    }
    List<Row> quarantine = SharedSpark.spark().read().parquet(
        Quarantine.location(config.quarantineLocation(), GpPatients.NAME),
        Quarantine.location(config.quarantineLocation(), GpEvents.NAME)).collectAsList();
    assertEquals(7, quarantine.size());
    assertTrue(summary.contains("gp_patients"), summary);
    assertFalse(logLines.isEmpty());

    // Quarantined person identifiers are masked: all but the last three characters.
    List<String> maskedIds = SharedSpark.spark().read().parquet(config.quarantineLocation() + "/*")
        .select(col(QuarantineTable.RAW_VALUES).getItem(GpPatients.PERSON_ID)).collectAsList().stream()
        .map(row -> row.getString(0)).toList();
    for (String masked : maskedIds) {
      assertTrue(masked.matches("^\\*{7,}[0-9]{3}$"), masked);
    }

    List<String> texts = new ArrayList<>(logLines);
    texts.add(summary);
    SharedSpark.spark().read().parquet(config.quarantineLocation() + "/*")
        .select(explode(map_values(col(QuarantineTable.RAW_VALUES)))).collectAsList()
        .forEach(row -> texts.add(String.valueOf(row.get(0))));
    SharedSpark.spark().read().parquet(out.resolve(DataQualityTable.NAME).toString()).collectAsList()
        .forEach(row -> texts.add(row.toString()));
    for (Path file : files(out, dir.resolve("quarantine"))) {
      texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }
    for (String number : numbers) {
      String spaced = number.substring(0, 3) + " " + number.substring(3);
      for (String text : texts) {
        assertFalse(text.contains(number) || text.contains(spaced), "raw NHS number " + number + " in: " + text);
      }
    }
    for (String text : texts) {
      assertFalse(text.contains(IngestFixture.KEY), "the key leaked: " + text);
    }
  }

  private static List<Path> files(Path... roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    return files;
  }
}
