package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;

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
    List<Column> columns = new ArrayList<>();
    for (String name : disclosed.columns()) {
      Column value = col(name);
      if (FITTED_FIGURES.contains(name)) {
        value = when(fitted, lit(null).cast(disclosed.schema().apply(name).dataType())).otherwise(value);
      } else if (name.equals(DemandForecast.MODEL_PARAMETERS)) {
        value = lit(null).cast(disclosed.schema().apply(name).dataType());
      } else if (name.equals(DemandForecast.SUPPRESSED)) {
        value = value.or(fitted);
      }
      columns.add(value.as(name));
    }
    return disclosed.select(columns.toArray(new Column[0]));
  }
}
