package uk.pophealth.forecast;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;

/**
 * What the fitting step emits per series (internal): month rows (actual, fitted, forecast), accuracy rows (the
 * chosen model's backtest and the benchmark's) and backtest rows (each point forecast the chosen model's backtest
 * made, with its actual, so the hierarchy's reconciliation can be backtested) in one schema, told apart by
 * {@link #RECORD}, so one pass over the series feeds both output tables.
 */
final class FitColumns {
  static final String RECORD = "_record";
  static final String RECORD_MONTH = "month";
  static final String RECORD_ACCURACY = "accuracy";
  static final String RECORD_BACKTEST = "backtest";

  static final String FORECAST_ORIGIN = DemandForecast.FORECAST_ORIGIN;
  static final String LEVEL = SeriesColumns.LEVEL;
  static final String CODE = SeriesColumns.CODE;
  static final String NAME = SeriesColumns.NAME;
  static final String PARENT_CODE = SeriesColumns.PARENT_CODE;
  static final String ACTIVITY = SeriesColumns.ACTIVITY;
  static final String SERIES_KIND = SeriesColumns.SERIES_KIND;
  static final String MONTH = DemandForecast.MONTH;
  static final String KIND = DemandForecast.KIND;
  static final String VALUE = DemandForecast.VALUE;
  static final String LOWER80 = DemandForecast.LOWER80;
  static final String UPPER80 = DemandForecast.UPPER80;
  static final String LOWER95 = DemandForecast.LOWER95;
  static final String UPPER95 = DemandForecast.UPPER95;
  static final String MODEL = DemandForecast.MODEL;
  static final String MODEL_PARAMETERS = DemandForecast.MODEL_PARAMETERS;
  static final String MODEL_ROLE = ForecastAccuracy.MODEL_ROLE;
  static final String MASE = ForecastAccuracy.MASE;
  static final String SMAPE = ForecastAccuracy.SMAPE;
  static final String COVERAGE80 = ForecastAccuracy.COVERAGE80;
  static final String COVERAGE95 = ForecastAccuracy.COVERAGE95;
  static final String WINKLER95 = ForecastAccuracy.WINKLER95;
  static final String ORIGINS = ForecastAccuracy.ORIGINS;
  static final String MAX_HORIZON = ForecastAccuracy.MAX_HORIZON;
  static final String BACKTEST_ORIGIN = "_backtest_origin";
  static final String ACTUAL = "_actual";
  static final String SCALE = "_scale";
  static final String FIT_NOTE = DemandForecast.FIT_NOTE;

  static final StructType SCHEMA = new StructType(new StructField[] {
      required(RECORD, StringType, "month or accuracy"),
      required(FORECAST_ORIGIN, DateType, "First day of the series' last month of history"),
      required(LEVEL, StringType, "Geography level"),
      required(CODE, StringType, "Geography code"),
      optional(NAME, StringType, "Geography name"),
      optional(PARENT_CODE, StringType, "ICS of a place"),
      required(ACTIVITY, StringType, "Activity"),
      required(SERIES_KIND, StringType, "count or level"),
      optional(MONTH, DateType, "Month (month records)"),
      optional(KIND, StringType, "actual, fitted or forecast (month records)"),
      optional(VALUE, DoubleType, "Value"),
      optional(LOWER80, DoubleType, "80% lower limit"),
      optional(UPPER80, DoubleType, "80% upper limit"),
      optional(LOWER95, DoubleType, "95% lower limit"),
      optional(UPPER95, DoubleType, "95% upper limit"),
      required(MODEL, StringType, "Model"),
      optional(MODEL_PARAMETERS, StringType, "Parameters name=value;..."),
      optional(MODEL_ROLE, StringType, "chosen or benchmark (accuracy records)"),
      optional(MASE, DoubleType, "Backtest MASE"),
      optional(SMAPE, DoubleType, "Backtest sMAPE"),
      optional(COVERAGE80, DoubleType, "Backtest 80% coverage"),
      optional(COVERAGE95, DoubleType, "Backtest 95% coverage"),
      optional(WINKLER95, DoubleType, "Backtest Winkler score"),
      optional(ORIGINS, IntegerType, "Backtest origins used"),
      optional(MAX_HORIZON, IntegerType, "Backtest horizon"),
      optional(BACKTEST_ORIGIN, DateType, "Last training month of a backtest origin (backtest records)"),
      optional(ACTUAL, DoubleType, "The actual a backtest forecast is scored against (backtest records)"),
      optional(SCALE, DoubleType, "MASE's divisor at that origin; null when unusable (backtest records)"),
      optional(FIT_NOTE, StringType, "Fallback or not-forecast notes of the series (month records)")});

  private FitColumns() {}
}
