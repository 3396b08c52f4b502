package uk.pophealth.publication;

import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Computes a table's derived figures again from its counts as published (suppressed counts null, the rest rounded),
 * and withholds what those would still disclose. A figure computed from exact counts, or from rows another table
 * publishes, can give a suppressed count back; so each product recomputes from what the control returns, and may
 * read the tables the run wrote before this one ({@link PublishedTables}).
 */
@FunctionalInterface
public interface FromPublished {
  /**
   * @param controlled the disclosure-controlled rows, in the table's declared schema
   * @param earlier    the tables this run has already written
   * @return the rows to write, in the declared schema
   */
  Dataset<Row> apply(Dataset<Row> controlled, PublishedTables earlier);

  /** The controlled rows as they are: a table whose figures are all counts. */
  static FromPublished identity() {
    return (controlled, earlier) -> controlled;
  }

  /** A recomputation from the table's own rows alone. */
  static FromPublished of(UnaryOperator<Dataset<Row>> recompute) {
    return (controlled, earlier) -> recompute.apply(controlled);
  }
}
