package uk.pophealth.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * Bottom-up reconciliation: the point forecast of every ICS is the sum of its places' point forecasts and that of
 * all areas the sum of every place's, so the published forecasts add up exactly. Intervals of an aggregated series
 * are its own (direct) model's intervals recentred on the bottom-up point: each limit moves by (bottom-up point -
 * direct point), keeping the direct model's widths. Those widths come from the aggregated history itself, so they
 * carry the correlation between places (shared seasonality, shared shocks) that summing place variances as if
 * independent would miss. Lower limits are then clipped at zero. Actual and fitted rows are unchanged (actuals are
 * sums already; fitted values are the direct model's).
 */
final class BottomUp {
  /** Prefix of the model name of a reconciled aggregated series, e.g. BottomUp/ETS(A,N,A). */
  static final String MODEL_PREFIX = "BottomUp/";
  static final String PARAMETERS_PREFIX = "reconciliation=bottom-up;interval_model=";

  private static final String SUM = "_bottom_up";
  private static final String S_LEVEL = "_s_level";
  private static final String S_CODE = "_s_code";
  private static final String S_ACTIVITY = "_s_activity";
  private static final String S_MONTH = "_s_month";

  private BottomUp() {}

  /** @param monthRows the month records of the fitting pass ({@link FitColumns}) at levels place, ics and all */
  static Dataset<Row> reconcile(Dataset<Row> monthRows) {
    Column isForecast = col(FitColumns.KIND).equalTo(lit(DemandForecast.KIND_FORECAST));
    Dataset<Row> bottom = monthRows.filter(col(FitColumns.LEVEL).equalTo(lit(OutputTables.LEVEL_PLACE)).and(isForecast));
    Dataset<Row> icsSums = bottom.groupBy(col(FitColumns.PARENT_CODE).as(S_CODE), col(FitColumns.ACTIVITY).as(S_ACTIVITY),
            col(FitColumns.MONTH).as(S_MONTH))
        .agg(OrderedSum.of(FitColumns.VALUE).as(SUM))
        .withColumn(S_LEVEL, lit(OutputTables.LEVEL_ICS));
    Dataset<Row> allSums = bottom.groupBy(col(FitColumns.ACTIVITY).as(S_ACTIVITY), col(FitColumns.MONTH).as(S_MONTH))
        .agg(OrderedSum.of(FitColumns.VALUE).as(SUM))
        .withColumn(S_CODE, lit(Activities.ALL))
        .withColumn(S_LEVEL, lit(OutputTables.LEVEL_ALL));
    Dataset<Row> sums = icsSums.unionByName(allSums);
    Column match = col(FitColumns.LEVEL).equalTo(col(S_LEVEL)).and(col(FitColumns.CODE).equalTo(col(S_CODE)))
        .and(col(FitColumns.ACTIVITY).equalTo(col(S_ACTIVITY))).and(col(FitColumns.MONTH).equalTo(col(S_MONTH)))
        .and(isForecast);
    Column reconciled = col(SUM).isNotNull();
    Column shift = col(SUM).minus(col(FitColumns.VALUE));
    Column aggregated = col(FitColumns.LEVEL).isin(OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL);
    Dataset<Row> out = monthRows.join(sums, match, "left");
    for (String limit : new String[] {FitColumns.LOWER80, FitColumns.UPPER80, FitColumns.LOWER95, FitColumns.UPPER95}) {
      out = out.withColumn(limit, when(reconciled, greatest(col(limit).plus(shift), lit(0.0))).otherwise(col(limit)));
    }
    return out
        .withColumn(FitColumns.VALUE, when(reconciled, col(SUM)).otherwise(col(FitColumns.VALUE)))
        .withColumn(FitColumns.MODEL_PARAMETERS, when(aggregated,
            concat(lit(PARAMETERS_PREFIX), col(FitColumns.MODEL), lit(";"), col(FitColumns.MODEL_PARAMETERS)))
            .otherwise(col(FitColumns.MODEL_PARAMETERS)))
        .withColumn(FitColumns.MODEL, when(aggregated, concat(lit(MODEL_PREFIX), col(FitColumns.MODEL)))
            .otherwise(col(FitColumns.MODEL)))
        .drop(SUM, S_LEVEL, S_CODE, S_ACTIVITY, S_MONTH);
  }
}
