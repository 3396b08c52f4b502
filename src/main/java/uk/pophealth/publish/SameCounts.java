package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTable;

/**
 * Cells of one count column of a table that another table, controlled and written before it, has published too:
 * the same people or events counted for the same area and month (demand_forecast's actuals are also counts of
 * referral_inequality and acp_uptake). If each table chose its complementary cells alone, a cell one suppresses to
 * protect another could be read in the other table, and the protected cell differenced out. So the second table
 * takes the first's choice (issue 24): a cell suppressed there is suppressed here, and a cell published there is
 * never chosen here as a complementary cell. Only cells whose exact counts are equal in both runs of the product
 * are tied: where the two tables resolve an area differently, they are different counts.
 *
 * @param count the count column of the table being controlled
 * @param cells the other table's cells: the {@code on} columns (named as in the table being controlled),
 *              {@link #EXACT} (the exact count there) and {@link #SUPPRESSED} (whether it was suppressed there);
 *              at most one row per key
 * @param on    the columns that identify the same cell in both
 */
public record SameCounts(String count, Dataset<Row> cells, List<String> on) {
  /** The other table's exact count of the cell. */
  public static final String EXACT = "__elsewhere_exact";
  /** Whether the other table suppressed the cell. */
  public static final String SUPPRESSED = "__elsewhere_suppressed";

  public SameCounts {
    requireNonNull(count, "count is null");
    requireNonNull(cells, "cells is null");
    on = List.copyOf(on);
    if (on.isEmpty()) {
      throw new IllegalArgumentException("Cannot tie counts of " + count + " to another table: no key columns");
    }
  }

  /**
   * Raises the working suppression flag of every cell suppressed in the other table, and sets the working
   * "published elsewhere" flag of every cell published there; the rows are otherwise unchanged.
   */
  Dataset<Row> mark(OutputTable table, Dataset<Row> working) {
    if (!table.countColumns().contains(count)) {
      throw new IllegalArgumentException(String.format(
          "Cannot tie %s of %s to another table: not a count column", count, table.name()));
    }
    String prefix = "__same_";
    List<Column> renamed = new ArrayList<>();
    for (String column : on) {
      renamed.add(col(column).as(prefix + column));
    }
    renamed.add(col(EXACT));
    renamed.add(col(SUPPRESSED));
    Dataset<Row> other = cells.select(renamed.toArray(new Column[0]));
    Column join = lit(true);
    for (String column : on) {
      join = join.and(working.col(column).eqNullSafe(other.col(prefix + column)));
    }
    Column same = coalesce(working.col(count).equalTo(other.col(EXACT)), lit(false));
    Column suppressedThere = same.and(coalesce(other.col(SUPPRESSED), lit(false)));
    Column publishedThere = same.and(not(coalesce(other.col(SUPPRESSED), lit(false))));
    String flag = DisclosureControl.flag(count);
    String elsewhere = DisclosureControl.publishedElsewhere(count);
    List<Column> kept = new ArrayList<>();
    for (String column : working.columns()) {
      if (column.equals(flag)) {
        kept.add(working.col(flag).or(suppressedThere).as(flag));
      } else if (column.equals(elsewhere)) {
        // a second tie of the same count (another table) adds to the first
        kept.add(working.col(elsewhere).or(publishedThere).as(elsewhere));
      } else {
        kept.add(working.col(column));
      }
    }
    if (!List.of(working.columns()).contains(elsewhere)) {
      kept.add(publishedThere.as(elsewhere));
    }
    return working.join(other, join, "left").select(kept.toArray(new Column[0]));
  }
}
