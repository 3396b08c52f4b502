package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The referral_lsoa_resolution table: how many referrals of each service found their LSOA each way. */
final class ResolutionSummary {
  private ResolutionSummary() {}

  /** @param referrals resolved referrals with their national decile ({@link AreaAttributes#attach}) */
  static Dataset<Row> of(Dataset<Row> referrals, DeprivationOptions options) {
    Dataset<Row> counts = referrals
        .withColumn(DeprivationTables.SERVICE, explode(col(Columns.SERVICES)))
        .groupBy(col(DeprivationTables.SERVICE), col(DeprivationTables.LSOA_SOURCE))
        .agg(count(lit(1)).as(DeprivationTables.REFERRALS),
            count(col(Columns.NATIONAL_DECILE)).as(DeprivationTables.REFERRALS_WITH_DECILE))
        .withColumn(DeprivationTables.SHARE_OF_REFERRALS, col(DeprivationTables.REFERRALS)
            .divide(sum(col(DeprivationTables.REFERRALS)).over(Window.partitionBy(DeprivationTables.SERVICE))))
        .withColumn(DeprivationTables.RANGE_START, lit(Date.valueOf(options.rangeStart())))
        .withColumn(DeprivationTables.RANGE_END, lit(Date.valueOf(options.rangeEnd())))
        .withColumn(DeprivationTables.SUPPRESSED, lit(false));
    return DeprivationCells.declared(counts, DeprivationTables.REFERRAL_LSOA_RESOLUTION.schema());
  }
}
