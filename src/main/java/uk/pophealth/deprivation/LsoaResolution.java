package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.LSOA_SOURCE;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.SOURCE_GP_REGISTRATION;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.SOURCE_OWN_LSOA;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.SOURCE_UNRESOLVED;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.GpPatients;

/**
 * Gives each referral its LSOA of residence: the referral's own LSOA where recorded, else the LSOA of the person's
 * GP registration in force on the referral date (registration_start &lt;= date &lt;= registration_end or open;
 * among several, the latest start; registrations without an LSOA are not used), else none. Every referral keeps
 * its row; {@code lsoa_source} says which way it was resolved.
 */
final class LsoaResolution {
  private LsoaResolution() {}

  /** Adds {@link Columns#LSOA} and {@code lsoa_source}; drops the person identifier. */
  static Dataset<Row> resolve(Dataset<Row> referrals, Dataset<Row> gpPatients) {
    Dataset<Row> registrations = gpPatients
        .where(col(GpPatients.LSOA_CODE).isNotNull())
        .select(col(GpPatients.PERSON_ID), col(GpPatients.REGISTRATION_START), col(GpPatients.REGISTRATION_END),
            col(GpPatients.LSOA_CODE).as(Columns.GP_LSOA));
    Dataset<Row> lookup = InForce.lookup(referrals.where(col(Columns.OWN_LSOA).isNull()), Columns.PERSON_ID,
        Columns.REFERRAL_DATE, new InForce.Intervals(registrations, GpPatients.PERSON_ID,
            GpPatients.REGISTRATION_START, GpPatients.REGISTRATION_END))
        .select(col(Columns.LOOKUP_KEY), col(Columns.LOOKUP_DATE), col(Columns.GP_LSOA));
    return InForce.attach(referrals, Columns.PERSON_ID, Columns.REFERRAL_DATE, lookup)
        .withColumn(Columns.LSOA, coalesce(col(Columns.OWN_LSOA), col(Columns.GP_LSOA)))
        .withColumn(LSOA_SOURCE,
            when(col(Columns.OWN_LSOA).isNotNull(), lit(SOURCE_OWN_LSOA))
                .when(col(Columns.GP_LSOA).isNotNull(), lit(SOURCE_GP_REGISTRATION))
                .otherwise(lit(SOURCE_UNRESOLVED)))
        .drop(Columns.PERSON_ID, Columns.OWN_LSOA, Columns.GP_LSOA);
  }
}
