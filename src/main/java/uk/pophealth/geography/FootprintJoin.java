package uk.pophealth.geography;

import static org.apache.spark.sql.functions.broadcast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.schema.GeographyTables;

/**
 * Attaches a hierarchy's attributes to facts. The hierarchy is small (one row per organisation and interval), so
 * it is broadcast and the join is a hash join on the key with the date range checked on the matches: no
 * shuffle of the facts, no nested loop. A left join: a fact whose key or date has no mapping keeps its row with
 * empty footprint columns, so nothing is lost; hierarchies hold no overlaps, so nothing is counted twice.
 */
final class FootprintJoin {
  private static final String PREFIX = "_footprint_";

  private FootprintJoin() {}

  /**
   * A hierarchy to attach: its rows (with {@link GeographyTables#VALID_FROM}/{@link GeographyTables#VALID_TO}), the
   * column facts are matched on, and the columns added to each fact.
   */
  record Hierarchy(Dataset<Row> rows, String key, List<String> attributes) {}

  /**
   * @param dated true to match facts to the interval containing their date, false when the hierarchy already
   *     holds one row per key (re-based) and every fact takes it whatever its date
   */
  static Dataset<Row> attach(Dataset<Row> facts, String keyColumn, String dateColumn, Hierarchy footprint,
      boolean dated) {
    Dataset<Row> hierarchy = footprint.rows();
    List<String> attributes = footprint.attributes();
    List<String> factColumns = Arrays.asList(facts.columns());
    requireColumn(factColumns, keyColumn);
    if (dated) {
      requireColumn(factColumns, dateColumn);
    }
    for (String attribute : attributes) {
      if (factColumns.contains(attribute)) {
        throw new IllegalArgumentException(
            "Cannot attach footprint: the facts already have a column the footprint adds (" + attribute + ")");
      }
    }
    Dataset<Row> lookup = broadcast(hierarchy.select(prefixed(hierarchy, hierarchy.columns())));
    Column condition = facts.col(keyColumn).equalTo(lookup.col(PREFIX + footprint.key()));
    if (dated) {
      Column date = facts.col(dateColumn).cast(DataTypes.DateType);
      Column validTo = lookup.col(PREFIX + GeographyTables.VALID_TO);
      condition = condition.and(lookup.col(PREFIX + GeographyTables.VALID_FROM).leq(date))
          .and(validTo.isNull().or(date.leq(validTo)));
    }
    Dataset<Row> joined = facts.join(lookup, condition, "left");
    List<Column> out = new ArrayList<>();
    for (String column : factColumns) {
      out.add(facts.col(column));
    }
    for (String attribute : attributes) {
      out.add(lookup.col(PREFIX + attribute).as(attribute));
    }
    return joined.select(out.toArray(new Column[0]));
  }

  private static Column[] prefixed(Dataset<Row> hierarchy, String[] columns) {
    return Arrays.stream(columns).map(c -> hierarchy.col(c).as(PREFIX + c)).toArray(Column[]::new);
  }

  private static void requireColumn(List<String> columns, String column) {
    if (!columns.contains(column)) {
      throw new IllegalArgumentException("Cannot attach footprint: the facts have no column (" + column + ")");
    }
  }
}
