package uk.pophealth.schema;

/**
 * The rules a row can break at ingest. The generator plants bad rows under these names and ingestion
 * quarantines them under the same names, so tests can compare the two exactly.
 */
public enum QuarantineRule {
  INVALID_NHS_NUMBER("invalid_nhs_number", "person_id is not a valid NHS number (Modulus 11 check digit)"),
  UNPARSEABLE_DATE("unparseable_date", "a date is not ISO yyyy-MM-dd or is not a real date"),
  IMPOSSIBLE_DATE("impossible_date", "a date lies in the future, before 1900, or ends before it starts"),
  EVENT_BEFORE_BIRTH("event_before_birth", "the event is dated before the person's year of birth"),
  EVENT_AFTER_DEATH("event_after_death", "the event is dated after the person's date of death"),
  UNKNOWN_PRACTICE("unknown_practice", "practice_code is not in the practices table"),
  UNKNOWN_LSOA("unknown_lsoa", "lsoa_code is not in the lsoa_deprivation table"),
  UNKNOWN_CODE_FORMAT("unknown_code_format", "a code is not in its expected format (e.g. SNOMED CT id)"),
  DUPLICATE_ROW("duplicate_row", "the row repeats an earlier row exactly"),
  MISSING_REQUIRED_FIELD("missing_required_field", "a required field is empty"),
  OUT_OF_RANGE_YEAR_OF_BIRTH("out_of_range_year_of_birth", "year_of_birth is before 1890 or after the extract year"),
  OUT_OF_RANGE_VALUE("out_of_range_value", "a value is outside its allowed set or range"),
  MALFORMED_ROW("malformed_row", "the line could not be split into the header's columns");

  private final String ruleName;
  private final String description;

  QuarantineRule(String ruleName, String description) {
    this.ruleName = ruleName;
    this.description = description;
  }

  /** The stable name written to quarantine, data_quality and truth.json. */
  public String ruleName() {
    return ruleName;
  }

  public String description() {
    return description;
  }
}
