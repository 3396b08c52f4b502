package uk.pophealth.demand;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.Projection;

/**
 * Under disclosure control the demand models are fitted on the published series, where a suppressed month is
 * missing. Small counts (1-7) are suppressed and zeros are not, so in a series of mostly small counts the months a
 * model sees are its zeros and its counts above 7: not missing at random, and its fitted values and forecasts are
 * biased. A series with more than {@value #MAX_SUPPRESSED_SHARE} of its months of history suppressed is therefore
 * published without fitted values or forecasts (value, limits and utilisation null, suppressed set, {@value #NOTE}
 * added to fit_note); its actuals,
 * and its ICS's and all-areas forecasts, are published as usual. On the sample, forecasts of the series with a
 * quarter or more of their months suppressed differed from those fitted on the exact counts by a median 46-100%,
 * those with less by 2.5-10% (docs/benchmarks.md).
 */
public final class SparseSeriesWithholding {
  public static final double MAX_SUPPRESSED_SHARE = 0.25;
  /** Added to the fit_note of every row withheld (after any note the fit gave). */
  static final String NOTE = "not forecast under disclosure control: more than a quarter of its months suppressed";
  private static final String SHARE = "__suppressed_share";
  private static final List<String> MODELLED = List.of(DemandForecast.VALUE, DemandForecast.LOWER80,
      DemandForecast.UPPER80, OutputTables.LOWER95, OutputTables.UPPER95, DemandForecast.UTILISATION,
      DemandForecast.UTILISATION_UPPER95);

  private SparseSeriesWithholding() {}

  static Dataset<Row> withhold(Dataset<Row> disclosed) {
    Column actual = col(DemandForecast.KIND).equalTo(DemandForecast.KIND_ACTUAL);
    Dataset<Row> shared = disclosed.withColumn(SHARE, avg(when(actual, col(OutputTables.SUPPRESSED).cast(
        DataTypes.DoubleType))).over(Window.partitionBy(col(OutputTables.FORECAST_ORIGIN),
            col(OutputTables.GEOGRAPHY_LEVEL), col(OutputTables.GEOGRAPHY_CODE), col(OutputTables.ACTIVITY_NAME))));
    Column withheld = col(SHARE).gt(MAX_SUPPRESSED_SHARE).and(not(actual));
    Map<String, Column> replaced = new HashMap<>();
    for (String name : MODELLED) {
      replaced.put(name, when(withheld, lit(null).cast(disclosed.schema().apply(name).dataType()))
          .otherwise(col(name)));
    }
    replaced.put(OutputTables.SUPPRESSED, col(OutputTables.SUPPRESSED).or(withheld));
    replaced.put(DemandForecast.FIT_NOTE, when(withheld, concat_ws("; ", col(DemandForecast.FIT_NOTE), lit(NOTE)))
        .otherwise(col(DemandForecast.FIT_NOTE)));
    return Projection.replacing(shared, disclosed.columns(), replaced);
  }
}
