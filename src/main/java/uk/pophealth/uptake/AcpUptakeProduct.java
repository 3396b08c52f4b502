package uk.pophealth.uptake;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.schema.OutputTables;

/**
 * The ACP uptake product: from the person-month dementia register joined to the footprint in force, the
 * register size, number with an ACP, uptake with Wilson 95% and 99.8% limits, the parent unit's uptake and
 * the funnel significance against it, and the change from 12 months earlier — per period end x geography
 * level x breakdown. Counts are not yet disclosure-controlled: the publish layer does that.
 */
public final class AcpUptakeProduct {
  static final String UPTAKE = OutputTables.AcpUptake.UPTAKE;
  static final String PARENT_UPTAKE = OutputTables.AcpUptake.PARENT_UPTAKE;
  static final String CHANGE_12M = OutputTables.AcpUptake.CHANGE_12M;
  static final String FUNNEL_FLAG = OutputTables.AcpUptake.FUNNEL_FLAG;

  private AcpUptakeProduct() {}

  /**
   * @param registerWithFootprint the register ({@link CohortColumns#REGISTER}) plus the footprint columns
   *     practice_name, pcn_code, pcn_name, place_code, place_name, ics_code, ics_name in force at period_end
   */
  public static Dataset<Row> compute(Dataset<Row> registerWithFootprint) {
    Dataset<Row> counts = UptakeCounts.of(registerWithFootprint)
        .withColumn(UPTAKE, col(UptakeCounts.WITH_ACP).divide(col(UptakeCounts.REGISTER)));
    Dataset<Row> withParent = addParentUptake(counts);
    Dataset<Row> withChange = addChangeFrom12MonthsEarlier(withParent);
    Dataset<Row> withIntervals = UptakeIntervals.add(withChange)
        .withColumn(OutputTables.AcpUptake.SUPPRESSED, lit(false));
    return withIntervals.select(java.util.Arrays.stream(OutputTables.AcpUptake.SCHEMA.schema().fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  private static Dataset<Row> addParentUptake(Dataset<Row> counts) {
    Dataset<Row> parents = counts.select(
        col(CohortColumns.PERIOD_END).as("_p_period"), col(UptakeCounts.LEVEL).as("_p_level"),
        col(UptakeCounts.CODE).as("_p_code"), col(UptakeCounts.BREAKDOWN).as("_p_breakdown"),
        col(UptakeCounts.BREAKDOWN_VALUE).as("_p_value"), col(UPTAKE).as(PARENT_UPTAKE));
    Column match = col(CohortColumns.PERIOD_END).equalTo(col("_p_period"))
        .and(col(UptakeCounts.PARENT_LEVEL).equalTo(col("_p_level")))
        .and(col(UptakeCounts.PARENT_CODE).equalTo(col("_p_code")))
        .and(col(UptakeCounts.BREAKDOWN).equalTo(col("_p_breakdown")))
        .and(col(UptakeCounts.BREAKDOWN_VALUE).equalTo(col("_p_value")));
    return counts.join(parents, match, "left").drop("_p_period", "_p_level", "_p_code", "_p_breakdown", "_p_value");
  }

  private static Dataset<Row> addChangeFrom12MonthsEarlier(Dataset<Row> counts) {
    Dataset<Row> earlier = counts.select(
        last_day(add_months(col(CohortColumns.PERIOD_END), 12)).as("_e_period"), col(UptakeCounts.LEVEL).as("_e_level"),
        col(UptakeCounts.CODE).as("_e_code"), col(UptakeCounts.BREAKDOWN).as("_e_breakdown"),
        col(UptakeCounts.BREAKDOWN_VALUE).as("_e_value"), col(UPTAKE).as("_e_uptake"));
    Column match = col(CohortColumns.PERIOD_END).equalTo(col("_e_period"))
        .and(col(UptakeCounts.LEVEL).equalTo(col("_e_level")))
        .and(col(UptakeCounts.CODE).equalTo(col("_e_code")))
        .and(col(UptakeCounts.BREAKDOWN).equalTo(col("_e_breakdown")))
        .and(col(UptakeCounts.BREAKDOWN_VALUE).equalTo(col("_e_value")));
    return counts.join(earlier, match, "left")
        .withColumn(CHANGE_12M, when(col("_e_uptake").isNull(), lit(null).cast("double"))
            .otherwise(col(UPTAKE).minus(col("_e_uptake"))))
        .drop("_e_period", "_e_level", "_e_code", "_e_breakdown", "_e_value", "_e_uptake");
  }
}
