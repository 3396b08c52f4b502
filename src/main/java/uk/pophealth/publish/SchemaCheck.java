package uk.pophealth.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.OutputTable;

/** Checks that a Dataset has exactly the declared columns (names, types, order; nullability aside) and labels them. */
public final class SchemaCheck {
  private SchemaCheck() {}

  /**
   * Fails once, listing every difference and both schemas, unless {@code actual} has the declared column names
   * and types in the declared order.
   */
  public static void requireDeclared(OutputTable table, StructType actual) {
    StructType expected = table.schema();
    List<String> problems = new ArrayList<>();
    StructField[] want = expected.fields();
    StructField[] got = actual.fields();
    for (int i = 0; i < Math.max(want.length, got.length); i++) {
      if (i >= got.length) {
        problems.add("missing " + describe(want[i]) + " at position " + (i + 1));
      } else if (i >= want.length) {
        problems.add("unexpected " + describe(got[i]) + " at position " + (i + 1));
      } else if (!want[i].name().equals(got[i].name())) {
        problems.add("position " + (i + 1) + " is " + got[i].name() + ", expected " + want[i].name());
      } else if (!want[i].dataType().equals(got[i].dataType())) {
        problems.add(want[i].name() + " is " + got[i].dataType().simpleString() + ", expected "
            + want[i].dataType().simpleString());
      }
    }
    if (!problems.isEmpty()) {
      throw PopHealthException.failure("Cannot publish %s: schema differs from the declared one (%s)%n expected: %s%n actual:   %s",
          table.name(), String.join("; ", problems), simple(expected), simple(actual));
    }
  }

  /** The declared columns in declared order, each carrying its declared meaning and unit into the Parquet schema. */
  public static Dataset<Row> withDeclaredMetadata(OutputTable table, Dataset<Row> data) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      columns.add(data.col(field.name()).as(field.name(), field.metadata()));
    }
    return data.select(columns.toArray(new Column[0]));
  }

  private static String describe(StructField field) {
    return field.name() + " " + field.dataType().simpleString();
  }

  private static String simple(StructType schema) {
    List<String> parts = new ArrayList<>();
    for (StructField field : schema.fields()) {
      parts.add(describe(field));
    }
    return String.join(", ", parts);
  }
}
