package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The reference tables the geography is built from, already in their canonical typed schemas
 * ({@link uk.pophealth.schema.InputTables}). Pass an empty Dataset for a table a job does not have.
 *
 * @param lsoaDeprivation the LSOAs of the job; only lsoa_code and lad_code are used, so any Dataset with those two
 *     columns will do. Without {@code lsoaDistricts}, its lad_code is the LSOA -> district link.
 * @param lsoaDistricts an ONS LSOA to district lookup ({@link uk.pophealth.schema.InputTables.LsoaDistricts}), if
 *     given: the LSOA -> district link instead, for the LSOAs of lsoaDeprivation (all of its LSOAs when that is
 *     empty), so that districts can be of the footprints' vintage whatever the deprivation file's
 */
public record GeographyInputs(Dataset<Row> practices, Dataset<Row> pcnMembership, Dataset<Row> footprints,
    Dataset<Row> lsoaDeprivation, Optional<Dataset<Row>> lsoaDistricts) {
  public GeographyInputs {
    requireNonNull(practices, "practices is null");
    requireNonNull(pcnMembership, "pcnMembership is null");
    requireNonNull(footprints, "footprints is null");
    requireNonNull(lsoaDeprivation, "lsoaDeprivation is null");
    requireNonNull(lsoaDistricts, "lsoaDistricts is null");
  }

  /** Inputs whose LSOA -> district link is lsoa_deprivation's lad_code. */
  public GeographyInputs(Dataset<Row> practices, Dataset<Row> pcnMembership, Dataset<Row> footprints,
      Dataset<Row> lsoaDeprivation) {
    this(practices, pcnMembership, footprints, lsoaDeprivation, Optional.empty());
  }
}
