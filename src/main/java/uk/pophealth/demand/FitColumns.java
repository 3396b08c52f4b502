package uk.pophealth.demand;

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
import uk.pophealth.schema.OutputTables;

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

  static final String BACKTEST_ORIGIN = "_backtest_origin";
  static final String ACTUAL = "_actual";
  static final String SCALE = "_scale";

  static final StructType SCHEMA = new StructType(new StructField[] {
      required(RECORD, StringType, "month or accuracy"),
      required(OutputTables.FORECAST_ORIGIN, DateType, "First day of the series' last month of history"),
      required(OutputTables.GEOGRAPHY_LEVEL, StringType, "Geography level"),
      required(OutputTables.GEOGRAPHY_CODE, StringType, "Geography code"),
      optional(OutputTables.GEOGRAPHY_NAME, StringType, "Geography name"),
      optional(SeriesColumns.PARENT_CODE, StringType, "ICS of a place"),
      required(OutputTables.ACTIVITY_NAME, StringType, "Activity"),
      required(DemandForecast.SERIES_KIND, StringType, "count or level"),
      optional(DemandForecast.MONTH, DateType, "Month (month records)"),
      optional(DemandForecast.KIND, StringType, "actual, fitted or forecast (month records)"),
      optional(DemandForecast.VALUE, DoubleType, "Value"),
      optional(DemandForecast.LOWER80, DoubleType, "80% lower limit"),
      optional(DemandForecast.UPPER80, DoubleType, "80% upper limit"),
      optional(OutputTables.LOWER95, DoubleType, "95% lower limit"),
      optional(OutputTables.UPPER95, DoubleType, "95% upper limit"),
      required(OutputTables.MODEL, StringType, "Model"),
      optional(DemandForecast.MODEL_PARAMETERS, StringType, "Parameters name=value;..."),
      optional(ForecastAccuracy.MODEL_ROLE, StringType, "chosen or benchmark (accuracy records)"),
      optional(ForecastAccuracy.MASE, DoubleType, "Backtest MASE"),
      optional(ForecastAccuracy.SMAPE, DoubleType, "Backtest sMAPE"),
      optional(ForecastAccuracy.COVERAGE80, DoubleType, "Backtest 80% coverage"),
      optional(ForecastAccuracy.COVERAGE95, DoubleType, "Backtest 95% coverage"),
      optional(ForecastAccuracy.WINKLER95, DoubleType, "Backtest Winkler score"),
      optional(ForecastAccuracy.ORIGINS, IntegerType, "Backtest origins used"),
      optional(ForecastAccuracy.MAX_HORIZON, IntegerType, "Backtest horizon"),
      optional(BACKTEST_ORIGIN, DateType, "Last training month of a backtest origin (backtest records)"),
      optional(ACTUAL, DoubleType, "The actual a backtest forecast is scored against (backtest records)"),
      optional(SCALE, DoubleType, "MASE's divisor at that origin; null when unusable (backtest records)"),
      optional(DemandForecast.FIT_NOTE, StringType, "Fallback or not-forecast notes of the series (month records)")});

  private FitColumns() {}
}
