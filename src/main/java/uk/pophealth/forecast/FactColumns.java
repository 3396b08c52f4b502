package uk.pophealth.forecast;

import uk.pophealth.schema.GeographyTables;

/**
 * Activity facts per place (on the current footprint), activity, month and age band: the bottom of the hierarchy
 * that every series is summed from (internal).
 */
final class FactColumns {
  static final String PLACE_CODE = GeographyTables.PLACE_CODE;
  static final String PLACE_NAME = GeographyTables.PLACE_NAME;
  static final String ICS_CODE = GeographyTables.ICS_CODE;
  static final String ICS_NAME = GeographyTables.ICS_NAME;
  static final String ACTIVITY = SeriesColumns.ACTIVITY;
  static final String SERIES_KIND = SeriesColumns.SERIES_KIND;
  static final String MONTH = SeriesColumns.MONTH;
  static final String AGE_BAND = "age_band";
  static final String VALUE = SeriesColumns.VALUE;

  /** Age band of activity whose person has no known year of birth. */
  static final String AGE_UNKNOWN = "unknown";

  static final String[] ALL = {PLACE_CODE, PLACE_NAME, ICS_CODE, ICS_NAME, ACTIVITY, SERIES_KIND, MONTH, AGE_BAND,
      VALUE};

  private FactColumns() {}
}
