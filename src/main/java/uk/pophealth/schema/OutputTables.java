package uk.pophealth.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.field;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output contract of DESIGN.md ("Output tables and their key columns"), declared once: every published
 * table's columns, types, meanings and units, its partition column, its key, which columns are counts under
 * disclosure control and which rates / intervals derive from them. The data dictionary
 * ({@code docs/data-dictionary.md}) is generated from these declarations. Column names fixed by DESIGN.md come
 * first in each table, in DESIGN.md's order; further columns follow.
 */
public final class OutputTables {
  private OutputTables() {}

  /** Units used in the declarations, so the dictionary spells them one way. */
  static final String NONE = "";
  static final String DATE = "date";
  static final String PEOPLE = "people";
  static final String PROPORTION = "proportion 0-1";
  static final String MONTHS = "months";
  static final String RATIO = "ratio";
  /** Units of the referral tables, as the deprivation product has always documented them. */
  static final String REFERRAL_COUNT = "referrals";
  static final String SHARE = "0-1";
  static final String PER_1000 = "per 1,000";
  static final String ACTIVITY = "activity per month";

  /**
   * Column names shared by several tables, with one meaning everywhere: declared here once, and used by this name
   * (a table's class declares only the columns it alone has, or that another table takes from it).
   */
  public static final String GEOGRAPHY_LEVEL = "geography_level";
  public static final String GEOGRAPHY_CODE = "geography_code";
  public static final String GEOGRAPHY_NAME = "geography_name";
  public static final String PARENT_CODE = "parent_code";
  public static final String PERIOD_TYPE = "period_type";
  public static final String PERIOD_START = "period_start";
  public static final String SERVICE = "service";
  public static final String SUPPRESSED = "suppressed";
  public static final String LOWER95 = "lower95";
  public static final String UPPER95 = "upper95";
  public static final String FORECAST_ORIGIN = "forecast_origin";
  public static final String ACTIVITY_NAME = "activity";
  public static final String MODEL = "model";

  /** geography_level values. */
  public static final String LEVEL_PRACTICE = "practice";
  public static final String LEVEL_PCN = "pcn";
  public static final String LEVEL_PLACE = "place";
  public static final String LEVEL_ICS = "ics";
  public static final String LEVEL_DISTRICT = "district";
  public static final String LEVEL_ALL = "all";
  public static final String LEVEL_SERIES = "series";

  /** period_type values. */
  public static final String PERIOD_MONTH = "month";
  public static final String PERIOD_QUARTER = "quarter";
  public static final String PERIOD_FINANCIAL_YEAR = "fy";

  /** Fields shared by several tables; a nested class so that building them does not initialise {@link #ALL}. */
  private static final class Shared {
    /** The given leading fields followed by the rest. */
    static StructType schema(List<StructField> leading, StructField... rest) {
      List<StructField> fields = new java.util.ArrayList<>(leading);
      fields.addAll(List.of(rest));
      return new StructType(fields.toArray(new StructField[0]));
    }

    static StructField suppressedField() {
      return field(SUPPRESSED, BooleanType, false,
          "True when a count on this row was suppressed (1-7, or complementary); its rates and intervals are then null",
          NONE);
    }
  }

  /** ACP uptake among people living with dementia, per month end, geography and breakdown. */
  public static final class AcpUptake {
    public static final String NAME = "acp_uptake";
    public static final String PERIOD_END = "period_end";
    public static final String BREAKDOWN = "breakdown";
    public static final String BREAKDOWN_VALUE = "breakdown_value";
    public static final String REGISTER = "register";
    public static final String WITH_ACP = "with_acp";
    public static final String UPTAKE = "uptake";
    public static final String LOWER998 = "lower998";
    public static final String UPPER998 = "upper998";
    public static final String FUNNEL_FLAG = "funnel_flag";
    public static final String PARENT_LEVEL = "parent_level";
    public static final String PARENT_UPTAKE = "parent_uptake";
    public static final String CHANGE_12M = "change_12m";

    /** breakdown values, and breakdown_value of the breakdown none. */
    public static final String BREAKDOWN_NONE = "none";
    public static final String BREAKDOWN_AGE_BAND = "age_band";
    public static final String BREAKDOWN_SEX = "sex";
    public static final String BREAKDOWN_IMD_QUINTILE = "imd_quintile";
    public static final String BREAKDOWN_SOCIAL_CARE = "social_care";
    public static final String VALUE_ALL = "all";
    public static final String VALUE_UNKNOWN = "unknown";

    public static final TableSchema SCHEMA = new TableSchema(NAME, new StructType(new StructField[] {
        field(PERIOD_END, DateType, false, "Month end at which the register and ACP status are counted", DATE),
        field(GEOGRAPHY_LEVEL, StringType, false, "Level of the unit: practice, pcn, place, ics or all", NONE),
        field(GEOGRAPHY_CODE, StringType, false,
            "Code of the unit (ODS code for practice and PCN, place or ICS code, 'all' for the total) as in force at period_end",
            NONE),
        field(GEOGRAPHY_NAME, StringType, true, "Name of the unit as in force at period_end", NONE),
        field(BREAKDOWN, StringType, false, "Breakdown: none, age_band, sex, imd_quintile or social_care", NONE),
        field(BREAKDOWN_VALUE, StringType, false,
            "Value within the breakdown: 'all' for none; 0-64, 65-74, 75-84, 85+ for age_band; M, F, U for sex; "
                + "1-5 (1 = most deprived) or unknown for imd_quintile; yes or no (known to adult social care in "
                + "the previous 12 months) for social_care",
            NONE),
        field(REGISTER, LongType, true,
            "Dementia register: people registered at a practice on period_end, alive, with a dementia code on or before it",
            PEOPLE),
        field(WITH_ACP, LongType, true,
            "People on the register with an advance care plan code on or before period_end (within the look-back window if set)",
            PEOPLE),
        field(UPTAKE, DoubleType, true, "with_acp / register", PROPORTION),
        field(LOWER95, DoubleType, true, "Wilson score 95% lower limit of uptake", PROPORTION),
        field(UPPER95, DoubleType, true, "Wilson score 95% upper limit of uptake", PROPORTION),
        field(LOWER998, DoubleType, true, "Wilson score 99.8% lower limit of uptake", PROPORTION),
        field(UPPER998, DoubleType, true, "Wilson score 99.8% upper limit of uptake", PROPORTION),
        field(FUNNEL_FLAG, StringType, true,
            "Funnel-plot significance against the parent's average: High (0.001), High (0.025), Not significant, "
                + "Low (0.025), Low (0.001); null at level all",
            NONE),
        Shared.suppressedField(),
        field(PARENT_LEVEL, StringType, true, "Level of the parent unit the funnel compares against (pcn, place, ics, all)",
            NONE),
        field(PARENT_CODE, StringType, true, "Code of the parent unit as in force at period_end", NONE),
        field(PARENT_UPTAKE, DoubleType, true, "Uptake of the parent unit for the same breakdown value (the funnel centre)",
            PROPORTION),
        field(CHANGE_12M, DoubleType, true,
            "uptake minus the uptake of the same unit and breakdown value 12 months earlier; null where either is "
                + "unavailable or suppressed",
            PROPORTION)}),
        Set.of(), "ACP uptake among people living with dementia: per month end, geography level and breakdown.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(PERIOD_END)
        .key(PERIOD_END, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, BREAKDOWN, BREAKDOWN_VALUE)
        .counts(REGISTER, WITH_ACP)
        .derived(List.of(UPTAKE, LOWER95, UPPER95, LOWER998, UPPER998, FUNNEL_FLAG, CHANGE_12M), WITH_ACP, REGISTER)
        .numerator(WITH_ACP, REGISTER)
        .suppressedFlag(SUPPRESSED)
        .build();

    private AcpUptake() {}
  }

  /**
   * Referrals, population and rate per 1,000 by IMD decile and quintile of residence, per period, geography,
   * service and IMD basis: the columns {@code uk.pophealth.deprivation} writes. The first eight columns (period to
   * imd_basis) lead every referral table that is per period; {@link #QUANTILE_TYPE} and {@link #IMD_QUANTILE}
   * complete the key.
   */
  public static final class ReferralDeprivation {
    public static final String NAME = "referral_deprivation";
    public static final String MONTHS_COVERED = "months_covered";
    public static final String IMD_BASIS = "imd_basis";
    public static final String QUANTILE_TYPE = "quantile_type";
    public static final String IMD_QUANTILE = "imd_quantile";
    public static final String IMD_DECILE = "imd_decile";
    public static final String REFERRALS = "referrals";
    public static final String POPULATION = "population";
    public static final String POPULATION_SOURCE = "population_source";
    public static final String RATE_PER_1000 = "rate_per_1000";

    /**
     * geography_code and geography_name of the total over every area, and of referrals whose LSOA is unresolved
     * or outside the footprint (geography_level values are {@link OutputTables#LEVEL_PLACE},
     * {@link OutputTables#LEVEL_ICS}, {@link OutputTables#LEVEL_DISTRICT} and {@link OutputTables#LEVEL_ALL};
     * period_type values {@link OutputTables#PERIOD_MONTH}, {@link OutputTables#PERIOD_QUARTER} and
     * {@link OutputTables#PERIOD_FINANCIAL_YEAR}).
     */
    public static final String CODE_ALL = "ALL";
    public static final String NAME_ALL = "All areas";
    public static final String CODE_UNKNOWN = "unknown";
    public static final String NAME_UNKNOWN = "Unknown";
    /** service values besides the feeds' own service names (also in the other referral tables). */
    public static final String SERVICE_ALL = "all";
    public static final String SERVICE_ASC_REQUEST = "asc_request";
    public static final String SERVICE_ASC_REQUEST_ROUTE_PREFIX = "asc_request:";
    /** The route in {@code asc_request:<route>} of a request without one. */
    public static final String ASC_REQUEST_ROUTE_UNKNOWN = "unknown";
    /** imd_basis values. */
    public static final String BASIS_NATIONAL = "national";
    public static final String BASIS_ICS_LOCAL = "ics_local";
    /** quantile_type values. */
    public static final String QUANTILE_DECILE = "decile";
    public static final String QUANTILE_QUINTILE = "quintile";
    /** population_source values. */
    public static final String SOURCE_ONS = "ons";
    public static final String SOURCE_GP_REGISTERED = "gp_registered";

    /** The leading columns of referral_deprivation and referral_inequality: period, area, service, IMD basis. */
    static List<StructField> leadingFields() {
      return List.of(
          field(PERIOD_TYPE, StringType, false, "Reporting period type: month, quarter (calendar) or fy (April-March)",
              NONE),
          field(PERIOD_START, DateType, false, "First day of the period", DATE),
          field(MONTHS_COVERED, IntegerType, false, "Months of the period inside the reporting range", MONTHS),
          field(GEOGRAPHY_LEVEL, StringType, false, "place, ics, district or all", NONE),
          field(GEOGRAPHY_CODE, StringType, false, "Area code at that level in force at the referral date; unknown "
              + "where the LSOA is unresolved or outside the footprint; ALL for the total", NONE),
          field(GEOGRAPHY_NAME, StringType, false, "Area name (the code for districts)", NONE),
          field(SERVICE, StringType, false, "Service referred to; asc_request (all routes), asc_request:<route>, "
              + "or all (every referral once)", NONE),
          field(IMD_BASIS, StringType, false, "national IMD deciles, or ics_local deciles re-ranked within the ICS",
              NONE));
    }

    public static final TableSchema SCHEMA = new TableSchema(NAME, Shared.schema(leadingFields(),
        field(QUANTILE_TYPE, StringType, false, "decile or quintile", NONE),
        field(IMD_QUANTILE, IntegerType, true, "IMD decile or quintile (1 = most deprived); empty = unknown", NONE),
        field(IMD_DECILE, IntegerType, true, "IMD decile (1 = most deprived) on decile rows; empty otherwise", NONE),
        field(REFERRALS, LongType, true, "Referrals in the cell", REFERRAL_COUNT),
        field(POPULATION, LongType, true, "Population of the cell's LSOAs at the period", PEOPLE),
        field(POPULATION_SOURCE, StringType, false, "ons (mid-year estimate, latest year <= period year) or "
            + "gp_registered (people registered on the period start date)", NONE),
        field(RATE_PER_1000, DoubleType, true, "Referrals per 1,000 population", PER_1000),
        field(LOWER95, DoubleType, true, "95% lower limit of the rate (Byar; exact Poisson below 10)", PER_1000),
        field(UPPER95, DoubleType, true, "95% upper limit of the rate (Byar; exact Poisson below 10)", PER_1000),
        field(SUPPRESSED, BooleanType, false, "Set by disclosure control at publish", NONE)),
        Set.of(), "Referrals, population and rate per 1,000 by IMD decile and quintile.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(PERIOD_START)
        .key(PERIOD_TYPE, PERIOD_START, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, SERVICE, IMD_BASIS, QUANTILE_TYPE, IMD_QUANTILE)
        .counts(REFERRALS, POPULATION)
        .derived(List.of(RATE_PER_1000, LOWER95, UPPER95), REFERRALS, POPULATION)
        .numerator(REFERRALS, POPULATION)
        .suppressedFlag(SUPPRESSED)
        .build();

    private ReferralDeprivation() {}
  }

  /**
   * Share of referrals from the 40% most deprived LSOAs against population share and target, SII and RII, per
   * period, geography, service and IMD basis: the columns {@code uk.pophealth.deprivation} writes. Its first eight
   * columns are referral_deprivation's and form the key.
   */
  public static final class ReferralInequality {
    public static final String NAME = "referral_inequality";
    public static final String REFERRALS_KNOWN_DECILE = "referrals_known_decile";
    public static final String REFERRALS_MOST_DEPRIVED_40 = "referrals_most_deprived_40";
    public static final String SHARE_MOST_DEPRIVED_40 = "share_most_deprived_40";
    public static final String SHARE_LOWER95 = "share_lower95";
    public static final String SHARE_UPPER95 = "share_upper95";
    public static final String POPULATION_KNOWN_DECILE = "population_known_decile";
    public static final String POPULATION_MOST_DEPRIVED_40 = "population_most_deprived_40";
    public static final String POPULATION_SHARE_MOST_DEPRIVED_40 = "population_share_most_deprived_40";
    public static final String SHARE_TO_POPULATION_SHARE = "share_to_population_share";
    public static final String TARGET_SHARE = "target_share";
    public static final String GAP_TO_TARGET = "gap_to_target";
    public static final String SII = "sii";
    public static final String SII_LOWER95 = "sii_lower95";
    public static final String SII_UPPER95 = "sii_upper95";
    public static final String RII = "rii";
    public static final String RII_LOWER95 = "rii_lower95";
    public static final String RII_UPPER95 = "rii_upper95";
    public static final String SII_STATUS = "sii_status";
    /** sii_status of a row with an SII. */
    public static final String SII_OK = "ok";
    public static final String RATE_RATIO_D1_D10 = "rate_ratio_d1_d10";

    public static final TableSchema SCHEMA = new TableSchema(NAME, Shared.schema(ReferralDeprivation.leadingFields(),
        field(ReferralDeprivation.REFERRALS, LongType, true, "All referrals, unknown decile included", REFERRAL_COUNT),
        field(REFERRALS_KNOWN_DECILE, LongType, true, "Referrals with a known IMD decile", REFERRAL_COUNT),
        field(REFERRALS_MOST_DEPRIVED_40, LongType, true, "Referrals from deciles 1-4", REFERRAL_COUNT),
        field(SHARE_MOST_DEPRIVED_40, DoubleType, true, "Share of known-decile referrals from deciles 1-4", SHARE),
        field(SHARE_LOWER95, DoubleType, true, "95% lower limit of the share (Wilson)", SHARE),
        field(SHARE_UPPER95, DoubleType, true, "95% upper limit of the share (Wilson)", SHARE),
        field(POPULATION_KNOWN_DECILE, LongType, true, "Population with a known IMD decile", PEOPLE),
        field(POPULATION_MOST_DEPRIVED_40, LongType, true, "Population of deciles 1-4", PEOPLE),
        field(POPULATION_SHARE_MOST_DEPRIVED_40, DoubleType, true, "Share of the population in deciles 1-4", SHARE),
        field(SHARE_TO_POPULATION_SHARE, DoubleType, true, "share_most_deprived_40 / population share", RATIO),
        field(TARGET_SHARE, DoubleType, false, "Configured target share from deciles 1-4", SHARE),
        field(GAP_TO_TARGET, DoubleType, true, "share_most_deprived_40 - target_share", SHARE),
        field(SII, DoubleType, true, "Slope index of inequality of the rate per 1,000 (phe_sii, RATE): least minus "
            + "most deprived end, so negative = more referrals in deprived areas; null with any decile's cell suppressed "
            + "in referral_deprivation (with the other deciles it would give that cell back)", PER_1000),
        field(SII_LOWER95, DoubleType, true, "Simulated 95% lower limit of the SII", PER_1000),
        field(SII_UPPER95, DoubleType, true, "Simulated 95% upper limit of the SII", PER_1000),
        field(RII, DoubleType, true, "Relative index of inequality: least / most deprived end of the fitted line",
            RATIO),
        field(RII_LOWER95, DoubleType, true, "Simulated 95% lower limit of the RII", RATIO),
        field(RII_UPPER95, DoubleType, true, "Simulated 95% upper limit of the RII", RATIO),
        field(SII_STATUS, StringType, false, "ok, or why no SII: a decile without population or referrals, or "
            + "withheld because a decile's cell is suppressed in referral_deprivation", NONE),
        field(RATE_RATIO_D1_D10, DoubleType, true, "Rate in decile 1 / rate in decile 10; null with either decile's cell "
            + "suppressed in referral_deprivation", RATIO),
        field(SUPPRESSED, BooleanType, false, "Set by disclosure control at publish", NONE)),
        Set.of(), "Share of referrals from the 40% most deprived LSOAs against population and target; SII/RII.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(PERIOD_START)
        .key(PERIOD_TYPE, PERIOD_START, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, SERVICE, ReferralDeprivation.IMD_BASIS)
        .counts(ReferralDeprivation.REFERRALS, REFERRALS_KNOWN_DECILE, REFERRALS_MOST_DEPRIVED_40,
            POPULATION_KNOWN_DECILE,
            POPULATION_MOST_DEPRIVED_40)
        .derived(List.of(SHARE_MOST_DEPRIVED_40, SHARE_LOWER95, SHARE_UPPER95, GAP_TO_TARGET),
            REFERRALS_MOST_DEPRIVED_40, REFERRALS_KNOWN_DECILE)
        .derived(List.of(POPULATION_SHARE_MOST_DEPRIVED_40), POPULATION_MOST_DEPRIVED_40, POPULATION_KNOWN_DECILE)
        .derived(List.of(SHARE_TO_POPULATION_SHARE), REFERRALS_MOST_DEPRIVED_40, REFERRALS_KNOWN_DECILE,
            POPULATION_MOST_DEPRIVED_40, POPULATION_KNOWN_DECILE)
        .derived(List.of(SII, SII_LOWER95, SII_UPPER95, RII, RII_LOWER95, RII_UPPER95, RATE_RATIO_D1_D10),
            ReferralDeprivation.REFERRALS)
        .numerator(REFERRALS_KNOWN_DECILE, ReferralDeprivation.REFERRALS)
        .numerator(REFERRALS_MOST_DEPRIVED_40, REFERRALS_KNOWN_DECILE)
        .numerator(POPULATION_MOST_DEPRIVED_40, POPULATION_KNOWN_DECILE)
        .suppressedFlag(SUPPRESSED)
        .build();

    private ReferralInequality() {}
  }

  /** How each referral's LSOA of residence was found, per service, over the reporting range. */
  public static final class ReferralLsoaResolution {
    public static final String NAME = "referral_lsoa_resolution";
    public static final String RANGE_START = "range_start";
    public static final String RANGE_END = "range_end";
    public static final String LSOA_SOURCE = "lsoa_source";
    public static final String LSOA_MAPPING = "lsoa_mapping";
    public static final String SHARE_OF_REFERRALS = "share_of_referrals";
    public static final String REFERRALS_WITH_DECILE = "referrals_with_imd_decile";

    /** lsoa_source values. */
    public static final String SOURCE_OWN_LSOA = "own_lsoa";
    public static final String SOURCE_GP_REGISTRATION = "gp_registration";
    public static final String SOURCE_UNRESOLVED = "unresolved";
    /** lsoa_mapping values: how the LSOA code reached the vintage of the IMD (LSOA 2011 / 2021). */
    public static final String MAPPING_AS_GIVEN = "as_given";
    public static final String MAPPING_MAPPED = "mapped";
    public static final String MAPPING_SHARED = "mapped_shared";
    public static final String MAPPING_UNMAPPED = "unmapped";
    public static final String MAPPING_NO_LSOA = "no_lsoa";

    public static final TableSchema SCHEMA = new TableSchema(NAME, new StructType(new StructField[] {
        field(RANGE_START, DateType, false, "First day of the reporting range", DATE),
        field(RANGE_END, DateType, false, "Last day of the reporting range", DATE),
        field(SERVICE, StringType, false, "Service, as in referral_deprivation", NONE),
        field(LSOA_SOURCE, StringType, false, "own_lsoa (on the referral), gp_registration (GP-registered LSOA "
            + "on the referral date) or unresolved", NONE),
        field(LSOA_MAPPING, StringType, false, "How the code reached the IMD's LSOA vintage: as_given (ranked as "
            + "given), mapped (ONS LSOA 2011-2021 lookup, one code), mapped_shared (one of several codes of a split "
            + "or merge, shared equally), unmapped (no decile: in the unknown-decile rows) or no_lsoa", NONE),
        field(ReferralDeprivation.REFERRALS, LongType, true, "Referrals resolved this way", REFERRAL_COUNT),
        field(SHARE_OF_REFERRALS, DoubleType, true, "Share of the service's referrals, from the published "
            + "counts (suppressed rows count for nothing)", SHARE),
        field(REFERRALS_WITH_DECILE, LongType, true, "Of them, with a national IMD decile", REFERRAL_COUNT),
        field(SUPPRESSED, BooleanType, false, "Set by disclosure control at publish", NONE)}),
        Set.of(), "How each referral's LSOA of residence was found, over the reporting range.");

    /** Partitioned by the range start: a re-run over a range starting in the same month replaces it. */
    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(RANGE_START)
        .key(RANGE_START, RANGE_END, SERVICE, LSOA_SOURCE, LSOA_MAPPING)
        .counts(ReferralDeprivation.REFERRALS, REFERRALS_WITH_DECILE)
        .derived(List.of(SHARE_OF_REFERRALS), ReferralDeprivation.REFERRALS)
        .numerator(REFERRALS_WITH_DECILE, ReferralDeprivation.REFERRALS)
        .suppressedFlag(SUPPRESSED)
        .build();

    private ReferralLsoaResolution() {}
  }

  /** Monthly actuals, fitted values and forecasts with prediction intervals, per area and activity. */
  public static final class DemandForecast {
    public static final String NAME = "demand_forecast";
    public static final String MONTH = "month";
    public static final String KIND = "kind";
    public static final String VALUE = "value";
    public static final String LOWER80 = "lower80";
    public static final String UPPER80 = "upper80";
    public static final String MODEL_PARAMETERS = "model_parameters";
    public static final String SERIES_KIND = "series_kind";
    public static final String DEMOGRAPHIC_PROJECTION = "demographic_projection";
    public static final String CAPACITY = "capacity";
    public static final String UTILISATION = "utilisation";
    public static final String UTILISATION_UPPER95 = "utilisation_upper95";
    public static final String CAPACITY_EXCEEDED_FROM = "capacity_exceeded_from";
    public static final String ACTUAL_COUNT = "actual_count";
    public static final String FIT_NOTE = "fit_note";

    /** kind values. */
    public static final String KIND_ACTUAL = "actual";
    public static final String KIND_FITTED = "fitted";
    public static final String KIND_FORECAST = "forecast";
    /** series_kind values. */
    public static final String SERIES_COUNT = "count";
    public static final String SERIES_LEVEL = "level";

    public static final TableSchema SCHEMA = new TableSchema(NAME, new StructType(new StructField[] {
        field(FORECAST_ORIGIN, DateType, false, "First day of the last month of history the forecast was made from", DATE),
        field(GEOGRAPHY_LEVEL, StringType, false, "Level of the area: place, ics, all, or series (an analyst's own series)",
            NONE),
        field(GEOGRAPHY_CODE, StringType, false,
            "Code of the area on the current footprint (series_id for an analyst's own series)", NONE),
        field(ACTIVITY_NAME, StringType, false,
            "What is forecast, e.g. social care requests, assessments, new services, reviews, referrals per service, "
                + "dementia register size",
            NONE),
        field(MONTH, DateType, false, "First day of the month the value is for", DATE),
        field(KIND, StringType, false, "actual, fitted (one-step-ahead in-sample) or forecast", NONE),
        field(VALUE, DoubleType, true, "The actual, fitted or forecast value (forecasts reconciled across the hierarchy); "
            + "under disclosure control every model is fitted on the published actuals (suppressed months missing)",
            ACTIVITY),
        field(LOWER80, DoubleType, true, "80% prediction interval lower limit (forecast rows)", ACTIVITY),
        field(UPPER80, DoubleType, true, "80% prediction interval upper limit (forecast rows)", ACTIVITY),
        field(LOWER95, DoubleType, true, "95% prediction interval lower limit (forecast rows)", ACTIVITY),
        field(UPPER95, DoubleType, true, "95% prediction interval upper limit (forecast rows)", ACTIVITY),
        field(MODEL, StringType, false, "Model chosen for the series, e.g. ETS(A,Ad,M), Theta, SNaive; None for a "
            + "series not forecast (no observed month, fit_note says why)", NONE),
        field(GEOGRAPHY_NAME, StringType, true, "Name of the area on the current footprint", NONE),
        field(SERIES_KIND, StringType, false,
            "What the value measures: count (events in the month) or level (people at the month end, e.g. register size)",
            NONE),
        field(MODEL_PARAMETERS, StringType, true,
            "Fitted parameters of the model as name=value pairs separated by ';' (e.g. alpha=0.31;beta=0.02;phi=0.98)",
            NONE),
        field(DEMOGRAPHIC_PROJECTION, DoubleType, true,
            "Activity projected from age-specific rates per head x projected population (when population projections "
                + "are given); under disclosure control scaled to the published last 12 months, none where one is "
                + "suppressed",
            ACTIVITY),
        field(CAPACITY, DoubleType, true, "Commissioned capacity for the month (when a capacity table is given)", ACTIVITY),
        field(UTILISATION, DoubleType, true, "value / capacity", PROPORTION),
        field(UTILISATION_UPPER95, DoubleType, true, "upper95 / capacity", PROPORTION),
        field(CAPACITY_EXCEEDED_FROM, DateType, true,
            "First forecast month whose 95% upper limit exceeds capacity (same on every row of the series); null if none",
            DATE),
        field(PARENT_CODE, StringType, true, "ICS of a place (current footprint); null at other levels", NONE),
        field(ACTUAL_COUNT, LongType, true, "The actual as a count of events or people (actual rows of place, ICS and "
            + "all-areas series; null elsewhere); under disclosure control, and value on those rows is published as "
            + "this count is", ACTIVITY),
        field(SUPPRESSED, BooleanType, false, "Set by disclosure control: a suppressed actual, or a fitted or forecast "
            + "row of a series with more than a quarter of its months suppressed (not forecast)", NONE),
        field(FIT_NOTE, StringType, true, "Why the series has the model it has: a fallback and its reason, or why it "
            + "was not forecast (notes joined by '; ', same on every row of the series, and on its withheld rows the "
            + "disclosure control that withheld them); null for a normal fit", NONE)}),
        Set.of(), "Demand series per area and activity: actuals, fitted values and forecasts with 80% and 95% "
            + "prediction intervals, demographic projection and capacity.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(FORECAST_ORIGIN)
        .key(FORECAST_ORIGIN, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, ACTIVITY_NAME, MONTH, KIND)
        .counts(ACTUAL_COUNT)
        .countCopy(VALUE, ACTUAL_COUNT)
        .derived(List.of(UTILISATION), ACTUAL_COUNT)
        .suppressedFlag(SUPPRESSED)
        .build();

    private DemandForecast() {}
  }

  /** Rolling-origin backtest accuracy per series and model, the chosen model's beside the benchmark's. */
  public static final class ForecastAccuracy {
    public static final String NAME = "forecast_accuracy";
    public static final String MASE = "mase";
    public static final String SMAPE = "smape";
    public static final String COVERAGE80 = "coverage80";
    public static final String COVERAGE95 = "coverage95";
    public static final String ORIGINS = "origins";
    public static final String MODEL_ROLE = "model_role";
    public static final String WINKLER95 = "winkler95";
    public static final String MAX_HORIZON = "max_horizon";

    /** model_role values. */
    public static final String ROLE_CHOSEN = "chosen";
    public static final String ROLE_BENCHMARK = "benchmark";
    public static final String ROLE_CANDIDATE = "candidate";
    /** A reconciliation method's backtest (model BottomUp or TopDown), from which the hierarchy's method is chosen. */
    public static final String ROLE_RECONCILIATION = "reconciliation";

    public static final TableSchema SCHEMA = new TableSchema(NAME, new StructType(new StructField[] {
        field(FORECAST_ORIGIN, DateType, false, "Forecast origin of the run the backtest belongs to", DATE),
        field(GEOGRAPHY_LEVEL, StringType, false, "Level of the area: place, ics, all or series", NONE),
        field(GEOGRAPHY_CODE, StringType, false, "Code of the area (series_id for an analyst's own series)", NONE),
        field(ACTIVITY_NAME, StringType, false, "What is forecast (as in demand_forecast)", NONE),
        field(MODEL, StringType, false, "Model the accuracy is for", NONE),
        field(MASE, DoubleType, true, "Mean absolute scaled error (scaled by the in-sample seasonal-naive error)", "ratio"),
        field(SMAPE, DoubleType, true, "Symmetric mean absolute percentage error", "percent 0-200"),
        field(COVERAGE80, DoubleType, true, "Share of backtest actuals inside the 80% interval", PROPORTION),
        field(COVERAGE95, DoubleType, true, "Share of backtest actuals inside the 95% interval", PROPORTION),
        field(ORIGINS, IntegerType, false, "Number of rolling origins in the backtest", "origins"),
        field(MODEL_ROLE, StringType, false,
            "chosen (the model in demand_forecast), benchmark (seasonal naive), candidate, or reconciliation (model "
                + "BottomUp or TopDown: the chosen models' backtest forecasts reconciled by that method)", NONE),
        field(WINKLER95, DoubleType, true, "Mean Winkler interval score of the 95% interval (lower is better)", ACTIVITY),
        field(MAX_HORIZON, IntegerType, true, "Longest horizon in months scored at each origin", "months")}),
        Set.of(), "Rolling-origin backtest accuracy per series and model, the chosen model beside the benchmark.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(FORECAST_ORIGIN)
        .key(FORECAST_ORIGIN, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, ACTIVITY_NAME, MODEL)
        .build();

    private ForecastAccuracy() {}
  }

  /** Every product table, in the order the dictionary lists them (data_quality is declared beside ingestion). */
  public static final List<OutputTable> ALL = List.of(
      AcpUptake.TABLE, ReferralDeprivation.TABLE, ReferralInequality.TABLE, ReferralLsoaResolution.TABLE,
      DemandForecast.TABLE, ForecastAccuracy.TABLE);
}
