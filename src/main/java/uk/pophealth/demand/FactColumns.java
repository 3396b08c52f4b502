package uk.pophealth.demand;

import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * Activity facts per place (on the current footprint), activity, month and age band: the bottom of the hierarchy
 * that every series is summed from (internal).
 */
final class FactColumns {
  static final String AGE_BAND = "age_band";

  /** Age band of activity whose person has no known year of birth. */
  static final String AGE_UNKNOWN = "unknown";

  static final String[] ALL = {GeographyTables.PLACE_CODE, GeographyTables.PLACE_NAME, GeographyTables.ICS_CODE,
      GeographyTables.ICS_NAME, OutputTables.ACTIVITY_NAME, DemandForecast.SERIES_KIND, DemandForecast.MONTH,
      AGE_BAND,
      DemandForecast.VALUE};

  private FactColumns() {}
}
