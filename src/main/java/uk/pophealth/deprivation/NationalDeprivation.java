package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.LsoaDeprivation;

/**
 * lsoa_deprivation reduced to one row per LSOA (a duplicated LSOA keeps its most deprived rank and decile, so a
 * join on it can never multiply referrals): {@link Columns#LSOA}, {@link Columns#NATIONAL_DECILE},
 * {@link Columns#IMD_RANK}, {@link Columns#DEPRIVATION_LAD}.
 */
final class NationalDeprivation {
  private NationalDeprivation() {}

  static Dataset<Row> of(Dataset<Row> lsoaDeprivation) {
    return lsoaDeprivation.groupBy(col(LsoaDeprivation.LSOA_CODE).as(Columns.LSOA))
        .agg(min(col(LsoaDeprivation.IMD_DECILE)).as(Columns.NATIONAL_DECILE),
            min(col(LsoaDeprivation.IMD_RANK)).as(Columns.IMD_RANK),
            min(col(LsoaDeprivation.LAD_CODE)).as(Columns.DEPRIVATION_LAD));
  }
}
