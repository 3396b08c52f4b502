package uk.pophealth.geography;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_GAP;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.ingest.Ingestion;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.LsoaDistricts;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.testing.CsvRows;
import uk.pophealth.testing.RefData;
import uk.pophealth.testing.SharedSpark;

/**
 * The real IMD 2019 File_1 names LAD 2019 districts; the real 2022 sub-ICB lookup's footprints name LAD 2022 ones.
 * Districts replaced in between (Buckinghamshire 2020, Northamptonshire 2021) are footprint gaps, and their LSOAs
 * reach no place or ICS, until the real ONS LSOA 2011 -> LAD 2021 lookup is given as lsoa_districts: then every
 * IMD LSOA is placed (its Welsh rows are not the job's LSOAs and are no finding).
 */
class RealDistrictLookupTest {
  private static final String CORBY_LSOA = "E01026985";
  private static Path imd;
  private static Path footprints;
  private static IngestResult ingest;

  @BeforeAll
  static void ingest(@TempDir Path dir) throws IOException {
    imd = RefData.require("imd2019_lsoa11/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
    footprints = RefData.require("geography_lookups/lookup_lsoa11_sicbl22_icb22_ltla22.csv");
    Path lookup = RefData.require("geography_lookups/lookup_lsoa11_ltla21.csv");
    Path job = Files.writeString(dir.resolve("job.yaml"), String.join("\n",
        "inputs:",
        "  lsoa_deprivation: {path: " + imd + ", layout: imd2019_file1}",
        "  footprints: {path: " + footprints + ", layout: ons_lsoa11_sicbl22_icb22, valid_from: 2022-07-01}",
        "  lsoa_districts: {path: " + lookup + ", layout: ons_lsoa_ltla}",
        "output: out",
        "person_id_mode: pseudonymised",
        "extract_date: 2025-12-31",
        ""));
    ingest = Ingestion.ingest(SharedSpark.spark(), JobConfigLoader.load(job), Map.of());
  }

  @AfterAll
  static void release() {
    if (ingest != null) {
      ingest.release();
    }
  }

  @Test
  void withoutTheLookupTheReplacedDistrictsAreGaps() throws IOException {
    FootprintResolver resolver = FootprintResolver.build(SharedSpark.spark(), inputs(Optional.empty()));
    // Truth from the files themselves: the IMD's districts that the 2022 lookup does not name.
    Set<String> replaced = new TreeSet<>(column(imd, "Local Authority District code (2019)"));
    replaced.removeAll(column(footprints, "ltla22_code"));
    assertEquals(11, replaced.size(), replaced.toString());
    List<FootprintFinding> findings = resolver.findings();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(Footprints.NAME, findings.get(0).tableName());
    assertEquals(FOOTPRINT_GAP, findings.get(0).rule());
    assertEquals(replaced.size(), findings.get(0).orgsAffected());
    assertEquals(List.of(), placed(resolver).filter(col(LsoaHierarchy.LSOA_CODE).equalTo(CORBY_LSOA)).collectAsList());
  }

  @Test
  void withTheLookupEveryImdLsoaIsPlacedOnTheFootprintsDistricts() throws IOException {
    FootprintResolver resolver = FootprintResolver.build(SharedSpark.spark(),
        inputs(Optional.of(ingest.table(LsoaDistricts.NAME))));
    assertEquals(List.of(), resolver.findings());
    Dataset<Row> placed = placed(resolver);
    assertEquals(column(imd, "LSOA code (2011)").size(), placed.count());
    String corbyIcb = CsvRows.columns(footprints, "lsoa11_code", "icb22_code").stream()
        .filter(row -> row[0].equals(CORBY_LSOA)).findFirst().orElseThrow()[1];
    Row corby = placed.filter(col(LsoaHierarchy.LSOA_CODE).equalTo(CORBY_LSOA)).first();
    assertEquals("E06000061 " + corbyIcb,
        corby.getAs(LsoaHierarchy.LAD_CODE) + " " + corby.getAs(GeographyTables.ICS_CODE));
  }

  private static GeographyInputs inputs(Optional<Dataset<Row>> lsoaDistricts) {
    return new GeographyInputs(Fixtures.frame(Practices.TABLE.schema(), List.of()),
        Fixtures.frame(PcnMembership.TABLE.schema(), List.of()), ingest.table(Footprints.NAME),
        ingest.table(LsoaDeprivation.NAME), lsoaDistricts);
  }

  /** The LSOAs that reach an ICS. */
  private static Dataset<Row> placed(FootprintResolver resolver) {
    return resolver.lsoaHierarchy().filter(col(GeographyTables.ICS_CODE).isNotNull());
  }

  private static List<String> column(Path file, String name) throws IOException {
    return CsvRows.columns(file, name).stream().map(row -> row[0]).toList();
  }
}
