package uk.pophealth.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One output table of a run as the report sees it: its data, or the reason it is absent. */
record OutputTable(String name, Dataset<Row> data, String absence) {
  static OutputTable present(String name, Dataset<Row> data) {
    return new OutputTable(name, data, null);
  }

  static OutputTable absent(String name, String reason) {
    return new OutputTable(name, null, reason);
  }

  boolean present() {
    return data != null;
  }

  boolean hasColumn(String column) {
    return present() && Arrays.asList(data.columns()).contains(column);
  }

  /** The needed columns the table lacks (none when it has them all). */
  List<String> missing(String... needed) {
    List<String> missing = new ArrayList<>();
    for (String column : needed) {
      if (!hasColumn(column)) {
        missing.add(column);
      }
    }
    return missing;
  }

  /**
   * Why a section cannot draw from this table ("not produced in this run", or the columns it lacks), or null
   * when it can.
   */
  String unusable(String... needed) {
    if (!present()) {
      return "The " + name + " table was " + absence + ".";
    }
    List<String> missing = missing(needed);
    return missing.isEmpty() ? null
        : "The " + name + " table lacks the column(s) " + String.join(", ", missing) + ", so this part cannot be drawn.";
  }
}
