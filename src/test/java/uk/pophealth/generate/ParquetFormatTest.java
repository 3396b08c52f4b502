package uk.pophealth.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.TableSchema;
import uk.pophealth.testing.SharedSpark;

/** --format parquet writes every table with the canonical columns, the counts of truth.json, and a parquet job.yaml. */
class ParquetFormatTest {
  @TempDir
  Path out;

  @Test
  void writesEveryTableAsParquet() {
    GenerateJob.run(SharedSpark.spark(), GeneratorOptions.fromCommandLine(new GeneratorOptions.CommandLine(
        out.toString(), 800, 5, 0.01, "synthetic", null, "parquet", 24, 2, 2)));
    GeneratedData data = new GeneratedData(out);
    for (TableSchema table : InputTables.ALL) {
      Dataset<Row> rows = SharedSpark.spark().read().parquet(out.resolve(table.name()).toString());
      assertEquals(table.columnNames(), java.util.List.of(rows.columns()), table.name());
      assertEquals(data.truth().at("/row_counts/" + table.name() + "/total").asLong(), rows.count(), table.name());
      assertEquals("parquet", JobConfigLoader.load(out.resolve("job.yaml")).input(table.name()).format());
    }
    assertEquals("2024-01", JobConfigLoader.load(out.resolve("job.yaml")).periodFrom());
    assertEquals(2, data.truth().at("/footprint_change/moved").size());
    assertEquals("E54Z00002", data.truth().at("/footprint_change/moved/0/from_ics_code").asText());
  }
}
