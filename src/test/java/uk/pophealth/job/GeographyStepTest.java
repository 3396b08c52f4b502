package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.ingest.Ingestion;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.testing.SharedSpark;

/**
 * The geography stage writes the run's one data_quality table: the ingestion rows and, as rows that quarantine
 * nothing, the gaps and overlaps of a small footprint table planted with one of each.
 */
class GeographyStepTest {
  /** District L1 has no footprint in Jan-Feb 2021 (gap); L2 has two open footprints from mid-2020 (overlap). */
  private static final String FOOTPRINTS =
      "org_type,org_code,place_code,place_name,ics_code,ics_name,effective_from,effective_to\n"
      + "lad,L1,P1,Place 1,I1,ICS 1,2020-01-01,2020-12-31\n"
      + "lad,L1,P1,Place 1,I1,ICS 1,2021-03-01,\n"
      + "lad,L2,P2,Place 2,I1,ICS 1,2020-01-01,\n"
      + "lad,L2,P3,Place 3,I1,ICS 1,2020-06-01,\n";
  private static final String LSOAS = "lsoa_code,lad_code,imd_rank,imd_decile\nE01000001,L1,1,1\nE01000002,L2,2,1\n";

  @Test
  void gapsAndOverlapsAreWrittenToDataQualityWithTheIngestionRows(@TempDir Path dir) throws IOException {
    Path footprints = Files.writeString(dir.resolve("footprints.csv"), FOOTPRINTS);
    Path lsoas = Files.writeString(dir.resolve("lsoas.csv"), LSOAS);
    Path out = dir.resolve("out");
    JobConfig config = JobConfig.builder().inputs(Map.of(
            Footprints.NAME, new InputSpec(footprints.toString(), "csv", null),
            LsoaDeprivation.NAME, new InputSpec(lsoas.toString(), "csv", null)))
        .output(out.toString()).personIdMode(PersonIdMode.PSEUDONYMISED).extractDate("2025-12-31").build();
    IngestResult ingest = Ingestion.ingest(SharedSpark.spark(), config, Map.of());
    RunManifest.Builder manifest = RunManifest.builder("r1", "dev", Instant.EPOCH);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    FootprintResolver geography = GeographyStep.run(SharedSpark.spark(), ingest,
        new DataQualityPublisher(new TableWriter(SharedSpark.spark(), out.toString()), manifest),
        new PrintStream(printed, true, StandardCharsets.UTF_8), manifest);

    assertEquals(2, geography.findings().size());
    List<Row> written = SharedSpark.spark().read().parquet(out.resolve(DataQualityTable.NAME).toString()).collectAsList();
    List<String> findings = written.stream()
        .filter(r -> r.<String>getAs(DataQualityTable.RULE).startsWith("footprint_")).map(Row::toString).sorted().toList();
    assertEquals(List.of("[footprints,footprint_gap,4,4,0,1 affected: lad L1 2021-01-01..2021-02-28]",
        "[footprints,footprint_overlap,4,4,0,1 affected: lad L2 2020-06-01..open]"), findings);
    // Every ingestion row is there too, once; nothing else.
    assertEquals(ingest.dataQuality().size() + 2, written.size());
    assertEquals(2, SharedSpark.spark().read().parquet(out.resolve(DataQualityTable.NAME).toString())
        .filter(col(DataQualityTable.RULE).equalTo(DataQualityTable.ALL_RULES)).count());
    try (Stream<Path> entries = Files.list(out)) {
      assertEquals(List.of(DataQualityTable.NAME), entries.map(p -> p.getFileName().toString()).toList());
    }
    String summary = printed.toString(StandardCharsets.UTF_8);
    assertTrue(summary.contains("Reference-table findings (nothing quarantined):\n"
        + String.format("  %-20s %-28s %s%n", "footprints", "footprint_gap", "1 affected: lad L1 2021-01-01..2021-02-28")),
        summary);
    assertEquals(List.of("footprint_gap in footprints: 1 (lad L1 2021-01-01..2021-02-28)",
        "footprint_overlap in footprints: 1 (lad L2 2020-06-01..open)"), manifest.succeeded(Instant.EPOCH).warnings());
    ingest.release();
  }
}
