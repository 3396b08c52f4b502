package uk.pophealth.geography;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.ingest.Ingestion;
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
 * The two real ONS lookup vintages given as the footprints input's {@code vintages} in a job.yaml, with the real
 * IMD 2019 File_1 as lsoa_deprivation (its LSOA -> district link), read by ingestion and resolved: Bassetlaw
 * (E07000171) is in South Yorkshire and Bassetlaw until 2022-06-30 and in Nottingham and Nottinghamshire from
 * 2022-07-01.
 */
class BassetlawIngestedVintagesTest {
  private static final String BASSETLAW = "E07000171";
  private static final StructType DAYS = new StructType().add("day", DataTypes.DateType);

  @Test
  void bassetlawMovesIcbOnTheFirstDayOfTheSecondVintage(@TempDir Path dir) throws Exception {
    Path lookup2021 = RefData.require("geography_lookups/lookup_lsoa11_ccg21_stp21_ltla21.csv");
    Path lookup2022 = RefData.require("geography_lookups/lookup_lsoa11_sicbl22_icb22_ltla22.csv");
    Path imd = RefData.require("imd2019_lsoa11/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, String.join("\n",
        "inputs:",
        "  lsoa_deprivation: {path: " + imd + ", layout: imd2019_file1}",
        "  footprints:",
        "    vintages:",
        "      - path: " + lookup2021,
        "        layout: ons_lsoa11_ccg21_stp21",
        "        valid_from: 2021-04-01",
        "        valid_to: 2022-06-30",
        "      - path: " + lookup2022,
        "        layout: ons_lsoa11_sicbl22_icb22",
        "        valid_from: 2022-07-01",
        "output: out",
        "person_id_mode: pseudonymised",
        "extract_date: 2025-12-31",
        ""));
    JobConfig config = JobConfigLoader.load(job);
    IngestResult ingest = Ingestion.ingest(SharedSpark.spark(), config, Map.of());
    try {
      // Each vintage gives one row per sub-ICB location (CCG) and one per district, all accepted.
      assertEquals(Map.of(lookup2021.toString(), organisations(lookup2021, "ccg21_code", "ltla21_code"),
          lookup2022.toString(), organisations(lookup2022, "sicbl22_code", "ltla22_code")),
          ingest.rowsInBySource(Footprints.NAME));
      assertEquals(0, ingest.counts(Footprints.NAME).rowsQuarantined());

      FootprintResolver resolver = FootprintResolver.build(SharedSpark.spark(), new GeographyInputs(
          Fixtures.frame(Practices.TABLE.schema(), List.of()), Fixtures.frame(PcnMembership.TABLE.schema(), List.of()),
          ingest.table(Footprints.NAME), ingest.table(LsoaDeprivation.NAME)));
      Dataset<Row> bassetlaw = ingest.table(LsoaDeprivation.NAME).filter(col(LsoaDeprivation.LAD_CODE).equalTo(BASSETLAW))
          .select(col(LsoaDeprivation.LSOA_CODE).as("lsoa"));
      long lsoas = bassetlaw.count();
      assertTrue(lsoas > 60, "Bassetlaw has about 70 LSOAs: " + lsoas);
      Dataset<Row> days = Fixtures.frame(DAYS, RowFactory.create(Fixtures.date("2022-06-30")),
          RowFactory.create(Fixtures.date("2022-07-01")));
      List<String> icsByDay = resolver.withLsoaFootprint(bassetlaw.crossJoin(days), "lsoa", "day",
              FootprintBasis.AT_EACH_DATE)
          .groupBy(col("day"), col(GeographyTables.ICS_CODE), col(GeographyTables.ICS_NAME)).count().orderBy("day")
          .collectAsList().stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " x" + r.get(3)).toList();
      assertEquals(List.of("2022-06-30 E54000009 South Yorkshire and Bassetlaw x" + lsoas,
          "2022-07-01 E54000060 NHS Nottingham and Nottinghamshire Integrated Care Board x" + lsoas), icsByDay);
    } finally {
      ingest.release();
    }
  }

  /** Distinct sub-ICB locations plus distinct districts of a lookup file, counted straight from the file. */
  private static long organisations(Path lookup, String subIcbColumn, String districtColumn) {
    Row distinct = RawCsv.read(lookup).agg(countDistinct(col(subIcbColumn)), countDistinct(col(districtColumn))).first();
    return distinct.getLong(0) + distinct.getLong(1);
  }
}
