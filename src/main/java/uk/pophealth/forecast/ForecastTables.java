package uk.pophealth.forecast;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.field;

import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.TableSchema;

/**
 * The demand_forecast and forecast_accuracy output schemas, with the column names and order the publish layer
 * declares. TODO: delete this class and point every reference at uk.pophealth.schema.OutputTables once it is in
 * main (the names here are that declaration's names, so the switch is a change of import).
 */
public final class ForecastTables {
  private ForecastTables() {}

  private static final String NONE = "";
  private static final String DATE = "date";
  private static final String PROPORTION = "proportion 0-1";
  private static final String ACTIVITY = "activity per month";

  public static final String LEVEL_PLACE = "place";
  public static final String LEVEL_ICS = "ics";
  public static final String LEVEL_ALL = "all";
  public static final String LEVEL_SERIES = "series";

  /** Monthly actuals, fitted values and forecasts with prediction intervals, per area and activity. */
  public static final class DemandForecast {
    public static final String NAME = "demand_forecast";
    public static final String FORECAST_ORIGIN = "forecast_origin";
    public static final String GEOGRAPHY_LEVEL = "geography_level";
    public static final String GEOGRAPHY_CODE = "geography_code";
    public static final String GEOGRAPHY_NAME = "geography_name";
    public static final String ACTIVITY_NAME = "activity";
    public static final String LOWER95 = "lower95";
    public static final String UPPER95 = "upper95";
    public static final String MODEL = "model";
    public static final String MONTH = "month";
    public static final String KIND = "kind";
    public static final String VALUE = "value";
    public static final String LOWER80 = "lower80";
    public static final String UPPER80 = "upper80";
    public static final String MODEL_PARAMETERS = "model_parameters";
    public static final String SERIES_KIND = "series_kind";
    public static final String DEMOGRAPHIC_PROJECTION = "demographic_projection";
    public static final String CAPACITY = "capacity";
    public static final String UTILISATION = "utilisation";
    public static final String UTILISATION_UPPER95 = "utilisation_upper95";
    public static final String CAPACITY_EXCEEDED_FROM = "capacity_exceeded_from";

    public static final String KIND_ACTUAL = "actual";
    public static final String KIND_FITTED = "fitted";
    public static final String KIND_FORECAST = "forecast";
    public static final String SERIES_COUNT = "count";
    public static final String SERIES_LEVEL = "level";

    public static final TableSchema SCHEMA = new TableSchema(NAME, new StructType(new StructField[] {
        field(FORECAST_ORIGIN, DateType, false, "First day of the last month of history the forecast was made from", DATE),
        field(GEOGRAPHY_LEVEL, StringType, false, "Level of the area: place, ics, all, or series (an analyst's own series)",
            NONE),
        field(GEOGRAPHY_CODE, StringType, false,
            "Code of the area on the current footprint (series_id for an analyst's own series)", NONE),
        field(ACTIVITY_NAME, StringType, false,
            "What is forecast, e.g. social care requests, assessments, new services, reviews, referrals per service, "
                + "dementia register size",
            NONE),
        field(MONTH, DateType, false, "First day of the month the value is for", DATE),
        field(KIND, StringType, false, "actual, fitted (one-step-ahead in-sample) or forecast", NONE),
        field(VALUE, DoubleType, true, "The actual, fitted or forecast value (forecasts reconciled across the hierarchy)",
            ACTIVITY),
        field(LOWER80, DoubleType, true, "80% prediction interval lower limit (forecast rows)", ACTIVITY),
        field(UPPER80, DoubleType, true, "80% prediction interval upper limit (forecast rows)", ACTIVITY),
        field(LOWER95, DoubleType, true, "95% prediction interval lower limit (forecast rows)", ACTIVITY),
        field(UPPER95, DoubleType, true, "95% prediction interval upper limit (forecast rows)", ACTIVITY),
        field(MODEL, StringType, false, "Model chosen for the series, e.g. ETS(A,Ad,M), Theta, SNaive", NONE),
        field(GEOGRAPHY_NAME, StringType, true, "Name of the area on the current footprint", NONE),
        field(SERIES_KIND, StringType, false,
            "What the value measures: count (events in the month) or level (people at the month end, e.g. register size)",
            NONE),
        field(MODEL_PARAMETERS, StringType, true,
            "Fitted parameters of the model as name=value pairs separated by ';' (e.g. alpha=0.31;beta=0.02;phi=0.98)",
            NONE),
        field(DEMOGRAPHIC_PROJECTION, DoubleType, true,
            "Activity projected from age-specific rates per head x projected population (when population projections "
                + "are given)",
            ACTIVITY),
        field(CAPACITY, DoubleType, true, "Commissioned capacity for the month (when a capacity table is given)", ACTIVITY),
        field(UTILISATION, DoubleType, true, "value / capacity", PROPORTION),
        field(UTILISATION_UPPER95, DoubleType, true, "upper95 / capacity", PROPORTION),
        field(CAPACITY_EXCEEDED_FROM, DateType, true,
            "First forecast month whose 95% upper limit exceeds capacity (same on every row of the series); null if none",
            DATE)}),
        Set.of(), "Demand series per area and activity: actuals, fitted values and forecasts with 80% and 95% "
            + "prediction intervals, demographic projection and capacity.");

    private DemandForecast() {}
  }

  /** Rolling-origin backtest accuracy per series and model, the chosen model's beside the benchmark's. */
  public static final class ForecastAccuracy {
    public static final String NAME = "forecast_accuracy";
    public static final String FORECAST_ORIGIN = "forecast_origin";
    public static final String GEOGRAPHY_LEVEL = "geography_level";
    public static final String GEOGRAPHY_CODE = "geography_code";
    public static final String ACTIVITY_NAME = "activity";
    public static final String MODEL = "model";
    public static final String MASE = "mase";
    public static final String SMAPE = "smape";
    public static final String COVERAGE80 = "coverage80";
    public static final String COVERAGE95 = "coverage95";
    public static final String ORIGINS = "origins";
    public static final String MODEL_ROLE = "model_role";
    public static final String WINKLER95 = "winkler95";
    public static final String MAX_HORIZON = "max_horizon";

    public static final String ROLE_CHOSEN = "chosen";
    public static final String ROLE_BENCHMARK = "benchmark";

    public static final TableSchema SCHEMA = new TableSchema(NAME, new StructType(new StructField[] {
        field(FORECAST_ORIGIN, DateType, false, "Forecast origin of the run the backtest belongs to", DATE),
        field(GEOGRAPHY_LEVEL, StringType, false, "Level of the area: place, ics, all or series", NONE),
        field(GEOGRAPHY_CODE, StringType, false, "Code of the area (series_id for an analyst's own series)", NONE),
        field(ACTIVITY_NAME, StringType, false, "What is forecast (as in demand_forecast)", NONE),
        field(MODEL, StringType, false, "Model the accuracy is for", NONE),
        field(MASE, DoubleType, true, "Mean absolute scaled error (scaled by the in-sample seasonal-naive error)", "ratio"),
        field(SMAPE, DoubleType, true, "Symmetric mean absolute percentage error", "percent 0-200"),
        field(COVERAGE80, DoubleType, true, "Share of backtest actuals inside the 80% interval", PROPORTION),
        field(COVERAGE95, DoubleType, true, "Share of backtest actuals inside the 95% interval", PROPORTION),
        field(ORIGINS, IntegerType, false, "Number of rolling origins in the backtest", "origins"),
        field(MODEL_ROLE, StringType, false,
            "chosen (the model in demand_forecast), benchmark (seasonal naive) or candidate", NONE),
        field(WINKLER95, DoubleType, true, "Mean Winkler interval score of the 95% interval (lower is better)", ACTIVITY),
        field(MAX_HORIZON, IntegerType, true, "Longest horizon in months scored at each origin", "months")}),
        Set.of(), "Rolling-origin backtest accuracy per series and model, the chosen model beside the benchmark.");

    private ForecastAccuracy() {}
  }
}
