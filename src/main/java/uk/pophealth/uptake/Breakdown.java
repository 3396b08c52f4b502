package uk.pophealth.uptake;

/** Breakdown names of acp_uptake (DESIGN.md): none, age_band, sex, imd_quintile, social_care. */
final class Breakdown {
  static final String NONE = "none";
  static final String NONE_VALUE = "all";
  static final String AGE_BAND = "age_band";
  static final String SEX = "sex";
  static final String IMD_QUINTILE = "imd_quintile";
  static final String SOCIAL_CARE = "social_care";

  private Breakdown() {}
}
