package uk.pophealth.publication;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTable;

/**
 * One table a product publishes, as the product hands it to the run: the declaration, the rows with exact counts,
 * the additive relations a reader could difference (for complementary suppression), and how the figures derived
 * from the counts are computed again from the counts as published. The run controls the rows, applies
 * {@code fromPublished} to what the control returns, and writes the result; nothing else decides what is written.
 *
 * @param table        the declared output table ({@code OutputTables})
 * @param rows         the rows, in the declared schema, counts exact
 * @param additivities the relations between the table's counts that complementary suppression protects
 * @param fromPublished the derived figures from the published counts ({@link FromPublished#identity()} where none)
 * @param controlled   whether the rows' counts were controlled already, as the {@link ControlledCounts} they were
 *                     computed from: the run then writes them through {@code fromPublished} without a second pass
 */
public record PublishedTable(OutputTable table, Dataset<Row> rows, List<Additivity> additivities,
    FromPublished fromPublished, boolean controlled) implements Publishable {
  public PublishedTable {
    requireNonNull(table, "table is null");
    requireNonNull(rows, "rows is null");
    additivities = List.copyOf(additivities);
    requireNonNull(fromPublished, "fromPublished is null");
  }

  /** A table to control and publish. */
  public static PublishedTable of(OutputTable table, Dataset<Row> rows, List<Additivity> additivities,
      FromPublished fromPublished) {
    return new PublishedTable(table, rows, additivities, fromPublished, false);
  }

  /** A table whose counts are those of a {@link ControlledCounts} already controlled in this run. */
  public static PublishedTable alreadyControlled(OutputTable table, Dataset<Row> rows, FromPublished fromPublished) {
    return new PublishedTable(table, rows, List.of(), fromPublished, true);
  }
}
