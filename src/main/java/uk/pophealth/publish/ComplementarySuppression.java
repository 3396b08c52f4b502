package uk.pophealth.publish;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import uk.pophealth.publication.Additivity;
import uk.pophealth.schema.OutputTable;

/**
 * The complementary step of {@link DisclosureControl}. A cell is one count of one row; an equation is one group of
 * one {@link Additivity} for one count, or one row of a row sum. Each row carries a small array of the equations it
 * is in (the group's key hashed). The table's key columns that every equation's key holds (the period, say)
 * split the rows into blocks no equation crosses; each block's rows go to one task, which expands them into cells
 * and equations and solves the fixpoint in plain Java ({@link SuppressionFixpoint}), so the whole step is a few
 * Spark jobs however many passes it takes, and no (cell, equation) table is ever materialised. A block holds one
 * period's rows of an aggregated table: it grows with the geography, not the population. The cells added are
 * joined back to the table's rows once.
 */
final class ComplementarySuppression {
  /** Per row: the equations it is in, as an array of (additivity, role, group hash, group check). */
  private static final String MEMBERS = "__members";
  private static final String TERM = "__term_";
  private static final String ADDITIVITY = "additivity";
  private static final String ROLE = "role";
  private static final String GROUP = "group";
  private static final String CHECK = "check";
  /** The role of a row in a row sum: the row is the whole equation (its part columns, total and remainder). */
  private static final int ROLE_ROW = 2;
  private static final String REMAINDER = "__remainder_";
  private static final String BLOCK = "__block";
  private static final String HIT = "__hit";
  private static final String KEY = "__key_";
  private static final String COUNT_NAME = "count";

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
    // read twice: to solve the blocks, and to take the cells added
    Map<Column, String> terms = terms();
    List<Column> withTerms = new ArrayList<>();
    for (String column : flagged.columns()) {
      withTerms.add(col(column));
    }
    terms.forEach((term, name) -> withTerms.add(term.as(name)));
    Dataset<Row> rows = truncated(flagged.select(withTerms.toArray(new Column[0]))
        .withColumn(MEMBERS, memberships(terms)).drop(terms.values().toArray(new String[0])), persisted);
    List<Column> solved = new ArrayList<>();
    keys.forEach(k -> solved.add(col(k)));
    table.countColumns().forEach(c -> solved.add(col(c).cast(DataTypes.LongType)));
    table.countColumns().forEach(c -> solved.add(col(DisclosureControl.flag(c))));
    List<String> present = List.of(rows.columns());
    table.countColumns().forEach(c -> solved.add(present.contains(DisclosureControl.publishedElsewhere(c))
        ? coalesce(col(DisclosureControl.publishedElsewhere(c)), lit(false)) : lit(false)));
    solved.add(col(MEMBERS));
    solved.add(block().as(BLOCK));
    Dataset<Row> blocked = rows.select(solved.toArray(new Column[0]));
    Dataset<Row> added = blocked.groupBy(col(BLOCK)).as(Encoders.LONG(), Encoders.row(blocked.schema()))
        .flatMapGroups(new SolveBlock(keys.size(), table.countColumns(), specs(), denominators()),
            Encoders.row(hitSchema(rows)));
    // read by the write and, where another table publishes the same counts, by Disclosed#cells: solved once
    return withSuppressedCells(rows.drop(MEMBERS), truncated(added, persisted));
  }

  /**
   * The block of a row: a hash of its values of the {@link #blockColumns} and {@link #blockTerms} (one block for all
   * rows when there are none). Two blocks whose hashes collide are solved together, which changes nothing: no
   * equation crosses them.
   */
  private Column block() {
    List<Column> columns = new ArrayList<>();
    blockColumns(keys, additivities).forEach(c -> columns.add(col(c)));
    columns.addAll(blockTerms(keys, additivities));
    return columns.isEmpty() ? lit(0L) : xxhash64(hashed(columns));
  }

  /**
   * Expressions other than the key columns that every additivity's part key and total key hold at the same position
   * (a row sum's equation is one row, so it constrains nothing): constant within every equation, they split the
   * blocks further. Months within their quarter and quarters within their financial year cross periods, so the
   * period is no block column there; the financial year of the period, held by every relation, is.
   */
  static List<Column> blockTerms(List<String> keys, List<Additivity> additivities) {
    List<Additivity> groups = additivities.stream().filter(a -> a.rowSum().isEmpty()).toList();
    if (groups.isEmpty()) {
      return List.of();
    }
    List<Column> terms = new ArrayList<>();
    for (Column term : groups.get(0).partKey()) {
      boolean keyColumn = keys.stream().anyMatch(k -> col(k).equals(term));
      if (!keyColumn && !terms.contains(term) && groups.stream().allMatch(a -> holds(a, term))) {
        terms.add(term);
      }
    }
    return terms;
  }

  private static boolean holds(Additivity additivity, Column term) {
    int position = additivity.partKey().indexOf(term);
    return position >= 0 && position < additivity.totalKey().size()
        && additivity.totalKey().get(position).equals(term);
  }

  /**
   * The key columns constant within every equation, read off the declarations: those every additivity's part key
   * and total key hold, as themselves, at the same position (a row sum's equation is one row, so it constrains
   * nothing). They split the cells into blocks no equation crosses (the period, say). A column the declarations
   * do not show to be constant is left out, which only makes blocks larger.
   */
  static List<String> blockColumns(List<String> keys, List<Additivity> additivities) {
    List<String> block = new ArrayList<>();
    for (String key : keys) {
      Column column = col(key);
      boolean constant = additivities.stream().filter(a -> a.rowSum().isEmpty()).allMatch(a -> holds(a, column));
      if (constant) {
        block.add(key);
      }
    }
    return block;
  }

  /**
   * Every equation a row is in, as an array of (additivity, role, group hash, group check), null where it is not: a
   * part or the total of a group of an additivity (one equation per count it holds for), or the whole of a row sum.
   * The group is hashed (64 + 32 bits of its key's values, {@link #hashed}), so the array stays small however long
   * the key; two groups of one block would be merged only if both hashes collided. Reads the {@link #terms} columns.
   */
  private Column memberships(Map<Column, String> terms) {
    List<Column> members = new ArrayList<>();
    for (int a = 0; a < additivities.size(); a++) {
      Additivity additivity = additivities.get(a);
      Column partCondition = col(terms.get(additivity.partCondition()));
      if (additivity.rowSum().isPresent()) {
        members.add(member(partCondition, a, ROLE_ROW, lit(0L), lit(0)));
        continue;
      }
      Column[] part = hashed(additivity.partKey().stream().map(k -> col(terms.get(k))).toList());
      Column[] total = hashed(additivity.totalKey().stream().map(k -> col(terms.get(k))).toList());
      members.add(member(partCondition, a, SuppressionFixpoint.ROLE_PART, xxhash64(part), hash(part)));
      members.add(member(col(terms.get(additivity.totalCondition())), a, SuppressionFixpoint.ROLE_TOTAL,
          xxhash64(total), hash(total)));
    }
    // nulls (a row not in that role) are kept and skipped by the executor: filtering them here would need a
    // higher-order function, which Spark evaluates without generated code (the hashes then ran interpreted)
    return array(members.toArray(new Column[0]));
  }

  /**
   * Every distinct condition and group-key expression of the additivities, each named, to be computed once per row
   * as a column before the memberships read it: a key such as a child-to-parent map lookup is read by two hashes and
   * a condition, and inlined it was evaluated each time (a lookup in a map literal scans the map).
   */
  private Map<Column, String> terms() {
    Map<Column, String> terms = new LinkedHashMap<>();
    for (Additivity additivity : additivities) {
      List<Column> used = new ArrayList<>(List.of(additivity.partCondition(), additivity.totalCondition()));
      used.addAll(additivity.partKey());
      used.addAll(additivity.totalKey());
      for (Column term : used) {
        terms.computeIfAbsent(term, t -> TERM + terms.size());
      }
    }
    return terms;
  }

  private static Column member(Column condition, int additivity, int role, Column group, Column check) {
    return when(coalesce(condition, lit(false)), struct(lit(additivity).as(ADDITIVITY), lit(role).as(ROLE),
        group.cast(DataTypes.LongType).as(GROUP), check.cast(DataTypes.IntegerType).as(CHECK)));
  }

  /**
   * A key's values as text, each followed by whether it is null, for hashing: the hash functions skip nulls, so
   * without the flags (a, null) and (null, a) would hash alike. A part's key and its total's give equal values
   * exactly when they hold equal values position by position.
   */
  private static Column[] hashed(List<Column> key) {
    List<Column> values = new ArrayList<>();
    for (Column column : key) {
      values.add(column.cast(DataTypes.StringType));
      values.add(column.isNull());
    }
    return values.toArray(new Column[0]);
  }

  /** By count index: the index of the count it is a numerator of, or -1. */
  private int[] denominators() {
    List<String> counts = table.countColumns();
    return counts.stream().mapToInt(c -> table.denominators().containsKey(c)
        ? counts.indexOf(table.denominators().get(c)) : -1).toArray();
  }

  /** What the executor needs of each additivity, by index: the counts it holds for, or its row sum's columns. */
  private List<Spec> specs() {
    List<String> counts = table.countColumns();
    List<Spec> specs = new ArrayList<>();
    for (Additivity additivity : additivities) {
      if (additivity.rowSum().isPresent()) {
        Additivity.RowSum sum = additivity.rowSum().orElseThrow();
        specs.add(new Spec(sum.parts().stream().mapToInt(counts::indexOf).toArray(), counts.indexOf(sum.total())));
      } else {
        specs.add(new Spec(counts.stream().filter(c -> additivity.counts().isEmpty() || additivity.counts().contains(c))
            .mapToInt(counts::indexOf).toArray(), -1));
      }
    }
    return specs;
  }

  /**
   * One additivity as the executor sees it: the count columns (by index) it holds for, one equation each per group;
   * or, for a row sum ({@code total >= 0}), the part columns and the total column of one row.
   */
  record Spec(int[] counts, int total) implements Serializable {
    boolean isRowSum() {
      return total >= 0;
    }
  }

  /** The table rows with each count's working flag raised where the fixpoint added the cell. */
  private Dataset<Row> withSuppressedCells(Dataset<Row> rows, Dataset<Row> added) {
    List<Column> renamed = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      renamed.add(col(KEY + i));
    }
    List<Column> perCount = new ArrayList<>();
    for (String count : table.countColumns()) {
      perCount.add(max(col(KEY + COUNT_NAME).equalTo(count)).as(HIT + count));
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
  private StructType hitSchema(Dataset<Row> rows) {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      fields.add(DataTypes.createStructField(KEY + i, rows.schema().apply(keys.get(i)).dataType(), true));
    }
    fields.add(DataTypes.createStructField(KEY + COUNT_NAME, DataTypes.StringType, false));
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

  /** An equation of a group: one count of one group (by its hashes) of one additivity. */
  private record GroupEquation(int additivity, int count, long group, int check) {}

  /** An equation of a row sum: one row (its serial number within the block) of one additivity. */
  private record RowEquation(int additivity, long row) {}

  /**
   * One table row as a block reads it, by count position: its key, the count columns' names, its counts (null =
   * missing), whether each is suppressed, and whether each may be chosen (not published in another table).
   */
  private record BlockRow(List<Object> key, List<String> counts, Long[] values, boolean[] flags,
      boolean[] choosable) {
    /** Adds the row's cell of count {@code c} to {@code equation} in {@code role}. */
    void add(SuppressionFixpoint<Cell> fixpoint, Object equation, int role, int c) {
      fixpoint.add(equation, new Cell(key, counts.get(c)), role, values[c], flags[c], choosable[c]);
    }
  }

  /**
   * Executor-side: the fixpoint of one block's rows; one output row per cell it adds. A row is its key columns,
   * its counts (as longs), their flags, whether each is published in another table ({@link SameCounts}: never
   * chosen), and its membership array, in that order.
   */
  static final class SolveBlock implements FlatMapGroupsFunction<Long, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int keyCount;
    private final List<String> counts;
    private final List<Spec> specs;
    private final int[] denominators;

    SolveBlock(int keyCount, List<String> counts, List<Spec> specs, int[] denominators) {
      this.keyCount = keyCount;
      this.counts = List.copyOf(counts);
      this.specs = List.copyOf(specs);
      this.denominators = denominators.clone();
    }

    @Override
    public Iterator<Row> call(Long block, Iterator<Row> rows) {
      SuppressionFixpoint<Cell> fixpoint = new SuppressionFixpoint<>();
      int countCount = counts.size();
      long serial = 0;
      while (rows.hasNext()) {
        Row row = rows.next();
        serial++;
        List<Object> key = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
          key.add(row.get(i));
        }
        Long[] values = new Long[countCount];
        boolean[] flags = new boolean[countCount];
        boolean[] choosable = new boolean[countCount];
        for (int c = 0; c < countCount; c++) {
          values[c] = row.isNullAt(keyCount + c) ? null : row.getLong(keyCount + c);
          flags[c] = row.getBoolean(keyCount + countCount + c);
          choosable[c] = !row.getBoolean(keyCount + 2 * countCount + c);
        }
        BlockRow blockRow = new BlockRow(key, counts, values, flags, choosable);
        for (int c = 0; c < countCount; c++) {
          if (denominators[c] >= 0) {
            fixpoint.follow(new Cell(key, counts.get(denominators[c])), new Cell(key, counts.get(c)), flags[c]);
          }
        }
        for (Row member : row.<Row>getList(keyCount + 3 * countCount)) {
          if (member == null) {
            continue;
          }
          int additivity = member.getInt(0);
          Spec spec = specs.get(additivity);
          if (spec.isRowSum()) {
            addRowSum(fixpoint, new RowEquation(additivity, serial), spec, blockRow);
            continue;
          }
          for (int c : spec.counts()) {
            blockRow.add(fixpoint, new GroupEquation(additivity, c, member.getLong(2), member.getInt(3)),
                member.getInt(1), c);
          }
        }
      }
      List<Row> added = new ArrayList<>();
      for (Cell cell : fixpoint.solve()) {
        Object[] values = cell.keys().toArray(new Object[keyCount + 1]);
        values[keyCount] = cell.count();
        added.add(RowFactory.create(values));
      }
      return added.iterator();
    }

    /**
     * A row sum's cells: each part column, the total column, and the remainder (total minus parts), suppressed when
     * 1-7 and never chosen.
     */
    private void addRowSum(SuppressionFixpoint<Cell> fixpoint, RowEquation equation, Spec spec, BlockRow row) {
      Long[] values = row.values();
      Long remainder = values[spec.total()];
      for (int part : spec.counts()) {
        row.add(fixpoint, equation, SuppressionFixpoint.ROLE_PART, part);
        remainder = remainder == null || values[part] == null ? null : remainder - values[part];
      }
      row.add(fixpoint, equation, SuppressionFixpoint.ROLE_TOTAL, spec.total());
      boolean small = remainder != null && remainder >= 1 && remainder <= DisclosureControl.MAX_SUPPRESSED_COUNT;
      fixpoint.add(equation, new Cell(row.key(), REMAINDER + equation.additivity()), SuppressionFixpoint.ROLE_PART,
          remainder, small, false);
    }
  }

  /**
   * Persists a frame that is read twice (the table rows: membership and the final join; the membership: blocks
   * and solve) and restarts the plan from it, so the second read neither recomputes it nor carries its plan. The
   * RDD lineage stays, so a lost executor's blocks are recomputed rather than failing the job (unlike a local
   * checkpoint). Held serialized: stored as Row objects, Spark's size estimate of every block took 15% of the
   * executors' CPU on the sample run (docs/benchmarks.md). Each row is held without its schema
   * ({@link #withoutSchema}).
   */
  private static Dataset<Row> truncated(Dataset<Row> data, List<JavaRDD<Row>> persisted) {
    JavaRDD<Row> rows = data.javaRDD().map(ComplementarySuppression::withoutSchema)
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    persisted.add(rows);
    return data.sparkSession().createDataFrame(rows, data.schema());
  }

  /**
   * The same values as a row that carries no schema, nested structs included. A row of {@code javaRDD()} carries
   * the frame's schema, and Kryo writes that schema (every field's name, type and description) again with every row
   * it serializes: 1,845 bytes against 149 for a 20-column row of short strings. The membership table of
   * referral_deprivation (2.6M rows over England's geography, at any population) then held GBs per partition, and a
   * 4 GB heap ran out of memory (issue 23); {@code createDataFrame} gives the schema back when the rows are read.
   */
  static Row withoutSchema(Row row) {
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = withoutSchema(row.get(i));
    }
    return RowFactory.create(values);
  }

  private static Object withoutSchema(Object value) {
    if (value instanceof Row nested) {
      return withoutSchema(nested);
    }
    if (value instanceof scala.collection.Seq<?> elements) {
      Object[] plain = new Object[elements.length()];
      for (int i = 0; i < plain.length; i++) {
        plain[i] = withoutSchema(elements.apply(i));
      }
      return plain;
    }
    return value;
  }
}
