package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.CODE_UNKNOWN;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.NAME_UNKNOWN;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Gives rows holding an LSOA and a date the LSOA's national IMD decile and the district, place and ICS (and local
 * quantiles, when asked for) of the footprint in force on that date. A row whose LSOA is unknown, unranked or
 * outside the footprint keeps its row, with unknown geography or an empty decile; the district falls back to the
 * deprivation table's LAD when the footprint does not cover the LSOA.
 */
final class AreaAttributes {
  private final Dataset<Row> national;
  private final Dataset<Row> areas;

  /**
   * @param national {@link NationalDeprivation#of}
   * @param areas the footprint, or the footprint cut into epochs with local quantiles ({@link LocalDeciles#of})
   */
  AreaAttributes(Dataset<Row> national, Dataset<Row> areas) {
    this.national = national;
    this.areas = !Arrays.asList(areas.columns()).contains(Columns.LOCAL_DECILE)
        ? areas.withColumn(Columns.LOCAL_DECILE, lit(null).cast("int"))
            .withColumn(Columns.LOCAL_QUINTILE, lit(null).cast("int"))
        : areas;
  }

  /**
   * Adds {@link Columns#NATIONAL_DECILE}, {@link FootprintColumns#LAD_CODE}, PLACE_CODE/NAME, ICS_CODE/NAME,
   * {@link Columns#LOCAL_DECILE} and {@link Columns#LOCAL_QUINTILE}.
   */
  Dataset<Row> attach(Dataset<Row> rows, String lsoaColumn, String dateColumn) {
    Dataset<Row> footprint = areas.select(col(FootprintColumns.LSOA_CODE), col(FootprintColumns.VALID_FROM),
        col(FootprintColumns.VALID_TO), col(FootprintColumns.LAD_CODE), col(FootprintColumns.PLACE_CODE),
        col(FootprintColumns.PLACE_NAME), col(FootprintColumns.ICS_CODE), col(FootprintColumns.ICS_NAME),
        col(Columns.LOCAL_DECILE), col(Columns.LOCAL_QUINTILE));
    Dataset<Row> inForce = InForce.lookup(rows, lsoaColumn, dateColumn, footprint, FootprintColumns.LSOA_CODE,
        FootprintColumns.VALID_FROM, FootprintColumns.VALID_TO).drop(FootprintColumns.VALID_TO);
    Dataset<Row> withNational = rows.join(national.select(col(Columns.LSOA).as(Columns.NATIONAL_LSOA),
            col(Columns.NATIONAL_DECILE), col(Columns.DEPRIVATION_LAD)),
        col(lsoaColumn).equalTo(col(Columns.NATIONAL_LSOA)), "left").drop(Columns.NATIONAL_LSOA);
    return InForce.attach(withNational, lsoaColumn, dateColumn, inForce)
        .withColumn(FootprintColumns.LAD_CODE,
            coalesce(col(FootprintColumns.LAD_CODE), col(Columns.DEPRIVATION_LAD), lit(CODE_UNKNOWN)))
        .withColumn(FootprintColumns.PLACE_NAME, coalesce(col(FootprintColumns.PLACE_NAME),
            col(FootprintColumns.PLACE_CODE), lit(NAME_UNKNOWN)))
        .withColumn(FootprintColumns.PLACE_CODE, coalesce(col(FootprintColumns.PLACE_CODE),
            lit(CODE_UNKNOWN)))
        .withColumn(FootprintColumns.ICS_NAME, coalesce(col(FootprintColumns.ICS_NAME),
            col(FootprintColumns.ICS_CODE), lit(NAME_UNKNOWN)))
        .withColumn(FootprintColumns.ICS_CODE, coalesce(col(FootprintColumns.ICS_CODE),
            lit(CODE_UNKNOWN)))
        .drop(Columns.DEPRIVATION_LAD);
  }
}
