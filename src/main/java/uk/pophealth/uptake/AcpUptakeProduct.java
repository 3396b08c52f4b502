package uk.pophealth.uptake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static uk.pophealth.schema.OutputTables.AcpUptake.BREAKDOWN;
import static uk.pophealth.schema.OutputTables.AcpUptake.BREAKDOWN_VALUE;
import static uk.pophealth.schema.OutputTables.AcpUptake.CHANGE_12M;
import static uk.pophealth.schema.OutputTables.AcpUptake.PARENT_LEVEL;
import static uk.pophealth.schema.OutputTables.AcpUptake.PARENT_UPTAKE;
import static uk.pophealth.schema.OutputTables.AcpUptake.REGISTER;
import static uk.pophealth.schema.OutputTables.AcpUptake.UPTAKE;
import static uk.pophealth.schema.OutputTables.AcpUptake.WITH_ACP;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.PARENT_CODE;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.schema.OutputTables;

/**
 * The ACP uptake product: from the person-month dementia register joined to the footprint in force, the
 * register size, number with an ACP, uptake with Wilson 95% and 99.8% limits, the parent unit's uptake and
 * the funnel significance against it, and the change from 12 months earlier — per period end x geography
 * level x breakdown. Counts are not yet disclosure-controlled: the publish layer does that.
 */
public final class AcpUptakeProduct {
  private AcpUptakeProduct() {}

  /**
   * @param registerWithFootprint the register ({@link CohortColumns#REGISTER}) plus the footprint columns
   *     practice_name, pcn_code, pcn_name, place_code, place_name, ics_code, ics_name in force at period_end
   */
  public static Dataset<Row> compute(Dataset<Row> registerWithFootprint) {
    Dataset<Row> counts = UptakeCounts.of(registerWithFootprint)
        .withColumn(UPTAKE, col(WITH_ACP).divide(col(REGISTER)));
    Dataset<Row> withParent = addParentUptake(counts);
    Dataset<Row> withChange = withChangeFrom12MonthsEarlier(withParent);
    Dataset<Row> withIntervals = UptakeIntervals.add(withChange)
        .withColumn(OutputTables.SUPPRESSED, lit(false));
    return withIntervals.select(java.util.Arrays.stream(OutputTables.AcpUptake.SCHEMA.schema().fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /**
   * The parent unit's uptake, as the sum of its children's counts (a window over the children of one parent,
   * period and breakdown value), not a join back to the parent's row: every person-month is counted once at
   * each level, so a unit's register and ACP counts are exactly the sums over its children's, and the counts are
   * computed once instead of once per join side (at England scale each pass over the register costs minutes).
   */
  private static Dataset<Row> addParentUptake(Dataset<Row> counts) {
    WindowSpec siblings = Window.partitionBy(col(CohortColumns.PERIOD_END), col(PARENT_LEVEL),
        col(PARENT_CODE), col(BREAKDOWN), col(BREAKDOWN_VALUE));
    Column parent = sum(col(WITH_ACP)).over(siblings)
        .divide(sum(col(REGISTER)).over(siblings));
    return counts.withColumn(PARENT_UPTAKE, when(col(PARENT_CODE).isNotNull(), parent));
  }

  /**
   * Sets change_12m: uptake minus the same unit's uptake exactly 12 months earlier (a range window over the month
   * number), null where either is null. Run again on the disclosure-controlled table, where a suppressed row's
   * uptake is null, so that no change is published against a suppressed month: it would give back that month's
   * uptake, and with its published register its suppressed count. The 12 earlier months must be in {@code table}.
   */
  public static Dataset<Row> withChangeFrom12MonthsEarlier(Dataset<Row> counts) {
    Column monthNumber = year(col(CohortColumns.PERIOD_END)).multiply(12).plus(month(col(CohortColumns.PERIOD_END)));
    WindowSpec yearEarlier = Window.partitionBy(col(GEOGRAPHY_LEVEL), col(GEOGRAPHY_CODE),
        col(BREAKDOWN), col(BREAKDOWN_VALUE)).orderBy(monthNumber).rangeBetween(-12, -12);
    return counts.withColumn(CHANGE_12M, col(UPTAKE).minus(first(col(UPTAKE)).over(yearEarlier)));
  }
}
