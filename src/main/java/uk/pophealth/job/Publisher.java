package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.publication.ControlledCounts;
import uk.pophealth.publication.ProductTables;
import uk.pophealth.publication.Publishable;
import uk.pophealth.publication.PublishedTable;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.publish.WrittenTable;
import uk.pophealth.schema.OutputTable;

/**
 * The one road from a product's tables to the output folder. For each table, in order: disclosure control (with
 * the relations the product declares, and the counts another table published first: {@link CountsPublishedElsewhere})
 * -> the product's figures from the published counts -> write -> record in the manifest. Counts a product computes
 * further from ({@link ControlledCounts}) are controlled once, not written, and handed back to the product; the
 * tables it returns from them are written without a second control. Each table is one {@link Stage}.
 */
final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  private final SparkSession spark;
  private final Stage stage;
  private final TableWriter writer;
  private final DisclosureControl disclosure;
  private final RunManifest.Builder manifest;
  private final CountsPublishedElsewhere elsewhere;
  private final Map<String, WrittenTable> written = new HashMap<>();

  /** @param elsewhere the counts the run's tables share (its cells are kept until the caller releases it) */
  Publisher(Stage stage, TableWriter writer, DisclosureControl disclosure, RunManifest.Builder manifest,
      CountsPublishedElsewhere elsewhere) {
    this.stage = requireNonNull(stage, "stage is null");
    this.spark = stage.spark();
    this.writer = requireNonNull(writer, "writer is null");
    this.disclosure = requireNonNull(disclosure, "disclosure is null");
    this.manifest = requireNonNull(manifest, "manifest is null");
    this.elsewhere = requireNonNull(elsewhere, "elsewhere is null");
  }

  /** Publishes everything a product returned, in order, then releases what it cached. */
  void publish(ProductTables product) {
    product.warnings().forEach(manifest::warning);
    try {
      for (Publishable item : product.tables()) {
        if (item instanceof ControlledCounts counts) {
          publish(counts);
        } else {
          publish((PublishedTable) item);
        }
      }
    } finally {
      product.release();
    }
  }

  private void publish(ControlledCounts counts) {
    PublishedTable table = counts.counts();
    String name = table.table().name();
    // the control's working data stays persisted until everything computed from the controlled rows is written
    try (DisclosureControl.Disclosed controlled = stage.run(name + " control", () -> control(table))) {
      ProductTables then = stage.run(name + " fit", () -> counts.then().apply(controlled.data()));
      publish(then);
    }
  }

  private void publish(PublishedTable table) {
    OutputTable declared = table.table();
    stage.run(declared.name() + " publish", () -> {
      if (table.controlled()) {
        write(declared, table.fromPublished().apply(table.rows(), this::read));
        return;
      }
      try (DisclosureControl.Disclosed controlled = control(table)) {
        write(declared, table.fromPublished().apply(controlled.data(), this::read));
        elsewhere.keep(declared, controlled);
      }
    });
  }

  private DisclosureControl.Disclosed control(PublishedTable table) {
    return disclosure.apply(table.table(), table.rows(), table.additivities(), elsewhere.sameCounts(table.table()));
  }

  private void write(OutputTable table, Dataset<Row> rows) {
    WrittenTable out = writer.write(table, rows);
    written.put(table.name(), out);
    manifest.output(out);
    LOG.info("published {}: {} rows at {}", table.name(), out.rows(), out.location());
  }

  /** A table this run wrote, read back in its declared schema. */
  private Dataset<Row> read(OutputTable table) {
    WrittenTable out = written.get(table.name());
    if (out == null) {
      throw new IllegalStateException("Cannot read " + table.name() + ": this run has not written it yet");
    }
    return spark.read().schema(table.schema()).parquet(out.location());
  }
}
