package uk.pophealth.demand;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/** The monthly series handed to the fitting step: one row per series and month (internal). */
final class SeriesColumns {
  static final String SERIES_KEY = "_series_key";
  static final String PARENT_CODE = "_parent_code";

  static final StructType SCHEMA = new StructType(new StructField[] {
      required(SERIES_KEY, StringType, "level, code and activity joined: the grouping key"),
      required(OutputTables.GEOGRAPHY_LEVEL, StringType, "place, ics, all or series"),
      required(OutputTables.GEOGRAPHY_CODE, StringType, "Area code or series_id"),
      optional(OutputTables.GEOGRAPHY_NAME, StringType, "Area name"),
      optional(PARENT_CODE, StringType, "ICS of a place series; empty at other levels"),
      required(OutputTables.ACTIVITY_NAME, StringType, "Activity"),
      required(DemandForecast.SERIES_KIND, StringType, "count or level"),
      required(DemandForecast.MONTH, DateType, "First day of the month"),
      optional(DemandForecast.VALUE, DoubleType, "Value for the month; empty = missing")});

  /** Separates the parts of the series key; a control character no code or activity holds. */
  static final String KEY_SEPARATOR = "\u001f";

  private SeriesColumns() {}

  static int index(String column) {
    return SCHEMA.fieldIndex(column);
  }
}
