package uk.pophealth.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import uk.pophealth.schema.OutputTable;

/**
 * The complementary step of {@link DisclosureControl}, on a long "membership" table: one row per (cell,
 * equation it belongs to), where a cell is one count of one row and an equation is one group of one
 * {@link Additivity} for one count. Each pass is one window (suppressed cells per equation, and the cell to
 * add where there is exactly one) and one join (mark the added cells in every equation they belong to); the
 * passes repeat until one adds nothing. The suppressed cells are then joined back to the table's rows once.
 */
final class ComplementarySuppression {
  private static final String ADDITIVITY = "__additivity";
  private static final String COUNT = "__count";
  /** The count an equation holds for (row-wise families), or empty for a row sum (its cells are several counts). */
  private static final String EQUATION = "__equation";
  /** False for a row sum's unpublished remainder: it can hide nothing, so it is never the complementary cell. */
  private static final String CHOOSABLE = "__choosable";
  private static final String REMAINDER = "__remainder_";
  private static final String GROUP = "__group";
  private static final String ROLE = "__role";
  private static final String VALUE = "__value";
  private static final String SUPPRESSED = "__suppressed";
  private static final String IN_GROUP = "__suppressed_in_group";
  private static final String RANK = "__rank";
  private static final String HIT = "__hit";
  private static final String KEY = "__key_";
  private static final int ROLE_PART = 0;
  private static final int ROLE_TOTAL = 1;
  /** Working frames kept persisted at once: the newest pass and the one it was computed from. */
  private static final int KEEP_PERSISTED = 2;

  private final OutputTable table;
  private final List<Additivity> additivities;
  private final List<String> keys;
  private int passes;

  ComplementarySuppression(OutputTable table, List<Additivity> additivities) {
    this.table = table;
    this.additivities = List.copyOf(additivities);
    this.keys = table.keyColumns();
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("Cannot apply complementary suppression to " + table.name()
          + ": the table declares no key columns (" + additivities.size() + " additivities)");
    }
  }

  int passes() {
    return passes;
  }

  /** Sets the working flag of every count cell that must be suppressed to protect another; adds to {@code persisted}. */
  Dataset<Row> apply(Dataset<Row> flagged, List<JavaRDD<Row>> persisted) {
    Dataset<Row> rows = truncated(flagged, persisted);
    // One partition set keyed by equation: the union has a partition per family, count and input partition,
    // which every pass would otherwise schedule a task for.
    Dataset<Row> members = truncated(membership(rows).repartition(col(ADDITIVITY), col(EQUATION), col(GROUP)),
        persisted);
    long suppressed = countSuppressed(members);
    while (true) {
      Dataset<Row> next = truncated(mark(members, chosen(members)), persisted);
      long now = countSuppressed(next);
      passes++;
      members = next;
      // Release passes no longer read (the table rows, persisted first, stay until the end).
      while (persisted.size() > KEEP_PERSISTED + 1) {
        persisted.remove(1).unpersist(false);
      }
      if (now == suppressed) {
        break;
      }
      suppressed = now;
    }
    return withSuppressedCells(rows, members);
  }

  /** Every (cell, equation) pair: each count cell of a part row or a total row of each additivity. */
  private Dataset<Row> membership(Dataset<Row> rows) {
    Dataset<Row> members = null;
    for (int a = 0; a < additivities.size(); a++) {
      Additivity additivity = additivities.get(a);
      if (additivity.rowSum().isPresent()) {
        Dataset<Row> row = rowSumMembers(rows, a, additivity);
        members = members == null ? row : members.union(row);
        continue;
      }
      for (String count : table.countColumns()) {
        if (!additivity.counts().isEmpty() && !additivity.counts().contains(count)) {
          continue;
        }
        Dataset<Row> parts = members(rows, a, count, additivity.partCondition(), additivity.partKey(), ROLE_PART);
        Dataset<Row> totals = members(rows, a, count, additivity.totalCondition(), additivity.totalKey(), ROLE_TOTAL);
        Dataset<Row> both = parts.union(totals);
        members = members == null ? both : members.union(both);
      }
    }
    return members;
  }

  private Dataset<Row> members(Dataset<Row> rows, int additivity, String count, Column condition, List<Column> groupKey,
      int role) {
    return member(rows.filter(coalesce(condition, lit(false))), additivity, lit(count), lit(count), group(groupKey), role,
        col(count), col(DisclosureControl.flag(count)), true);
  }

  /** The equation a row belongs to: its group key with positional field names, so a part's and its total's match. */
  private static Column group(List<Column> groupKey) {
    List<Column> key = new ArrayList<>();
    for (int i = 0; i < groupKey.size(); i++) {
      key.add(groupKey.get(i).as("k" + i));
    }
    return to_json(struct(key.toArray(new Column[0])));
  }

  /**
   * The cells of a row sum, one equation per row: each part column, the total column, and the remainder (total
   * minus parts), suppressed when 1-7 and never chosen.
   */
  private Dataset<Row> rowSumMembers(Dataset<Row> rows, int additivity, Additivity relation) {
    Additivity.RowSum sum = relation.rowSum().orElseThrow();
    Column group = group(keys.stream().map(k -> col(k)).toList());
    Column remainder = col(sum.total());
    List<Dataset<Row>> cells = new ArrayList<>();
    Dataset<Row> matching = rows.filter(coalesce(relation.partCondition(), lit(false)));
    for (String part : sum.parts()) {
      remainder = remainder.minus(col(part));
      cells.add(member(matching, additivity, lit(part), lit(""), group, ROLE_PART, col(part),
          col(DisclosureControl.flag(part)), true));
    }
    cells.add(member(matching, additivity, lit(sum.total()), lit(""), group, ROLE_TOTAL, col(sum.total()),
        col(DisclosureControl.flag(sum.total())), true));
    Column small = coalesce(remainder.geq(1).and(remainder.leq(DisclosureControl.MAX_SUPPRESSED_COUNT)), lit(false));
    cells.add(member(matching, additivity, lit(REMAINDER + additivity), lit(""), group, ROLE_PART, remainder, small,
        false));
    Dataset<Row> all = cells.get(0);
    for (Dataset<Row> cell : cells.subList(1, cells.size())) {
      all = all.union(cell);
    }
    return all;
  }

  /**
   * One membership row per row of {@code rows}: the cell {@code count} (a count column's name, or a row sum's
   * remainder) of that row in the equation ({@code equation}, {@code group}) of the additivity.
   */
  private Dataset<Row> member(Dataset<Row> rows, int additivity, Column count, Column equation, Column group, int role,
      Column value, Column suppressed, boolean choosable) {
    List<Column> columns = new ArrayList<>();
    keys.forEach(k -> columns.add(col(k)));
    columns.add(lit(additivity).as(ADDITIVITY));
    columns.add(count.as(COUNT));
    columns.add(equation.as(EQUATION));
    columns.add(group.as(GROUP));
    columns.add(lit(role).as(ROLE));
    columns.add(value.cast(org.apache.spark.sql.types.DataTypes.LongType).as(VALUE));
    columns.add(suppressed.as(SUPPRESSED));
    columns.add(lit(choosable).as(CHOOSABLE));
    return rows.select(columns.toArray(new Column[0]));
  }

  /**
   * In each equation with exactly one suppressed cell, the cell to suppress with it: the smallest non-zero
   * part, else a zero part, else the total; ties broken by the table's key. Keyed by renamed key columns.
   */
  private Dataset<Row> chosen(Dataset<Row> members) {
    WindowSpec equation = Window.partitionBy(col(ADDITIVITY), col(EQUATION), col(GROUP));
    List<Column> order = new ArrayList<>();
    order.add(col(ROLE).asc());
    order.add(col(VALUE).equalTo(0L).asc());
    order.add(col(VALUE).asc());
    keys.forEach(k -> order.add(col(k).asc_nulls_first()));
    List<Column> renamed = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      renamed.add(col(keys.get(i)).as(KEY + i));
    }
    renamed.add(col(COUNT).as(KEY + COUNT));
    return members
        .withColumn(IN_GROUP, sum(when(col(SUPPRESSED), 1).otherwise(0)).over(equation))
        .filter(col(IN_GROUP).equalTo(1).and(col(SUPPRESSED).unary_$bang()).and(col(VALUE).isNotNull())
            .and(col(CHOOSABLE)))
        .withColumn(RANK, row_number().over(equation.orderBy(order.toArray(new Column[0]))))
        .filter(col(RANK).equalTo(1))
        .select(renamed.toArray(new Column[0]))
        .distinct()
        .withColumn(HIT, lit(true));
  }

  /** Marks the chosen cells suppressed in every equation they belong to. */
  private Dataset<Row> mark(Dataset<Row> members, Dataset<Row> chosen) {
    Column same = col(COUNT).equalTo(col(KEY + COUNT));
    for (int i = 0; i < keys.size(); i++) {
      same = same.and(col(keys.get(i)).eqNullSafe(col(KEY + i)));
    }
    List<Column> kept = new ArrayList<>();
    for (String column : members.columns()) {
      kept.add(column.equals(SUPPRESSED) ? col(SUPPRESSED).or(coalesce(col(HIT), lit(false))).as(SUPPRESSED) : col(column));
    }
    return members.join(chosen, same, "left").select(kept.toArray(new Column[0]));
  }

  /** The table rows with each count's working flag raised where the membership table suppressed the cell. */
  private Dataset<Row> withSuppressedCells(Dataset<Row> rows, Dataset<Row> members) {
    List<Column> renamed = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      renamed.add(col(keys.get(i)).as(KEY + i));
    }
    List<Column> perCount = new ArrayList<>();
    for (String count : table.countColumns()) {
      perCount.add(max(col(COUNT).equalTo(count)).as(HIT + count));
    }
    Dataset<Row> cells = members.filter(col(SUPPRESSED))
        .groupBy(renamed.toArray(new Column[0]))
        .agg(perCount.get(0), perCount.subList(1, perCount.size()).toArray(new Column[0]));
    Column same = lit(true);
    for (int i = 0; i < keys.size(); i++) {
      same = same.and(col(keys.get(i)).eqNullSafe(col(KEY + i)));
    }
    List<Column> kept = new ArrayList<>();
    for (String column : rows.columns()) {
      String count = table.countColumns().stream().filter(c -> DisclosureControl.flag(c).equals(column)).findFirst()
          .orElse(null);
      kept.add(count == null ? col(column) : col(column).or(coalesce(col(HIT + count), lit(false))).as(column));
    }
    return rows.join(cells, same, "left").select(kept.toArray(new Column[0]));
  }

  private static long countSuppressed(Dataset<Row> members) {
    Row row = members.agg(sum(when(col(SUPPRESSED), 1L).otherwise(0L))).first();
    return row.isNullAt(0) ? 0 : row.getLong(0);
  }

  /**
   * Persists a frame and restarts the plan from it: without this each pass would nest the whole plan of the
   * previous one and the plan would grow with every pass. The RDD lineage stays, so a lost executor's blocks
   * are recomputed rather than failing the job (unlike a local checkpoint).
   */
  private static Dataset<Row> truncated(Dataset<Row> data, List<JavaRDD<Row>> persisted) {
    JavaRDD<Row> rows = data.javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(rows);
    return data.sparkSession().createDataFrame(rows, data.schema());
  }
}
