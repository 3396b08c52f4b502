package uk.pophealth.uptake;

import uk.pophealth.schema.OutputTables;

/** Breakdown names of acp_uptake (DESIGN.md): none, age_band, sex, imd_quintile, social_care. */
final class Breakdown {
  static final String NONE = OutputTables.AcpUptake.BREAKDOWN_NONE;
  static final String NONE_VALUE = OutputTables.AcpUptake.VALUE_ALL;
  static final String AGE_BAND = OutputTables.AcpUptake.BREAKDOWN_AGE_BAND;
  static final String SEX = OutputTables.AcpUptake.BREAKDOWN_SEX;
  static final String IMD_QUINTILE = OutputTables.AcpUptake.BREAKDOWN_IMD_QUINTILE;
  static final String SOCIAL_CARE = OutputTables.AcpUptake.BREAKDOWN_SOCIAL_CARE;

  private Breakdown() {}
}
