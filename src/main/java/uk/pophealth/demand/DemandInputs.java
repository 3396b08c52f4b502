package uk.pophealth.demand;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.geography.FootprintResolver;

/**
 * What the demand product reads, every table in its canonical typed schema ({@link uk.pophealth.schema.InputTables}).
 *
 * @param geography     the resolved footprints; all history is re-based onto the footprint in force at the end
 *                      of the last month of history
 * @param gpPatients    gp_patients: links a person to their practice, LSOA and year of birth on the event date
 * @param socialCare    social_care_events, or null
 * @param referrals     service_referrals, or null
 * @param register      the person-month dementia register ({@link uk.pophealth.cohort.CohortColumns#REGISTER}, from
 *                      {@link uk.pophealth.cohort.DementiaRegister}), or null
 * @param population    population (optional input) with projections by age band and year, or null
 * @param capacity      capacity (optional input), or null
 */
public record DemandInputs(FootprintResolver geography, Dataset<Row> gpPatients, Dataset<Row> socialCare,
    Dataset<Row> referrals, Dataset<Row> register, Dataset<Row> population, Dataset<Row> capacity) {
  public DemandInputs {
    requireNonNull(geography, "geography is null");
    requireNonNull(gpPatients, "gpPatients is null");
    if (socialCare == null && referrals == null && register == null) {
      throw new IllegalArgumentException(
          "Cannot forecast demand: no activity table (social_care_events, service_referrals or the register)");
    }
  }
}
