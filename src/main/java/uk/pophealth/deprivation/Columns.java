package uk.pophealth.deprivation;

/** Names of the product's intermediate (never published) columns. */
final class Columns {
  static final String PERSON_ID = "person_id";
  static final String REFERRAL_DATE = "referral_date";
  static final String OWN_LSOA = "own_lsoa";
  static final String GP_LSOA = "gp_lsoa";
  static final String LSOA = "lsoa";
  static final String SERVICES = "services";
  static final String AS_AT = "as_at";
  static final String MONTH_START = "month_start";
  static final String PERIODS = "periods";
  static final String NATIONAL_DECILE = "national_decile";
  static final String DEPRIVATION_LAD = "deprivation_lad";
  static final String IMD_RANK = "imd_rank";
  static final String LOCAL_DECILE = "local_decile";
  static final String LOCAL_QUINTILE = "local_quintile";
  static final String COUNT = "measure";
  static final String NATIONAL_LSOA = "_national_lsoa";
  static final String LOOKUP_KEY = "_key";
  static final String LOOKUP_DATE = "_date";
  static final String ALLOCATION = "_allocation";

  private Columns() {}
}
