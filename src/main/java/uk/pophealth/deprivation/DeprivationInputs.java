package uk.pophealth.deprivation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.LsoaLookup;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;

/**
 * The ingested tables the product reads, in the canonical schemas of {@code InputTables} (person_id already
 * pseudonymised), plus the LSOA footprint frame of {@link LsoaHierarchy}.
 *
 * @param socialCareEvents social_care_events; its Request events are referrals
 * @param serviceReferrals service_referrals
 * @param gpPatients gp_patients: LSOA of residence by registration, and the fallback population
 * @param lsoaDeprivation lsoa_deprivation of the configured IMD vintage, on the LSOA vintage the other inputs use
 * @param lsoaFootprint LSOA to district, place and ICS, effective-dated ({@link LsoaHierarchy})
 * @param population ONS population by LSOA (InputTables.Population, area_code = LSOA code), if given
 * @param lsoaLookup the ONS LSOA 2011 to 2021 lookup ({@link LsoaLookup}), if given: referral, GP and
 *     population LSOA codes that lsoa_deprivation does not rank are brought onto its vintage ({@link LsoaVintage})
 */
public record DeprivationInputs(Dataset<Row> socialCareEvents, Dataset<Row> serviceReferrals,
    Dataset<Row> gpPatients, Dataset<Row> lsoaDeprivation, Dataset<Row> lsoaFootprint,
    Optional<Dataset<Row>> population, Optional<Dataset<Row>> lsoaLookup) {
  public DeprivationInputs {
    requireNonNull(socialCareEvents, "socialCareEvents is null");
    requireNonNull(serviceReferrals, "serviceReferrals is null");
    requireNonNull(gpPatients, "gpPatients is null");
    requireNonNull(lsoaDeprivation, "lsoaDeprivation is null");
    requireNonNull(lsoaFootprint, "lsoaFootprint is null");
    requireNonNull(population, "population is null");
    requireNonNull(lsoaLookup, "lsoaLookup is null");
  }

  /** Inputs whose LSOA codes are all of lsoa_deprivation's vintage (no lookup). */
  public DeprivationInputs(Dataset<Row> socialCareEvents, Dataset<Row> serviceReferrals, Dataset<Row> gpPatients,
      Dataset<Row> lsoaDeprivation, Dataset<Row> lsoaFootprint, Optional<Dataset<Row>> population) {
    this(socialCareEvents, serviceReferrals, gpPatients, lsoaDeprivation, lsoaFootprint, population,
        Optional.empty());
  }
}
