package uk.pophealth.publish.report;

/**
 * The output-table names, column names and coded values the report reads, as fixed by DESIGN.md's output
 * contract. Private to the report until the declared output schemas land.
 * TODO: point these at uk.pophealth.schema.OutputTables once it is merged, and delete this class.
 */
final class ReportColumns {
  private ReportColumns() {}

  static final String GEOGRAPHY_LEVEL = "geography_level";
  static final String GEOGRAPHY_CODE = "geography_code";
  static final String GEOGRAPHY_NAME = "geography_name";
  static final String SUPPRESSED = "suppressed";
  static final String LOWER95 = "lower95";
  static final String UPPER95 = "upper95";

  /** geography_level values. */
  static final String LEVEL_PCN = "pcn";
  static final String LEVEL_PLACE = "place";
  static final String LEVEL_ICS = "ics";
  static final String LEVEL_ALL = "all";

  static final class AcpUptake {
    static final String NAME = "acp_uptake";
    static final String PERIOD_END = "period_end";
    static final String BREAKDOWN = "breakdown";
    static final String BREAKDOWN_NONE = "none";
    static final String REGISTER = "register";
    static final String WITH_ACP = "with_acp";
    static final String UPTAKE = "uptake";
    static final String FUNNEL_FLAG = "funnel_flag";
    static final String FLAG_HIGH = "High";
    static final String FLAG_LOW = "Low";

    private AcpUptake() {}
  }

  static final class ReferralDeprivation {
    static final String NAME = "referral_deprivation";
    static final String PERIOD_TYPE = "period_type";
    static final String PERIOD_START = "period_start";
    static final String SERVICE = "service";
    static final String IMD_DECILE = "imd_decile";
    static final String REFERRALS = "referrals";
    static final String POPULATION = "population";
    static final String RATE_PER_1000 = "rate_per_1000";

    private ReferralDeprivation() {}
  }

  static final class ReferralInequality {
    static final String NAME = "referral_inequality";
    static final String SHARE = "share_most_deprived_40";
    static final String SHARE_LOWER95 = "share_lower95";
    static final String SHARE_UPPER95 = "share_upper95";
    static final String POPULATION_SHARE = "population_share_most_deprived_40";
    static final String TARGET_SHARE = "target_share";
    static final String SII = "sii";
    static final String SII_LOWER95 = "sii_lower95";
    static final String SII_UPPER95 = "sii_upper95";
    static final String RII = "rii";
    static final String RATE_RATIO = "rate_ratio_d1_d10";

    private ReferralInequality() {}
  }

  static final class DemandForecast {
    static final String NAME = "demand_forecast";
    static final String FORECAST_ORIGIN = "forecast_origin";
    static final String ACTIVITY = "activity";
    static final String MONTH = "month";
    static final String KIND = "kind";
    static final String KIND_ACTUAL = "actual";
    static final String KIND_FORECAST = "forecast";
    static final String VALUE = "value";
    static final String LOWER80 = "lower80";
    static final String UPPER80 = "upper80";
    static final String MODEL = "model";
    /** Optional: commissioned capacity for the month, present only where a capacity table was given. */
    static final String CAPACITY = "capacity";

    private DemandForecast() {}
  }

  static final class ForecastAccuracy {
    static final String NAME = "forecast_accuracy";
    static final String MASE = "mase";
    static final String SMAPE = "smape";
    static final String COVERAGE80 = "coverage80";
    static final String COVERAGE95 = "coverage95";
    static final String ORIGINS = "origins";

    private ForecastAccuracy() {}
  }

  static final class DataQuality {
    static final String NAME = "data_quality";
    static final String TABLE_NAME = "table_name";
    static final String RULE = "rule";
    static final String ROWS_IN = "rows_in";
    static final String ROWS_ACCEPTED = "rows_accepted";
    static final String ROWS_QUARANTINED = "rows_quarantined";
    static final String EXAMPLE_LINES = "example_lines";

    private DataQuality() {}
  }

  static final String RUN_MANIFEST = "_run_manifest.json";
}
