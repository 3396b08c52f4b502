package uk.pophealth.publication;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything one product publishes in a run, in publication order, the frames it persisted to compute them
 * (released once they are all written), and what the run's manifest should warn of.
 *
 * @param tables   what to publish, in order
 * @param cached   frames the product persisted; {@link #release()} unpersists them
 * @param warnings for the run manifest, e.g. why the product published nothing
 */
public record ProductTables(List<Publishable> tables, List<Dataset<Row>> cached, List<String> warnings) {
  public ProductTables {
    tables = List.copyOf(tables);
    cached = List.copyOf(cached);
    warnings = List.copyOf(warnings);
  }

  public ProductTables(List<Publishable> tables, List<Dataset<Row>> cached) {
    this(tables, cached, List.of());
  }

  /** Nothing to publish, and why (the product was skipped for want of inputs or history). */
  public static ProductTables skipped(String warning) {
    return new ProductTables(List.of(), List.of(), List.of(warning));
  }

  /** Unpersists the cached frames. */
  public void release() {
    cached.forEach(Dataset::unpersist);
  }
}
