package uk.pophealth.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/** Builds documented schema fields: the meaning and unit travel with the field into the data dictionary. */
public final class Fields {
  public static final String MEANING = "comment";
  public static final String UNIT = "unit";

  private Fields() {}

  public static StructField field(String name, DataType type, boolean nullable, String meaning, String unit) {
    Metadata metadata = new MetadataBuilder().putString(MEANING, meaning).putString(UNIT, unit).build();
    return new StructField(name, type, nullable, metadata);
  }

  public static StructField required(String name, DataType type, String meaning) {
    return field(name, type, false, meaning, "");
  }

  public static StructField optional(String name, DataType type, String meaning) {
    return field(name, type, true, meaning, "");
  }

  public static String meaning(StructField field) {
    return field.metadata().contains(MEANING) ? field.metadata().getString(MEANING) : "";
  }

  public static String unit(StructField field) {
    return field.metadata().contains(UNIT) ? field.metadata().getString(UNIT) : "";
  }
}
