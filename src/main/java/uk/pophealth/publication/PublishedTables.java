package uk.pophealth.publication;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTable;

/** The tables a run has written so far, as written (its declared schema); for {@link FromPublished}. */
@FunctionalInterface
public interface PublishedTables {
  /** The table as this run wrote it; fails if the run has not written it yet. */
  Dataset<Row> read(OutputTable table);
}
