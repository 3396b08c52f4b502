package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.Capacity;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * Commissioned capacity beside demand, as columns of demand_forecast on place rows: capacity for the month,
 * utilisation = value / capacity (actual and forecast rows), utilisation_upper95 = upper95 / capacity (forecast
 * rows), and capacity_exceeded_from = the first forecast month whose 95% upper limit exceeds capacity, repeated
 * on every row of the series (null if none). Capacity rows match on place_code = geography_code, activity and
 * month (any day of the month).
 */
final class CapacityUtilisation {
  private static final String C_CODE = "_c_code";
  private static final String C_ACTIVITY = "_c_activity";
  private static final String C_MONTH = "_c_month";

  private CapacityUtilisation() {}

  static Dataset<Row> add(Dataset<Row> rows, Dataset<Row> capacity) {
    Dataset<Row> commissioned = capacity.select(col(Capacity.PLACE_CODE).as(C_CODE), col(Capacity.ACTIVITY).as(C_ACTIVITY),
        trunc(col(Capacity.MONTH), "MM").as(C_MONTH), col(Capacity.CAPACITY).as(DemandForecast.CAPACITY));
    Column match = col(OutputTables.GEOGRAPHY_LEVEL).equalTo(lit(OutputTables.LEVEL_PLACE))
        .and(col(OutputTables.GEOGRAPHY_CODE).equalTo(col(C_CODE))).and(col(OutputTables.ACTIVITY_NAME)
            .equalTo(col(C_ACTIVITY)))
        .and(col(DemandForecast.MONTH).equalTo(col(C_MONTH)));
    Column kind = col(DemandForecast.KIND);
    Column forecast = kind.equalTo(lit(DemandForecast.KIND_FORECAST));
    Column usable = col(DemandForecast.CAPACITY).gt(0);
    Dataset<Row> joined = rows.join(commissioned, match, "left").drop(C_CODE, C_ACTIVITY, C_MONTH)
        .withColumn(DemandForecast.UTILISATION, when(usable.and(kind.notEqual(lit(DemandForecast.KIND_FITTED))),
            col(DemandForecast.VALUE).divide(col(DemandForecast.CAPACITY))))
        .withColumn(DemandForecast.UTILISATION_UPPER95, when(usable.and(forecast),
            col(OutputTables.UPPER95).divide(col(DemandForecast.CAPACITY))));
    Dataset<Row> exceeded = joined.filter(forecast.and(col(OutputTables.UPPER95).gt(col(DemandForecast.CAPACITY))))
        .groupBy(col(OutputTables.GEOGRAPHY_LEVEL).as("_e_level"), col(OutputTables.GEOGRAPHY_CODE).as("_e_code"),
            col(OutputTables.ACTIVITY_NAME).as("_e_activity"))
        .agg(min(col(DemandForecast.MONTH)).as(DemandForecast.CAPACITY_EXCEEDED_FROM));
    Column series = col(OutputTables.GEOGRAPHY_LEVEL).equalTo(col("_e_level")).and(col(OutputTables.GEOGRAPHY_CODE)
        .equalTo(col("_e_code")))
        .and(col(OutputTables.ACTIVITY_NAME).equalTo(col("_e_activity")));
    return joined.join(exceeded, series, "left").drop("_e_level", "_e_code", "_e_activity");
  }
}
