package uk.pophealth.schema;

/**
 * The common extract forms ingestion rewrites into the canonical form instead of quarantining: each is a value
 * that means one thing only, written as Excel, a database export or a Parquet writer writes it. A row so rewritten
 * is used, and counted in {@code data_quality} under the normalisation's name (rows_quarantined 0), so a reader
 * can see how much was rewritten and where.
 */
public enum Normalisation {
  WINDOWS_1252("normalised_windows_1252", "a line of a UTF-8 file was not valid UTF-8 and was read as Windows-1252"),
  NHS_NUMBER_FORMAT("normalised_nhs_number", "person_id written with spaces or dashes (3-3-4) or as a number with "
      + "a zero decimal part (9990000018.0) became its 10 digits"),
  INTEGRAL_NUMBER("normalised_integral_number", "a whole number written with a zero decimal part (2024.0, or a "
      + "Parquet DOUBLE) where an integer is expected became the integer"),
  UPPER_CASE("normalised_upper_case", "a practice code or sex code in lower case became upper case"),
  TIMESTAMP_DATE("normalised_timestamp_date", "a date-time (a Parquet TIMESTAMP, or yyyy-MM-dd HH:mm:ss) where a "
      + "date is expected became its date");

  private final String ruleName;
  private final String description;

  Normalisation(String ruleName, String description) {
    this.ruleName = ruleName;
    this.description = description;
  }

  /** The name written to data_quality's rule column. */
  public String ruleName() {
    return ruleName;
  }

  public String description() {
    return description;
  }
}
