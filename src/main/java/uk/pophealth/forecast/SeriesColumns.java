package uk.pophealth.forecast;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables;

/** The monthly series handed to the fitting step: one row per series and month (internal). */
final class SeriesColumns {
  static final String SERIES_KEY = "_series_key";
  static final String LEVEL = OutputTables.DemandForecast.GEOGRAPHY_LEVEL;
  static final String CODE = OutputTables.DemandForecast.GEOGRAPHY_CODE;
  static final String NAME = OutputTables.DemandForecast.GEOGRAPHY_NAME;
  static final String PARENT_CODE = "_parent_code";
  static final String ACTIVITY = OutputTables.DemandForecast.ACTIVITY_NAME;
  static final String SERIES_KIND = OutputTables.DemandForecast.SERIES_KIND;
  static final String MONTH = OutputTables.DemandForecast.MONTH;
  static final String VALUE = OutputTables.DemandForecast.VALUE;

  static final StructType SCHEMA = new StructType(new StructField[] {
      required(SERIES_KEY, StringType, "level, code and activity joined: the grouping key"),
      required(LEVEL, StringType, "place, ics, all or series"),
      required(CODE, StringType, "Area code or series_id"),
      optional(NAME, StringType, "Area name"),
      optional(PARENT_CODE, StringType, "ICS of a place series; empty at other levels"),
      required(ACTIVITY, StringType, "Activity"),
      required(SERIES_KIND, StringType, "count or level"),
      required(MONTH, DateType, "First day of the month"),
      optional(VALUE, DoubleType, "Value for the month; empty = missing")});

  /** Separates the parts of the series key; a control character no code or activity holds. */
  static final String KEY_SEPARATOR = "\u001f";

  private SeriesColumns() {}

  static int index(String column) {
    return SCHEMA.fieldIndex(column);
  }
}
