package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small Spark steps the sections share: choosing the latest period, and keeping only present columns. */
final class Tables {
  private Tables() {}

  /** The latest value of {@code periodColumn}, or null when the frame is empty. */
  static Object latestValue(Dataset<Row> frame, String periodColumn) {
    return frame.agg(max(col(periodColumn))).first().get(0);
  }

  /** The frame narrowed to those of the wanted columns it has, in the order asked. */
  static Dataset<Row> selectPresent(OutputTable table, Dataset<Row> frame, String... wanted) {
    List<Column> columns = new ArrayList<>();
    for (String column : wanted) {
      if (table.hasColumn(column)) {
        columns.add(col(column));
      }
    }
    return frame.select(columns.toArray(new Column[0]));
  }
}
