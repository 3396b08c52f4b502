package uk.pophealth.schema;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.field;
import static uk.pophealth.schema.Fields.required;

import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code data_quality} output table (DESIGN.md output contract): per input table and quarantine rule, how
 * many rows came in, were accepted and were quarantined, with a few example line numbers. Holds no
 * person-level value. One row per (table, rule checked) plus one {@link #ALL_RULES} row per table, one row per
 * normalisation a table needed ({@link Normalisation}), then one row per geography finding ({@link #FOOTPRINT_GAP}, {@link #FOOTPRINT_OVERLAP}) about a reference table.
 */
public final class DataQualityTable {
  public static final String NAME = "data_quality";
  public static final String TABLE_NAME = "table_name";
  public static final String RULE = "rule";
  public static final String ROWS_IN = "rows_in";
  public static final String ROWS_ACCEPTED = "rows_accepted";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String EXAMPLE_LINES = "example_lines";
  /** The rule value of a table's total row: rows_quarantined under every rule together. */
  public static final String ALL_RULES = "all";
  /**
   * A finding about a geography reference table, not a quarantine rule: some day within an organisation's life on
   * which no footprint mapping is in force. Nothing is quarantined (rows_quarantined 0); example_lines gives the
   * number of organisations affected and a few of their codes with the dates concerned.
   */
  public static final String FOOTPRINT_GAP = "footprint_gap";
  /** As {@link #FOOTPRINT_GAP}: some day on which two or more mappings of one organisation are in force. */
  public static final String FOOTPRINT_OVERLAP = "footprint_overlap";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      required(TABLE_NAME, StringType, "Input table name"),
      required(RULE, StringType, "Quarantine rule name, 'all' for the table's total, a normalisation "
          + "(normalised_windows_1252, normalised_nhs_number, normalised_integral_number, normalised_upper_case, "
          + "normalised_timestamp_date: rows rewritten to the canonical form and used, rows_quarantined 0), or a "
          + "geography finding (footprint_gap, footprint_overlap) that quarantines nothing"),
      field(ROWS_IN, LongType, false, "Rows read from the table's files", "rows"),
      field(ROWS_ACCEPTED, LongType, false, "Rows that passed every rule", "rows"),
      field(ROWS_QUARANTINED, LongType, false, "Rows quarantined under this rule", "rows"),
      required(EXAMPLE_LINES, StringType, "A few example source lines, as file:line, comma-separated; for a "
          + "normalisation, how many rows it rewrote and a few of their lines; for a geography finding, the "
          + "organisations affected and a few example codes with dates")});

  /** How the publish layer writes it: not partitioned (each run replaces it whole), sorted by table and rule. */
  public static final OutputTable TABLE = OutputTable.builder(new TableSchema(NAME, SCHEMA, Set.of(),
          "Rows in, accepted and quarantined per input table and quarantine rule, the rows each normalisation "
              + "rewrote, and geography reference-table findings, of the run that last wrote the output"))
      .key(TABLE_NAME, RULE, EXAMPLE_LINES)
      .build();

  private DataQualityTable() {}

  /**
   * The rule values of normalisations ({@link Normalisation}): rows rewritten from a common extract form and used,
   * not quarantined (rows_quarantined 0); example_lines gives how many rows and a few of their lines.
   */
  public static boolean isNormalisation(String rule) {
    return java.util.Arrays.stream(Normalisation.values()).anyMatch(kind -> kind.ruleName().equals(rule));
  }
}
