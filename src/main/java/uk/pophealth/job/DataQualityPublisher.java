package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.publish.WrittenTable;
import uk.pophealth.schema.DataQualityTable;

/**
 * Writes data_quality through the publish layer, like every output table: schema checked, staged, swapped in
 * atomically (a killed run leaves the previous table readable) and, in a run, recorded in the manifest. Its rows
 * hold counts per input table and rule, not people, so no disclosure control applies.
 */
final class DataQualityPublisher implements Consumer<Dataset<Row>> {
  private final TableWriter writer;
  private final RunManifest.Builder manifest;

  /** @param manifest the run's manifest, or null when the job writes none (validate) */
  DataQualityPublisher(TableWriter writer, RunManifest.Builder manifest) {
    this.writer = requireNonNull(writer, "writer is null");
    this.manifest = manifest;
  }

  @Override
  public void accept(Dataset<Row> rows) {
    WrittenTable written = writer.write(DataQualityTable.TABLE, rows);
    if (manifest != null) {
      manifest.output(written);
    }
  }
}
