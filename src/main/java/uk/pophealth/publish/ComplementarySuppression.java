package uk.pophealth.publish;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import uk.pophealth.schema.OutputTable;

/**
 * The complementary step of {@link DisclosureControl}, on a long "membership" table: one row per (cell,
 * equation it belongs to), where a cell is one count of one row and an equation is one group of one
 * {@link Additivity} for one count. The table's key columns that are constant within every equation (the period,
 * say) split the cells into blocks no equation crosses; each block's fixpoint is solved in plain Java
 * ({@link SuppressionFixpoint}) in one task, so the whole step is a few Spark jobs however many passes it takes.
 * A block holds one period's cells of an aggregated table: it grows with the geography, not the population. The
 * cells added are joined back to the table's rows once.
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
  private static final String BLOCK = "__block";
  private static final String MEMBER = "__member";
  private static final String CONSTANT = "__constant_";
  private static final String HIT = "__hit";
  private static final String KEY = "__key_";

  private final OutputTable table;
  private final List<Additivity> additivities;
  private final List<String> keys;

  ComplementarySuppression(OutputTable table, List<Additivity> additivities) {
    this.table = table;
    this.additivities = List.copyOf(additivities);
    this.keys = table.keyColumns();
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("Cannot apply complementary suppression to " + table.name()
          + ": the table declares no key columns (" + additivities.size() + " additivities)");
    }
  }

  /** Sets the working flag of every count cell that must be suppressed to protect another; adds to {@code persisted}. */
  Dataset<Row> apply(Dataset<Row> flagged, List<JavaRDD<Row>> persisted) {
    Dataset<Row> rows = truncated(flagged, persisted);
    // read twice: once to find the blocks, once to solve them
    Dataset<Row> members = truncated(membership(rows), persisted);
    Column block = block(members);
    StructType hitSchema = hitSchema(rows.schema());
    Dataset<Row> blocked = members.withColumn(BLOCK, block);
    Dataset<Row> added = blocked.groupBy(col(BLOCK)).as(Encoders.STRING(), Encoders.row(blocked.schema()))
        .flatMapGroups(new SolveBlock(keys.size()), Encoders.row(hitSchema));
    return withSuppressedCells(rows, added);
  }

  /**
   * The block a membership row belongs to: the key columns constant within every equation, found from the data in
   * one aggregation (a column is constant in an equation when its smallest and largest values are equal and it is
   * null in all or none of the equation's rows).
   */
  private Column block(Dataset<Row> members) {
    List<Column> perEquation = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Column key = col(keys.get(i));
      Column constant = min(key).eqNullSafe(max(key))
          .and(count(key).equalTo(0).or(count(key).equalTo(count(lit(1)))));
      perEquation.add(when(constant, 1).otherwise(0).as(CONSTANT + i));
    }
    List<Column> overall = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      overall.add(coalesce(min(col(CONSTANT + i)), lit(1)));
    }
    Row constant = members.groupBy(col(ADDITIVITY), col(EQUATION), col(GROUP))
        .agg(perEquation.get(0), perEquation.subList(1, perEquation.size()).toArray(new Column[0]))
        .agg(overall.get(0), overall.subList(1, overall.size()).toArray(new Column[0]))
        .first();
    List<Column> blockColumns = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (constant.getInt(i) == 1) {
        blockColumns.add(col(keys.get(i)).as("k" + i));
      }
    }
    return blockColumns.isEmpty() ? lit("") : to_json(struct(blockColumns.toArray(new Column[0])));
  }

  /**
   * Every (cell, equation) pair: each count cell of a part row or a total row of each additivity. One pass over
   * the rows: each row yields an array of its memberships (null where the row is not in that role), exploded.
   */
  private Dataset<Row> membership(Dataset<Row> rows) {
    List<Column> cells = new ArrayList<>();
    for (int a = 0; a < additivities.size(); a++) {
      Additivity additivity = additivities.get(a);
      if (additivity.rowSum().isPresent()) {
        rowSumMembers(cells, a, additivity);
        continue;
      }
      for (String count : table.countColumns()) {
        if (!additivity.counts().isEmpty() && !additivity.counts().contains(count)) {
          continue;
        }
        cells.add(members(a, count, additivity.partCondition(), additivity.partKey(), SuppressionFixpoint.ROLE_PART));
        cells.add(members(a, count, additivity.totalCondition(), additivity.totalKey(), SuppressionFixpoint.ROLE_TOTAL));
      }
    }
    List<Column> columns = new ArrayList<>();
    keys.forEach(k -> columns.add(col(k)));
    columns.add(explode(array(cells.toArray(new Column[0]))).as(MEMBER));
    List<Column> flattened = new ArrayList<>();
    keys.forEach(k -> flattened.add(col(k)));
    for (String field : new String[] {ADDITIVITY, COUNT, EQUATION, GROUP, ROLE, VALUE, SUPPRESSED, CHOOSABLE}) {
      flattened.add(col(MEMBER + "." + field).as(field));
    }
    return rows.select(columns.toArray(new Column[0])).filter(col(MEMBER).isNotNull())
        .select(flattened.toArray(new Column[0]));
  }

  private Column members(int additivity, String count, Column condition, List<Column> groupKey, int role) {
    return member(condition, additivity, lit(count), lit(count), group(groupKey), role, col(count),
        col(DisclosureControl.flag(count)), true);
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
  private void rowSumMembers(List<Column> cells, int additivity, Additivity relation) {
    Additivity.RowSum sum = relation.rowSum().orElseThrow();
    Column group = group(keys.stream().map(k -> col(k)).toList());
    Column remainder = col(sum.total());
    Column matching = relation.partCondition();
    for (String part : sum.parts()) {
      remainder = remainder.minus(col(part));
      cells.add(member(matching, additivity, lit(part), lit(""), group, SuppressionFixpoint.ROLE_PART, col(part),
          col(DisclosureControl.flag(part)), true));
    }
    cells.add(member(matching, additivity, lit(sum.total()), lit(""), group, SuppressionFixpoint.ROLE_TOTAL,
        col(sum.total()), col(DisclosureControl.flag(sum.total())), true));
    Column small = coalesce(remainder.geq(1).and(remainder.leq(DisclosureControl.MAX_SUPPRESSED_COUNT)), lit(false));
    cells.add(member(matching, additivity, lit(REMAINDER + additivity), lit(""), group, SuppressionFixpoint.ROLE_PART,
        remainder, small, false));
  }

  /**
   * A row's membership where {@code condition} holds (else null): the cell {@code count} (a count column's name,
   * or a row sum's remainder) of that row in the equation ({@code equation}, {@code group}) of the additivity.
   */
  private static Column member(Column condition, int additivity, Column count, Column equation, Column group, int role,
      Column value, Column suppressed, boolean choosable) {
    Column member = struct(lit(additivity).as(ADDITIVITY), count.as(COUNT), equation.as(EQUATION), group.as(GROUP),
        lit(role).as(ROLE), value.cast(DataTypes.LongType).as(VALUE), suppressed.as(SUPPRESSED),
        lit(choosable).as(CHOOSABLE));
    return when(coalesce(condition, lit(false)), member);
  }

  /** The table rows with each count's working flag raised where the fixpoint added the cell. */
  private Dataset<Row> withSuppressedCells(Dataset<Row> rows, Dataset<Row> added) {
    List<Column> renamed = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      renamed.add(col(KEY + i));
    }
    List<Column> perCount = new ArrayList<>();
    for (String count : table.countColumns()) {
      perCount.add(max(col(KEY + COUNT).equalTo(count)).as(HIT + count));
    }
    Dataset<Row> cells = added.groupBy(renamed.toArray(new Column[0]))
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

  /** The cells the fixpoint adds: the table's key columns, renamed, and the count column's name. */
  private StructType hitSchema(StructType rowSchema) {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      fields.add(DataTypes.createStructField(KEY + i, rowSchema.apply(keys.get(i)).dataType(), true));
    }
    fields.add(DataTypes.createStructField(KEY + COUNT, DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  /**
   * A cell: the key values of its row (the table's key columns, in order) and its count column. Ordered by the
   * keys (nulls first), then the count, which breaks ties between equally good cells.
   */
  record Cell(List<Object> keys, String count) implements Comparable<Cell> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compareTo(Cell other) {
      for (int i = 0; i < keys.size(); i++) {
        Object a = keys.get(i);
        Object b = other.keys.get(i);
        if (a == null || b == null) {
          if (a != b) {
            return a == null ? -1 : 1;
          }
          continue;
        }
        int order = ((Comparable) a).compareTo(b);
        if (order != 0) {
          return order;
        }
      }
      return count.compareTo(other.count);
    }
  }

  /** Executor-side: the fixpoint of one block's membership rows; one output row per cell it adds. */
  static final class SolveBlock implements FlatMapGroupsFunction<String, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int keyCount;

    SolveBlock(int keyCount) {
      this.keyCount = keyCount;
    }

    @Override
    public Iterator<Row> call(String block, Iterator<Row> members) {
      SuppressionFixpoint<Cell> fixpoint = new SuppressionFixpoint<>();
      while (members.hasNext()) {
        Row member = members.next();
        List<Object> key = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
          key.add(member.get(i));
        }
        Object equation = List.of(member.getAs(ADDITIVITY), member.getAs(EQUATION), member.getAs(GROUP));
        Long value = member.getAs(VALUE);
        fixpoint.add(equation, new Cell(key, member.getAs(COUNT)), member.<Integer>getAs(ROLE), value,
            member.<Boolean>getAs(SUPPRESSED), member.<Boolean>getAs(CHOOSABLE));
      }
      List<Row> added = new ArrayList<>();
      for (Cell cell : fixpoint.solve()) {
        Object[] values = cell.keys().toArray(new Object[keyCount + 1]);
        values[keyCount] = cell.count();
        added.add(RowFactory.create(values));
      }
      return added.iterator();
    }
  }

  /**
   * Persists a frame that is read twice (the table rows: membership and the final join; the membership: blocks
   * and solve) and restarts the plan from it, so the second read neither recomputes it nor carries its plan. The
   * RDD lineage stays, so a lost executor's blocks are recomputed rather than failing the job (unlike a local
   * checkpoint).
   */
  private static Dataset<Row> truncated(Dataset<Row> data, List<JavaRDD<Row>> persisted) {
    JavaRDD<Row> rows = data.javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(rows);
    return data.sparkSession().createDataFrame(rows, data.schema());
  }
}
