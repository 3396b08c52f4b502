package uk.pophealth.publication;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Counts a product computes further from, and so needs controlled before it goes on: demand_forecast's actuals, on
 * which the models are fitted as they will be published. The run controls {@code counts} once (they are not written
 * as such) and hands the controlled rows to {@code then}, which returns the tables to publish; a table built from
 * those rows is {@link PublishedTable#alreadyControlled} and not controlled again.
 *
 * @param counts the rows to control, with the table's declaration and relations ({@code fromPublished} unused)
 * @param then   the product's tables computed from the controlled rows
 */
public record ControlledCounts(PublishedTable counts, Function<Dataset<Row>, ProductTables> then)
    implements Publishable {
  public ControlledCounts {
    requireNonNull(counts, "counts is null");
    requireNonNull(then, "then is null");
  }
}
