package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.REFERRALS;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.LSOA_MAPPING;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.LSOA_SOURCE;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.RANGE_END;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.RANGE_START;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.REFERRALS_WITH_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.SHARE_OF_REFERRALS;
import static uk.pophealth.schema.OutputTables.SERVICE;
import static uk.pophealth.schema.OutputTables.SUPPRESSED;

import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import uk.pophealth.schema.OutputTables;

/**
 * The referral_lsoa_resolution table: how many referrals of each service found their LSOA each way, and how the
 * code reached the IMD's LSOA vintage ({@link LsoaVintage}).
 */
final class ResolutionSummary {
  private ResolutionSummary() {}

  /** @param referrals resolved referrals with their national decile ({@link AreaAttributes#attach}) */
  static Dataset<Row> of(Dataset<Row> referrals, DeprivationOptions options) {
    Dataset<Row> counts = referrals
        .withColumn(SERVICE, explode(col(Columns.SERVICES)))
        .groupBy(col(SERVICE), col(LSOA_SOURCE), col(LSOA_MAPPING))
        .agg(count(lit(1)).as(REFERRALS),
            count(col(Columns.NATIONAL_DECILE)).as(REFERRALS_WITH_DECILE))
        .withColumn(SHARE_OF_REFERRALS, col(REFERRALS)
            .divide(sum(col(REFERRALS)).over(Window.partitionBy(SERVICE))))
        .withColumn(RANGE_START, lit(Date.valueOf(options.rangeStart())))
        .withColumn(RANGE_END, lit(Date.valueOf(options.rangeEnd())))
        .withColumn(SUPPRESSED, lit(false));
    return DeprivationCells.declared(counts, OutputTables.ReferralLsoaResolution.SCHEMA.schema());
  }
}
