package uk.pophealth.uptake;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static uk.pophealth.schema.GeographyTables.ICS_CODE;
import static uk.pophealth.schema.GeographyTables.ICS_NAME;
import static uk.pophealth.schema.GeographyTables.PLACE_CODE;
import static uk.pophealth.schema.GeographyTables.PLACE_NAME;
import static uk.pophealth.schema.GeographyTables.PracticeHierarchy.PCN_CODE;
import static uk.pophealth.schema.GeographyTables.PracticeHierarchy.PCN_NAME;
import static uk.pophealth.schema.GeographyTables.PracticeHierarchy.PRACTICE_NAME;
import static uk.pophealth.schema.OutputTables.AcpUptake.BREAKDOWN;
import static uk.pophealth.schema.OutputTables.AcpUptake.BREAKDOWN_VALUE;
import static uk.pophealth.schema.OutputTables.AcpUptake.PARENT_LEVEL;
import static uk.pophealth.schema.OutputTables.AcpUptake.REGISTER;
import static uk.pophealth.schema.OutputTables.AcpUptake.VALUE_UNKNOWN;
import static uk.pophealth.schema.OutputTables.AcpUptake.WITH_ACP;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;
import static uk.pophealth.schema.OutputTables.PARENT_CODE;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.schema.OutputTables;

/**
 * Register and ACP counts per period end x geography level x breakdown, from the person-month register
 * joined to the footprint in force at each period end. Two aggregations. First per practice: the person-months
 * are hash-partitioned by practice, so each practice's counts are complete in one task, and each person-month is
 * exploded into its five breakdowns. Then every level from the practice counts: each practice row is exploded
 * into its five geography levels and summed. Counts are sums, so this equals one aggregation of every person-month
 * exploded into 5 x 5 rows, whose partial counts hardly merged before the shuffle: a task's persons are spread over
 * every practice (docs/benchmarks.md).
 */
final class UptakeCounts {
  private UptakeCounts() {}

  static Dataset<Row> of(Dataset<Row> registerWithFootprint) {
    return everyLevel(perPractice(registerWithFootprint));
  }

  /** Counts per period end x practice (with its footprint columns) x breakdown. */
  private static Dataset<Row> perPractice(Dataset<Row> registerWithFootprint) {
    Column unknownPcn = lit(VALUE_UNKNOWN);
    Column practice = coalesce(col(CohortColumns.PRACTICE_CODE), unknownPcn);
    Column pcn = coalesce(col(PCN_CODE), unknownPcn);
    Column place = coalesce(col(PLACE_CODE), unknownPcn);
    Column ics = coalesce(col(ICS_CODE), unknownPcn);
    Column breakdowns = array(
        breakdown(OutputTables.AcpUptake.BREAKDOWN_NONE, lit(OutputTables.AcpUptake.VALUE_ALL)),
        breakdown(OutputTables.AcpUptake.BREAKDOWN_AGE_BAND, col(CohortColumns.AGE_BAND)),
        breakdown(OutputTables.AcpUptake.BREAKDOWN_SEX, col(CohortColumns.SEX)),
        breakdown(OutputTables.AcpUptake.BREAKDOWN_IMD_QUINTILE,
            coalesce(col(CohortColumns.IMD_QUINTILE).cast("string"), lit(VALUE_UNKNOWN))),
        breakdown(OutputTables.AcpUptake.BREAKDOWN_SOCIAL_CARE,
            when(col(CohortColumns.KNOWN_TO_SOCIAL_CARE), lit("yes")).otherwise(lit("no"))));
    return registerWithFootprint
        .select(col(CohortColumns.PERIOD_END), col(CohortColumns.HAS_ACP),
            practice.as(CohortColumns.PRACTICE_CODE), coalesce(col(PRACTICE_NAME), practice).as(PRACTICE_NAME),
            pcn.as(PCN_CODE), coalesce(col(PCN_NAME), pcn).as(PCN_NAME),
            place.as(PLACE_CODE), coalesce(col(PLACE_NAME), place).as(PLACE_NAME),
            ics.as(ICS_CODE), coalesce(col(ICS_NAME), ics).as(ICS_NAME), breakdowns.as("_breakdowns"))
        .repartition(col(CohortColumns.PRACTICE_CODE))
        .withColumn("_breakdown", explode(col("_breakdowns")))
        .groupBy(col(CohortColumns.PERIOD_END), col(CohortColumns.PRACTICE_CODE), col(PRACTICE_NAME),
            col(PCN_CODE), col(PCN_NAME), col(PLACE_CODE), col(PLACE_NAME), col(ICS_CODE), col(ICS_NAME),
            col("_breakdown." + BREAKDOWN).as(BREAKDOWN), col("_breakdown." + BREAKDOWN_VALUE).as(BREAKDOWN_VALUE))
        .agg(count(lit(1)).as(REGISTER),
            sum(when(col(CohortColumns.HAS_ACP), lit(1L)).otherwise(lit(0L))).as(WITH_ACP));
  }

  /** Every geography level's counts, summed from the practice counts. */
  private static Dataset<Row> everyLevel(Dataset<Row> practices) {
    Column all = lit(GeographyLevel.ALL_CODE);
    Column levels = array(
        level(GeographyLevel.PRACTICE, col(CohortColumns.PRACTICE_CODE), col(PRACTICE_NAME), col(PCN_CODE)),
        level(GeographyLevel.PCN, col(PCN_CODE), col(PCN_NAME), col(PLACE_CODE)),
        level(GeographyLevel.PLACE, col(PLACE_CODE), col(PLACE_NAME), col(ICS_CODE)),
        level(GeographyLevel.ICS, col(ICS_CODE), col(ICS_NAME), all),
        level(GeographyLevel.ALL, all, lit(GeographyLevel.ALL_NAME), lit(null).cast("string")));
    return practices
        .select(col(CohortColumns.PERIOD_END), col(BREAKDOWN), col(BREAKDOWN_VALUE), col(REGISTER), col(WITH_ACP),
            explode(levels).as("_level"))
        .groupBy(col(CohortColumns.PERIOD_END), col("_level." + GEOGRAPHY_LEVEL).as(GEOGRAPHY_LEVEL),
            col("_level." + GEOGRAPHY_CODE).as(GEOGRAPHY_CODE),
            col("_level." + GEOGRAPHY_NAME).as(GEOGRAPHY_NAME), col("_level." + PARENT_LEVEL).as(PARENT_LEVEL),
            col("_level." + PARENT_CODE).as(PARENT_CODE), col(BREAKDOWN), col(BREAKDOWN_VALUE))
        // the register a count, as in one aggregation (a sum of counts over at least one row is never null)
        .agg(coalesce(sum(col(REGISTER)), lit(0L)).as(REGISTER), sum(col(WITH_ACP)).as(WITH_ACP));
  }

  private static Column level(GeographyLevel level, Column code, Column name, Column parentCode) {
    return struct(lit(level.label()).as(GEOGRAPHY_LEVEL), code.as(GEOGRAPHY_CODE), name.as(GEOGRAPHY_NAME),
        lit(level.parent()).cast("string").as(PARENT_LEVEL), parentCode.as(PARENT_CODE));
  }

  private static Column breakdown(String name, Column value) {
    return struct(lit(name).as(BREAKDOWN), value.as(BREAKDOWN_VALUE));
  }
}
