package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The reference tables the geography is built from, already in their canonical typed schemas
 * ({@link uk.pophealth.schema.InputTables}). Only lsoa_code and lad_code of lsoa_deprivation are used, so any
 * Dataset with those two columns will do (e.g. an ONS LSOA to district lookup whose district codes match the
 * footprints). Pass an empty Dataset for a table a job does not have.
 */
public record GeographyInputs(Dataset<Row> practices, Dataset<Row> pcnMembership, Dataset<Row> footprints,
    Dataset<Row> lsoaDeprivation) {
  public GeographyInputs {
    requireNonNull(practices, "practices is null");
    requireNonNull(pcnMembership, "pcnMembership is null");
    requireNonNull(footprints, "footprints is null");
    requireNonNull(lsoaDeprivation, "lsoaDeprivation is null");
  }
}
