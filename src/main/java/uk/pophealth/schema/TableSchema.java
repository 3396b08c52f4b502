package uk.pophealth.schema;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's name and declared schema. For inputs, non-nullable fields are required columns and nullable
 * ones listed in {@code optionalColumns} may be absent from the file altogether.
 */
public record TableSchema(String name, StructType schema, Set<String> optionalColumns, String description) {
  public TableSchema {
    requireNonNull(name, "name is null");
    requireNonNull(schema, "schema is null");
    optionalColumns = Set.copyOf(optionalColumns);
    requireNonNull(description, "description is null");
    for (String column : optionalColumns) {
      if (!Arrays.asList(schema.fieldNames()).contains(column)) {
        throw new IllegalArgumentException("Cannot declare optional column: not in schema of " + name + " (" + column + ")");
      }
    }
  }

  public List<String> columnNames() {
    return List.of(schema.fieldNames());
  }

  /** Columns a file must have: every column that is not optional. */
  public List<String> requiredColumns() {
    return Arrays.stream(schema.fields())
        .map(StructField::name)
        .filter(n -> !optionalColumns.contains(n))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Columns whose value may not be empty in an accepted row. */
  public List<String> nonNullColumns() {
    return Arrays.stream(schema.fields())
        .filter(f -> !f.nullable())
        .map(StructField::name)
        .collect(Collectors.toUnmodifiableList());
  }

  public StructField field(String column) {
    return schema.apply(column);
  }
}
