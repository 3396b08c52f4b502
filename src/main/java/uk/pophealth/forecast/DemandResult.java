package uk.pophealth.forecast;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables;

/**
 * The two tables of the demand product, in the declared column order. Both are computed from one fitting pass that
 * is cached; call {@link #release()} once both are written.
 *
 * @param forecasts demand_forecast ({@link OutputTables.DemandForecast#SCHEMA})
 * @param accuracy  forecast_accuracy ({@link OutputTables.ForecastAccuracy#SCHEMA})
 * @param fits      the cached fitting pass both are read from
 */
public record DemandResult(Dataset<Row> forecasts, Dataset<Row> accuracy, Dataset<Row> fits) {
  public DemandResult {
    requireNonNull(forecasts, "forecasts is null");
    requireNonNull(accuracy, "accuracy is null");
    requireNonNull(fits, "fits is null");
  }

  /** Drops the cached fitting pass. */
  public void release() {
    fits.unpersist();
  }
}
