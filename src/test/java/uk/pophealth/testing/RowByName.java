package uk.pophealth.testing;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-made row of a declared schema, its values set by column name (the others null), so a test's rows say which
 * column each value is and survive a column being added. A name the schema does not hold fails at once.
 */
public final class RowByName {
  private final StructType schema;
  private final Map<String, Object> values;

  private RowByName(StructType schema, Map<String, Object> values) {
    this.schema = schema;
    this.values = values;
  }

  public static RowByName of(StructType schema) {
    return new RowByName(schema, new HashMap<>());
  }

  /** A new builder holding this one's values and {@code name} set to {@code value}. */
  public RowByName with(String name, Object value) {
    schema.fieldIndex(name);  // throws IllegalArgumentException naming an unknown column
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(name, value);
    return new RowByName(schema, copy);
  }

  public Row row() {
    StructField[] fields = schema.fields();
    Object[] ordered = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      ordered[i] = values.get(fields[i].name());
    }
    return RowFactory.create(ordered);
  }
}
