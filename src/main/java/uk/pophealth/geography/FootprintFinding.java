package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

import uk.pophealth.ingest.DataQualityRow;
import uk.pophealth.schema.DataQualityTable;

/**
 * A data-quality finding about the geography reference tables, in the shape of a {@code data_quality} row
 * (table_name, rule, rows_in, rows_accepted, rows_quarantined, example_lines) plus the number of organisations
 * affected. Findings quarantine nothing: gaps stay unmapped (empty footprint columns) and overlaps are resolved
 * (latest effective_from wins), so rows_accepted = rows_in and rows_quarantined = 0.
 *
 * @param tableName the reference table at fault (pcn_membership, practices, footprints, lsoa_deprivation,
 *     lsoa_districts)
 * @param rule {@link DataQualityTable#FOOTPRINT_GAP} or {@link DataQualityTable#FOOTPRINT_OVERLAP}
 * @param rowsIn rows of that table read
 * @param orgsAffected distinct organisations (practices, sub-ICB locations, districts, LSOAs) with the problem
 * @param exampleLines the first few affected codes with the dates concerned, e.g. "A81001 2021-04-01..2021-06-30"
 */
public record FootprintFinding(String tableName, String rule, long rowsIn, long rowsAccepted, long rowsQuarantined,
    long orgsAffected, String exampleLines) {
  public FootprintFinding {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(rule, "rule is null");
    requireNonNull(exampleLines, "exampleLines is null");
  }

  /**
   * The finding as a {@code data_quality} row: its table, rule and counts, with example_lines giving the
   * organisations affected and the examples, e.g. "2 affected: lad E07000171 has no footprint; ...".
   */
  public DataQualityRow dataQualityRow() {
    return new DataQualityRow(tableName, rule, rowsIn, rowsAccepted, rowsQuarantined,
        orgsAffected + " affected: " + exampleLines);
  }
}
