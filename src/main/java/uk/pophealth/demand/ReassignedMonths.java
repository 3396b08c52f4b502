package uk.pophealth.demand;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.geography.AreaMonth;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.Projection;

/**
 * demand_forecast counts each area's whole history on the footprint in force at the forecast origin, so that a
 * series is one area throughout; acp_uptake and the referral tables count each month on the footprint in force then
 * (unless re-based to the same date). Before a boundary change the two carry the same code for different areas, and
 * a reader could difference them: demand's ZP003 in June 2022 less acp_uptake's ZP003 is the part that moved in
 * July (issue 24). Under disclosure control the actuals of those areas and months
 * ({@link uk.pophealth.geography.FootprintResolver#reassigned}) are therefore withheld: count and value null,
 * suppressed set, {@value #NOTE} in fit_note. The models skip them as they skip a suppressed month. Their place's
 * other months, the places that did not move, and the all-areas total are published as usual.
 */
public final class ReassignedMonths {
  /** The fit_note of a withheld actual. */
  public static final String NOTE =
      "withheld: this area's footprint in this month differs from the one in force at the forecast origin";
  private static final String HIT = "__reassigned";
  private static final StructType SCHEMA = new StructType()
      .add(OutputTables.GEOGRAPHY_LEVEL, DataTypes.StringType, false)
      .add(OutputTables.GEOGRAPHY_CODE, DataTypes.StringType, false)
      .add(DemandForecast.MONTH, DataTypes.DateType, false)
      .add(HIT, DataTypes.BooleanType, false);

  private ReassignedMonths() {}

  /**
   * The rows with the actuals of the given area-months withheld; every other row as it was. An area the footprint
   * does not place (null code) is demand's {@link Activities#UNKNOWN}.
   */
  public static Dataset<Row> withhold(SparkSession spark, Dataset<Row> rows, Set<AreaMonth> reassigned) {
    if (reassigned.isEmpty()) {
      return rows;
    }
    List<Row> areaMonths = reassigned.stream().map(a -> RowFactory.create(a.level(),
        a.code() == null ? Activities.UNKNOWN : a.code(), Date.valueOf(a.month().atDay(1)), true)).toList();
    Dataset<Row> withheld = spark.createDataFrame(areaMonths, SCHEMA);
    Column join = rows.col(OutputTables.GEOGRAPHY_LEVEL).equalTo(withheld.col(OutputTables.GEOGRAPHY_LEVEL))
        .and(rows.col(OutputTables.GEOGRAPHY_CODE).equalTo(withheld.col(OutputTables.GEOGRAPHY_CODE)))
        .and(rows.col(DemandForecast.MONTH).equalTo(withheld.col(DemandForecast.MONTH)));
    Dataset<Row> marked = rows.join(broadcast(withheld), join, "left")
        .select(rows.col("*"), withheld.col(HIT));
    Column hit = col(HIT).isNotNull().and(col(DemandForecast.KIND).equalTo(DemandForecast.KIND_ACTUAL));
    Map<String, Column> replaced = new HashMap<>();
    replaced.put(DemandForecast.ACTUAL_COUNT, when(hit, lit(null).cast(DataTypes.LongType))
        .otherwise(col(DemandForecast.ACTUAL_COUNT)));
    replaced.put(DemandForecast.VALUE, when(hit, lit(null).cast(DataTypes.DoubleType))
        .otherwise(col(DemandForecast.VALUE)));
    replaced.put(OutputTables.SUPPRESSED, col(OutputTables.SUPPRESSED).or(hit));
    replaced.put(DemandForecast.FIT_NOTE, when(hit, concat_ws("; ", col(DemandForecast.FIT_NOTE), lit(NOTE)))
        .otherwise(col(DemandForecast.FIT_NOTE)));
    return Projection.replacing(marked, rows.columns(), replaced);
  }
}
