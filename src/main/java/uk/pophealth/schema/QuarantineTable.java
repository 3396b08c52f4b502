package uk.pophealth.schema;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Quarantined input rows, written to the restricted quarantine location (never beside published outputs),
 * one Parquet folder per input table: {@code <quarantine>/<table_name>/}. Person identifiers in
 * {@link #RAW_VALUES} are masked (all but the last 3 characters replaced by '*').
 */
public final class QuarantineTable {
  public static final String TABLE_NAME = "table_name";
  public static final String RULE = "rule";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RAW_VALUES = "raw_values";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      required(TABLE_NAME, StringType, "Input table the row was read for"),
      required(RULE, StringType, "The first rule the row broke (precedence in uk.pophealth.ingest.RowRules)"),
      required(SOURCE_FILE, StringType, "File the row was read from"),
      required(LINE_NUMBER, LongType, "1-based line number in the file (row position for Parquet)"),
      optional(RAW_VALUES, DataTypes.createMapType(StringType, StringType, true),
          "The row's values as read (column name to text), person identifiers masked")});

  private QuarantineTable() {}
}
