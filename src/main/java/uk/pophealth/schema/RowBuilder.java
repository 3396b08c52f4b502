package uk.pophealth.schema;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Builds one {@link Row} of a declared schema by column name, so that a row is written as "this column holds this
 * value" and not as the n-th of 28 positional values: adding or moving a column in the declaration is one edit, and
 * no builder has to change unless it fills the new column. Unset columns are null.
 *
 * <p>Mistakes fail at once, on the line that made them, instead of as a Spark cast error far away or a value written
 * silently into the wrong column: an undeclared column name, a value of the wrong Java type for the column's Spark
 * type, or a required (non-nullable) column never set when {@link #build()} is called. A required column set to
 * null is left to the code that checks the data (the builder only catches a forgotten column, so that moving a
 * builder onto it changes no run's outcome).
 *
 * <pre>{@code
 * RowBuilder.of(DemandForecast.SCHEMA).set(DemandForecast.MONTH, month).set(DemandForecast.VALUE, 12.0).build();
 * }</pre>
 *
 * Plain Java over a {@link StructType}: it runs on executors (inside a map function) as on the driver. A builder
 * holds one row; take a new one per row.
 */
public final class RowBuilder {
  private final String table;
  private final StructType schema;
  private final Object[] values;
  private final boolean[] set;

  private RowBuilder(String table, StructType schema) {
    this.table = requireNonNull(table, "table is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.values = new Object[schema.size()];
    this.set = new boolean[schema.size()];
  }

  /** A row of {@code table}'s declared schema; messages name the table. */
  public static RowBuilder of(TableSchema table) {
    return new RowBuilder(table.name(), table.schema());
  }

  /** A row of {@code table}'s declared schema; messages name the table. */
  public static RowBuilder of(OutputTable table) {
    return of(table.table());
  }

  /** A row of an internal schema with no table name; {@code name} says whose rows these are in messages. */
  public static RowBuilder of(String name, StructType schema) {
    return new RowBuilder(name, schema);
  }

  /**
   * Sets {@code column} to {@code value}; null is allowed.
   *
   * @throws IllegalArgumentException when the column is not declared or the value's type does not fit it
   */
  public RowBuilder set(String column, Object value) {
    int index = index(column);
    StructField field = schema.fields()[index];
    if (value != null && !fits(field.dataType(), value)) {
      throw new IllegalArgumentException(String.format("Cannot set %s.%s: a %s column cannot hold a %s (%s)", table,
          column, field.dataType().simpleString(), value.getClass().getSimpleName(), value));
    }
    values[index] = value;
    set[index] = true;
    return this;
  }

  /**
   * The row, columns in declared order, unset columns null.
   *
   * @throws IllegalArgumentException when a required (non-nullable) column was never set
   */
  public Row build() {
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (!set[i] && !fields[i].nullable()) {
        throw new IllegalArgumentException(String.format(
            "Cannot build a row of %s: required column is not set (%s)", table, fields[i].name()));
      }
    }
    return RowFactory.create(Arrays.copyOf(values, values.length));
  }

  private int index(String column) {
    Option<Object> index = schema.getFieldIndex(requireNonNull(column, "column is null"));
    if (index.isEmpty()) {
      throw new IllegalArgumentException(String.format("Cannot set %s.%s: no such column; declared are %s (%s)",
          table, column, String.join(", ", schema.fieldNames()), column));
    }
    return (Integer) index.get();
  }

  /** The external Java types Spark accepts in a {@link Row} for each Spark type this product declares. */
  private static boolean fits(DataType type, Object value) {
    if (type.equals(DataTypes.StringType)) {
      return value instanceof String;
    } else if (type.equals(DataTypes.LongType)) {
      return value instanceof Long;
    } else if (type.equals(DataTypes.IntegerType)) {
      return value instanceof Integer;
    } else if (type.equals(DataTypes.DoubleType)) {
      return value instanceof Double;
    } else if (type.equals(DataTypes.BooleanType)) {
      return value instanceof Boolean;
    } else if (type.equals(DataTypes.DateType)) {
      return value instanceof java.sql.Date || value instanceof java.time.LocalDate;
    } else if (type.equals(DataTypes.TimestampType)) {
      return value instanceof java.sql.Timestamp || value instanceof java.time.Instant;
    } else if (type.equals(DataTypes.ShortType)) {
      return value instanceof Short;
    } else if (type.equals(DataTypes.ByteType)) {
      return value instanceof Byte;
    } else if (type.equals(DataTypes.FloatType)) {
      return value instanceof Float;
    } else if (type instanceof DecimalType) {
      return value instanceof BigDecimal || value instanceof scala.math.BigDecimal
          || value instanceof org.apache.spark.sql.types.Decimal;
    } else if (type instanceof ArrayType) {
      return value instanceof java.util.List || value instanceof scala.collection.Seq || value.getClass().isArray();
    } else if (type instanceof MapType) {
      return value instanceof java.util.Map || value instanceof scala.collection.Map;
    } else if (type instanceof StructType) {
      return value instanceof Row;
    }
    return true;
  }
}
