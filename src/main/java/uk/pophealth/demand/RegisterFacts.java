package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * Dementia register size and the number with an ACP per practice, month end and age band, from the person-month
 * register; the practice places them (the register is a practice list, so no LSOA is used).
 */
final class RegisterFacts {
  private static final String REGISTER = "_register";
  private static final String WITH_ACP = "_with_acp";

  private RegisterFacts() {}

  /** Rows: _lsoa (empty), _practice, activity, series_kind, month, age_band, value. */
  static Dataset<Row> of(Dataset<Row> register) {
    Dataset<Row> counts = register.groupBy(col(CohortColumns.PRACTICE_CODE).as(PersonLocation.PRACTICE),
            trunc(col(CohortColumns.PERIOD_END), "MM").as(DemandForecast.MONTH),
            col(CohortColumns.AGE_BAND).as(FactColumns.AGE_BAND))
        .agg(count(lit(1)).cast("double").as(REGISTER),
            sum(when(col(CohortColumns.HAS_ACP), lit(1.0)).otherwise(lit(0.0))).as(WITH_ACP));
    return level(counts, REGISTER, Activities.DEMENTIA_REGISTER)
        .unionByName(level(counts, WITH_ACP, Activities.DEMENTIA_REGISTER_WITH_ACP));
  }

  private static Dataset<Row> level(Dataset<Row> counts, String column, String activity) {
    return counts.select(lit(null).cast("string").as(PersonLocation.LSOA), col(PersonLocation.PRACTICE),
        lit(activity).as(OutputTables.ACTIVITY_NAME), lit(DemandForecast.SERIES_LEVEL).as(DemandForecast.SERIES_KIND),
        col(DemandForecast.MONTH), col(FactColumns.AGE_BAND), col(column).as(DemandForecast.VALUE));
  }
}
