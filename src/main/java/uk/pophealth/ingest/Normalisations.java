package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.schema.Normalisation;

/**
 * Counts the rows ingestion rewrote ({@link Normalisation}): each row carries the normalisations applied to it as
 * one bit mask ({@link IngestColumns#NORMALISED}); per normalisation, the rows so rewritten are counted and the
 * first few named, in one small Spark query over the flagged rows only (nothing per row reaches the driver).
 */
final class Normalisations {
  /** The normalisation's rule name, in the frame of {@link #marks}. */
  static final String KIND = "_normalisation";
  private static final String RANK = "_normalisation_rank";
  private static final String ROWS = "_normalisation_rows";
  private static final int EXAMPLES = 3;

  private Normalisations() {}

  /** How many rows one normalisation rewrote, and a few of their lines ("12, 40" or "part-1.csv:12, ..."). */
  record Found(long rows, String exampleLines) {}

  /** One int per row: bit {@code ordinal} set where that normalisation's flag is true. */
  static Column mask(Map<Normalisation, Column> flags) {
    Column mask = lit(0);
    for (Map.Entry<Normalisation, Column> flag : flags.entrySet()) {
      mask = mask.plus(when(coalesce(flag.getValue(), lit(false)), lit(bit(flag.getKey()))).otherwise(lit(0)));
    }
    return mask;
  }

  /**
   * The rule name, file and line of every accepted row of {@code ruled} per normalisation applied to it: one pass
   * over the rows, only those rewritten kept, one mark per normalisation of the row.
   */
  static Dataset<Row> marks(Dataset<Row> ruled) {
    List<Column> kinds = new ArrayList<>();
    for (Normalisation kind : Normalisation.values()) {
      kinds.add(when(col(IngestColumns.NORMALISED).bitwiseAND(bit(kind)).notEqual(0), lit(kind.ruleName())));
    }
    return ruled.filter(col(IngestColumns.RULE).isNull().and(col(IngestColumns.NORMALISED).notEqual(0)))
        .select(explode(array(kinds.toArray(new Column[0]))).as(KIND), col(IngestColumns.SOURCE_FILE),
            col(IngestColumns.LINE_NUMBER).cast(DataTypes.LongType).as(IngestColumns.LINE_NUMBER))
        .filter(col(KIND).isNotNull());
  }

  /** The columns of one mark: the normalisation, the source file and the line. */
  static Column[] mark(Normalisation kind, Column file, Column line) {
    return new Column[] {lit(kind.ruleName()).as(KIND), file.as(IngestColumns.SOURCE_FILE),
        line.cast(DataTypes.LongType).as(IngestColumns.LINE_NUMBER)};
  }

  /** Per normalisation found (by rule name, in {@link Normalisation} order): its rows and first lines. */
  static Map<String, Found> summarise(Dataset<Row> marks, boolean withFile) {
    WindowSpec byKind = Window.partitionBy(col(KIND));
    Dataset<Row> firsts = marks
        .withColumn(RANK, row_number().over(byKind.orderBy(col(IngestColumns.SOURCE_FILE), col(IngestColumns.LINE_NUMBER))))
        .withColumn(ROWS, count(lit(1)).over(byKind))
        .filter(col(RANK).leq(EXAMPLES))
        .select(col(KIND), col(ROWS), col(IngestColumns.SOURCE_FILE), col(IngestColumns.LINE_NUMBER))
        .orderBy(col(KIND), col(RANK));
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (Row row : firsts.collectAsList()) {
      String file = row.getString(2);
      rows.put(row.getString(0), row.getLong(1));
      lines.computeIfAbsent(row.getString(0), kind -> new ArrayList<>())
          .add((withFile ? file.substring(file.lastIndexOf('/') + 1) + ":" : "") + row.getLong(3));
    }
    Map<String, Found> found = new LinkedHashMap<>();
    for (Normalisation kind : Normalisation.values()) {
      if (rows.containsKey(kind.ruleName())) {
        found.put(kind.ruleName(), new Found(rows.get(kind.ruleName()), String.join(", ", lines.get(kind.ruleName()))));
      }
    }
    return found;
  }

  private static int bit(Normalisation kind) {
    return 1 << kind.ordinal();
  }
}
