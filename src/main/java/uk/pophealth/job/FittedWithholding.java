package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.Projection;

/**
 * Under disclosure control, demand_forecast publishes no fitted values and no model parameters. Both come from the
 * exact monthly counts: for ETS(A,N,N) the fitted value is the previous month's level, so with the published alpha
 * a month's count is its fitted value plus the next month's change of fitted value divided by alpha, exactly, and
 * the other ETS models give their counts back the same way through their published parameters. On the sample
 * run, every suppressed actual of an ETS(A,N,N) series tried came back to within 1e-5 (docs/benchmarks.md). The
 * fitted rows stay, their value and limits null and suppressed set; the actuals (controlled), the forecasts, their
 * intervals and the model's name are published.
 */
final class FittedWithholding {
  private static final List<String> FITTED_FIGURES = List.of(DemandForecast.VALUE, DemandForecast.LOWER80,
      DemandForecast.UPPER80, DemandForecast.LOWER95, DemandForecast.UPPER95, DemandForecast.UTILISATION,
      DemandForecast.UTILISATION_UPPER95);

  private FittedWithholding() {}

  static Dataset<Row> withhold(Dataset<Row> disclosed) {
    Column fitted = col(DemandForecast.KIND).equalTo(DemandForecast.KIND_FITTED);
    Map<String, Column> replaced = new HashMap<>();
    for (String name : FITTED_FIGURES) {
      replaced.put(name, when(fitted, nullOf(disclosed, name)).otherwise(col(name)));
    }
    replaced.put(DemandForecast.MODEL_PARAMETERS, nullOf(disclosed, DemandForecast.MODEL_PARAMETERS));
    replaced.put(DemandForecast.SUPPRESSED, col(DemandForecast.SUPPRESSED).or(fitted));
    return Projection.replacing(disclosed, disclosed.columns(), replaced);
  }

  private static Column nullOf(Dataset<Row> data, String name) {
    return lit(null).cast(data.schema().apply(name).dataType());
  }
}
