package uk.pophealth.schema;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Selects a table's columns by name, in order, some of them given new values: the shape every publish step keeps. */
public final class Projection {
  private Projection() {}

  /**
   * @param data     rows holding every column named, and whatever the replacements read
   * @param names    the columns to keep, in order
   * @param replaced new values by column name; the others are kept as they are
   */
  public static Dataset<Row> replacing(Dataset<Row> data, String[] names, Map<String, Column> replaced) {
    List<Column> selected = new ArrayList<>();
    for (String name : names) {
      selected.add(replaced.getOrDefault(name, col(name)).as(name));
    }
    return data.select(selected.toArray(new Column[0]));
  }
}
