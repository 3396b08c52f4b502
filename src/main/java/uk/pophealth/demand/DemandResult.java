package uk.pophealth.demand;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables;

/**
 * The two tables of the demand product, in the declared column order. Both are computed from one fitting pass that
 * is cached; call {@link #release()} once both are written.
 *
 * @param forecasts demand_forecast ({@link OutputTables.DemandForecast#SCHEMA})
 * @param accuracy  forecast_accuracy ({@link OutputTables.ForecastAccuracy#SCHEMA})
 * @param cached    the cached frames both are read from (the facts, the fitting pass, the reconciliation scores)
 */
public record DemandResult(Dataset<Row> forecasts, Dataset<Row> accuracy, List<Dataset<Row>> cached) {
  public DemandResult {
    requireNonNull(forecasts, "forecasts is null");
    requireNonNull(accuracy, "accuracy is null");
    cached = List.copyOf(cached);
  }

  /** Drops the cached frames. */
  public void release() {
    cached.forEach(Dataset::unpersist);
  }
}
