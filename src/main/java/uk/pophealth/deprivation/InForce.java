package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Effective-dated lookups that never multiply rows: for each distinct (key, date) wanted, the single interval row
 * in force on that date (start &lt;= date &lt;= end or open), the latest start winning and the interval's other
 * columns breaking ties, so the result joins back many-to-one.
 */
final class InForce {
  private static final String ORDER = "_in_force_order";

  private InForce() {}

  /**
   * Effective-dated rows and the names of their key, start and end columns.
   *
   * @param rows rows holding {@code key}, {@code from}, {@code to} (null = open) and the columns wanted
   */
  record Intervals(Dataset<Row> rows, String key, String from, String to) {}

  /**
   * @param wanted rows holding {@code keyColumn} and {@code dateColumn}
   * @return columns {@link Columns#LOOKUP_KEY}, {@link Columns#LOOKUP_DATE} and every interval column but its key
   */
  static Dataset<Row> lookup(Dataset<Row> wanted, String keyColumn, String dateColumn, Intervals dated) {
    Dataset<Row> intervals = dated.rows();
    String intervalKey = dated.key();
    String from = dated.from();
    String to = dated.to();
    Dataset<Row> keys = wanted.select(col(keyColumn).as(Columns.LOOKUP_KEY), col(dateColumn).as(Columns.LOOKUP_DATE))
        .where(col(Columns.LOOKUP_KEY).isNotNull())
        .distinct();
    Column inForce = keys.col(Columns.LOOKUP_KEY).equalTo(intervals.col(intervalKey))
        .and(intervals.col(from).leq(keys.col(Columns.LOOKUP_DATE)))
        .and(intervals.col(to).isNull().or(keys.col(Columns.LOOKUP_DATE).leq(intervals.col(to))));
    List<Column> order = new ArrayList<>();
    order.add(col(from).desc());
    for (String column : intervals.columns()) {
      if (!column.equals(intervalKey) && !column.equals(from)) {
        order.add(col(column).asc_nulls_last());
      }
    }
    return keys.join(intervals, inForce)
        .drop(intervalKey)
        .withColumn(ORDER, row_number().over(Window.partitionBy(Columns.LOOKUP_KEY, Columns.LOOKUP_DATE)
            .orderBy(order.toArray(new Column[0]))))
        .where(col(ORDER).equalTo(1))
        .drop(ORDER);
  }

  /** {@code rows} left-joined to a {@link #lookup} result on its key and date; the lookup's key and date dropped. */
  static Dataset<Row> attach(Dataset<Row> rows, String keyColumn, String dateColumn, Dataset<Row> lookup) {
    Column match = rows.col(keyColumn).equalTo(lookup.col(Columns.LOOKUP_KEY))
        .and(rows.col(dateColumn).equalTo(lookup.col(Columns.LOOKUP_DATE)));
    return rows.join(lookup, match, "left").drop(Columns.LOOKUP_KEY, Columns.LOOKUP_DATE);
  }
}
