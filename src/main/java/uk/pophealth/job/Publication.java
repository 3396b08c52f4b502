package uk.pophealth.job;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.publish.Additivity;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.SameCounts;
import uk.pophealth.schema.OutputTable;

/**
 * One table to publish: its rows, the relations its control protects, what of the controlled rows is written
 * ({@code published}), the counts another table published first ({@link SameCounts}), and a reader of the control
 * before it is released ({@code controlled}: a later table that publishes the same counts keeps what it needs).
 */
record Publication(OutputTable table, Dataset<Row> data, List<Additivity> additivities,
    UnaryOperator<Dataset<Row>> published, List<SameCounts> sameCounts,
    Consumer<DisclosureControl.Disclosed> controlled) {
  Publication(OutputTable table, Dataset<Row> data, List<Additivity> additivities,
      UnaryOperator<Dataset<Row>> published) {
    this(table, data, additivities, published, List.of(), disclosed -> { });
  }
}
