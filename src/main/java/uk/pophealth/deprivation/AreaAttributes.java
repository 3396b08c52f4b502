package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.CODE_UNKNOWN;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.NAME_UNKNOWN;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;

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
   * Adds {@link Columns#NATIONAL_DECILE}, {@link LsoaHierarchy#LAD_CODE}, PLACE_CODE/NAME, ICS_CODE/NAME,
   * {@link Columns#LOCAL_DECILE} and {@link Columns#LOCAL_QUINTILE}.
   */
  Dataset<Row> attach(Dataset<Row> rows, String lsoaColumn, String dateColumn) {
    Dataset<Row> footprint = areas.select(col(LsoaHierarchy.LSOA_CODE), col(GeographyTables.VALID_FROM),
        col(GeographyTables.VALID_TO), col(LsoaHierarchy.LAD_CODE), col(GeographyTables.PLACE_CODE),
        col(GeographyTables.PLACE_NAME), col(GeographyTables.ICS_CODE), col(GeographyTables.ICS_NAME),
        col(Columns.LOCAL_DECILE), col(Columns.LOCAL_QUINTILE));
    Dataset<Row> inForce = InForce.lookup(rows, lsoaColumn, dateColumn, new InForce.Intervals(footprint,
        LsoaHierarchy.LSOA_CODE, GeographyTables.VALID_FROM, GeographyTables.VALID_TO)).drop(GeographyTables.VALID_TO);
    Dataset<Row> withNational = rows.join(national.select(col(Columns.LSOA).as(Columns.NATIONAL_LSOA),
            col(Columns.NATIONAL_DECILE), col(Columns.DEPRIVATION_LAD)),
        col(lsoaColumn).equalTo(col(Columns.NATIONAL_LSOA)), "left").drop(Columns.NATIONAL_LSOA);
    return InForce.attach(withNational, lsoaColumn, dateColumn, inForce)
        .withColumn(LsoaHierarchy.LAD_CODE,
            coalesce(col(LsoaHierarchy.LAD_CODE), col(Columns.DEPRIVATION_LAD), lit(CODE_UNKNOWN)))
        .withColumn(GeographyTables.PLACE_NAME, coalesce(col(GeographyTables.PLACE_NAME),
            col(GeographyTables.PLACE_CODE), lit(NAME_UNKNOWN)))
        .withColumn(GeographyTables.PLACE_CODE, coalesce(col(GeographyTables.PLACE_CODE),
            lit(CODE_UNKNOWN)))
        .withColumn(GeographyTables.ICS_NAME, coalesce(col(GeographyTables.ICS_NAME),
            col(GeographyTables.ICS_CODE), lit(NAME_UNKNOWN)))
        .withColumn(GeographyTables.ICS_CODE, coalesce(col(GeographyTables.ICS_CODE),
            lit(CODE_UNKNOWN)))
        .drop(Columns.DEPRIVATION_LAD);
  }
}
