package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Sum of a double column that does not depend on the order rows arrive in. A plain {@code sum} adds in shuffle
 * order, so the last bits of a total of fractional values (forecasts, projections) could differ between a local run
 * and a cluster run, or a re-run after an executor was lost. Sorting the values first fixes the order of the
 * additions, so published figures are bit-for-bit repeatable. Use it for fractional values only: whole counts held
 * as doubles add exactly in any order. Like {@code sum}, a group with no non-null value sums to null.
 */
final class OrderedSum {
  private OrderedSum() {}

  /** The mean of the non-null values, with the sum taken in a fixed order; null when there are none. */
  static Column mean(String column) {
    return of(column).divide(count(col(column)));
  }

  static Column of(String column) {
    return when(count(col(column)).gt(0),
        expr("aggregate(array_sort(collect_list(`" + column + "`)), cast(0 as double), (a, x) -> a + x)"));
  }
}
