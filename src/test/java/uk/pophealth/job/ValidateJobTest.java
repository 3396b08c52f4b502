package uk.pophealth.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.LsoaDistricts;
import uk.pophealth.testing.SharedSpark;

/**
 * validate writes the same data_quality as a run: the ingestion rows and the geography's gap and overlap findings.
 * The footprints place district E06000061 (North Northamptonshire) from 2021-04-01; the deprivation file (IMD 2019)
 * still names its LSOAs' former district E07000150 (Corby), which has no footprint.
 */
class ValidateJobTest {
  private static final String FOOTPRINTS =
      "org_type,org_code,place_code,place_name,ics_code,ics_name,effective_from,effective_to\n"
      + "lad,E06000061,P1,Place 1,I1,ICS 1,2021-04-01,\n"
      + "lad,E06000001,P2,Place 2,I2,ICS 2,2021-04-01,\n"
      + "lad,E06000001,P3,Place 3,I2,ICS 2,2022-07-01,\n";
  private static final String DEPRIVATION = "lsoa_code,lad_code,imd_rank,imd_decile\n"
      + "E01026985,E07000150,1,1\nE01026984,E07000150,2,1\nE01012000,E06000001,3,1\n";

  @Test
  void writesTheGeographyFindingsBesideTheIngestionRows(@TempDir Path dir) throws IOException {
    Result result = validate(dir, Map.of());
    assertEquals(List.of(
        "[footprints,footprint_gap,3,3,0,1 affected: lad E07000150 has no footprint]",
        "[footprints,footprint_overlap,3,3,0,1 affected: lad E06000001 2022-07-01..open]"), result.findings());
    // Each table's ingestion rows are there too: one row per rule checked, plus its all-rules row.
    assertEquals(2, result.tablesChecked());
    assertTrue(result.summary().contains("Reference-table findings (nothing quarantined):\n"
        + String.format("  %-20s %-28s %s%n", "footprints", "footprint_gap",
            "1 affected: lad E07000150 has no footprint")), result.summary());
  }

  /** The LSOA 2011 -> LAD 2021 lookup takes the place of the deprivation file's districts; it lacks E01026984. */
  @Test
  void withAnLsoaDistrictLookupTheDistrictsAreTheLookups(@TempDir Path dir) throws IOException {
    Path lookup = Files.writeString(dir.resolve("lookup_lsoa11_ltla21.csv"),
        "\"lsoa11_name\",\"lsoa11_code\",\"ltla21_name\",\"ltla21_code\"\n"
        + "\"Corby 004F\",\"E01026985\",\"North Northamptonshire\",\"E06000061\"\n"
        + "\"Hartlepool 007E\",\"E01012000\",\"Hartlepool\",\"E06000001\"\n"
        + "\"Isle of Anglesey 001A\",\"W01000001\",\"Isle of Anglesey\",\"W06000001\"\n");
    Result result = validate(dir,
        Map.of(LsoaDistricts.NAME, new InputSpec(lookup.toString(), "csv", "ons_lsoa_ltla")));
    assertEquals(List.of(
        "[footprints,footprint_overlap,3,3,0,1 affected: lad E06000001 2022-07-01..open]",
        "[lsoa_districts,footprint_gap,3,3,0,1 affected: lsoa E01026984 has no district]"), result.findings());
    assertEquals(3, result.tablesChecked());
  }

  private record Result(List<Row> written, String summary) {
    List<String> findings() {
      return written.stream().filter(r -> r.<String>getAs(DataQualityTable.RULE).startsWith("footprint_"))
          .map(Row::toString).sorted().toList();
    }

    /** Tables with ingestion rows: each has one all-rules row. */
    long tablesChecked() {
      return written.stream().filter(r -> r.getAs(DataQualityTable.RULE).equals(DataQualityTable.ALL_RULES)).count();
    }
  }

  private static Result validate(Path dir, Map<String, InputSpec> more) throws IOException {
    Path footprints = Files.writeString(dir.resolve("footprints.csv"), FOOTPRINTS);
    Path deprivation = Files.writeString(dir.resolve("deprivation.csv"), DEPRIVATION);
    Map<String, InputSpec> inputs = new HashMap<>(more);
    inputs.put(Footprints.NAME, new InputSpec(footprints.toString(), "csv", null));
    inputs.put(LsoaDeprivation.NAME, new InputSpec(deprivation.toString(), "csv", null));
    Path out = dir.resolve("out");
    JobConfig config = JobConfig.builder().inputs(inputs).output(out.toString())
        .personIdMode(PersonIdMode.PSEUDONYMISED).extractDate("2025-12-31").build();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ValidateJob.run(SharedSpark.spark(), config, Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));

    try (Stream<Path> entries = Files.list(out)) {
      assertEquals(List.of(DataQualityTable.NAME), entries.map(p -> p.getFileName().toString()).toList());
    }
    return new Result(SharedSpark.spark().read().parquet(out.resolve(DataQualityTable.NAME).toString()).collectAsList(),
        printed.toString(StandardCharsets.UTF_8));
  }
}
