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
  static final String REFERRALS = "referrals";
  static final String PROPORTION = "proportion 0-1";
  static final String PER_1000 = "per 1,000 population";
  static final String ACTIVITY = "activity per month";

  /** Column names shared by several tables, with one meaning everywhere. */
  public static final String GEOGRAPHY_LEVEL = "geography_level";
  public static final String GEOGRAPHY_CODE = "geography_code";
  public static final String GEOGRAPHY_NAME = "geography_name";
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
    /** The referral tables' leading columns (period, area, service) followed by the given ones. */
    static StructType referralSchema(StructField... rest) {
      List<StructField> fields = new java.util.ArrayList<>(List.of(
          field(PERIOD_TYPE, StringType, false, "Length of the period: month, quarter or fy (financial year April-March)",
              NONE),
          field(PERIOD_START, DateType, false, "First day of the period", DATE),
          field(GEOGRAPHY_LEVEL, StringType, false, "Level of the area: place, ics, district or all", NONE),
          field(GEOGRAPHY_CODE, StringType, false, "Code of the area as in force in the period ('all' for the total)",
              NONE),
          field(SERVICE, StringType, false,
              "Referral stream: adult social care request route or service name; 'all' for every stream together",
              NONE)));
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
    public static final String GEOGRAPHY_LEVEL = OutputTables.GEOGRAPHY_LEVEL;
    public static final String GEOGRAPHY_CODE = OutputTables.GEOGRAPHY_CODE;
    public static final String GEOGRAPHY_NAME = OutputTables.GEOGRAPHY_NAME;
    public static final String LOWER95 = OutputTables.LOWER95;
    public static final String UPPER95 = OutputTables.UPPER95;
    public static final String SUPPRESSED = OutputTables.SUPPRESSED;
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
    public static final String PARENT_CODE = "parent_code";
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
        .suppressedFlag(SUPPRESSED)
        .build();

    private AcpUptake() {}
  }

  /** Referrals by IMD decile (and quintile) of residence, per period, geography and service. */
  public static final class ReferralDeprivation {
    public static final String NAME = "referral_deprivation";
    public static final String PERIOD_TYPE = OutputTables.PERIOD_TYPE;
    public static final String PERIOD_START = OutputTables.PERIOD_START;
    public static final String GEOGRAPHY_LEVEL = OutputTables.GEOGRAPHY_LEVEL;
    public static final String GEOGRAPHY_CODE = OutputTables.GEOGRAPHY_CODE;
    public static final String GEOGRAPHY_NAME = OutputTables.GEOGRAPHY_NAME;
    public static final String SERVICE = OutputTables.SERVICE;
    public static final String LOWER95 = OutputTables.LOWER95;
    public static final String UPPER95 = OutputTables.UPPER95;
    public static final String SUPPRESSED = OutputTables.SUPPRESSED;
    public static final String IMD_DECILE = "imd_decile";
    public static final String REFERRALS_COLUMN = "referrals";
    public static final String POPULATION = "population";
    public static final String RATE_PER_1000 = "rate_per_1000";
    public static final String QUANTILE_TYPE = "quantile_type";
    public static final String IMD_QUINTILE = "imd_quintile";

    /** quantile_type values: a decile row, a quintile row, or the row of referrals whose LSOA is unknown. */
    public static final String QUANTILE_DECILE = "decile";
    public static final String QUANTILE_QUINTILE = "quintile";
    public static final String QUANTILE_UNKNOWN = "unknown";

    public static final TableSchema SCHEMA = new TableSchema(NAME, Shared.referralSchema(
        field(IMD_DECILE, IntegerType, true,
            "IMD decile of the LSOA of residence, 1 = most deprived; set on decile rows, null on quintile and unknown rows",
            NONE),
        field(REFERRALS_COLUMN, LongType, true, "Referrals in the period from residents of this deprivation group",
            REFERRALS),
        field(POPULATION, LongType, true,
            "Population of this deprivation group in the area (ONS estimate where given, else GP-registered)", PEOPLE),
        field(RATE_PER_1000, DoubleType, true, "referrals / population x 1,000", PER_1000),
        field(LOWER95, DoubleType, true, "95% lower limit of rate_per_1000", PER_1000),
        field(UPPER95, DoubleType, true, "95% upper limit of rate_per_1000", PER_1000),
        Shared.suppressedField(),
        field(GEOGRAPHY_NAME, StringType, true, "Name of the area as in force in the period", NONE),
        field(QUANTILE_TYPE, StringType, false,
            "Which deprivation grouping the row belongs to: decile, quintile, or unknown (referrals whose LSOA could "
                + "not be resolved; imd_decile and imd_quintile are then null)",
            NONE),
        field(IMD_QUINTILE, IntegerType, true,
            "IMD quintile, 1 = most deprived; set on quintile rows, null on decile and unknown rows", NONE)),
        Set.of(), "Referrals by IMD decile and quintile of residence per period, geography and service, with rates.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(PERIOD_START)
        .key(PERIOD_TYPE, PERIOD_START, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, SERVICE, QUANTILE_TYPE, IMD_DECILE, IMD_QUINTILE)
        .counts(REFERRALS_COLUMN, POPULATION)
        .derived(List.of(RATE_PER_1000, LOWER95, UPPER95), REFERRALS_COLUMN, POPULATION)
        .suppressedFlag(SUPPRESSED)
        .build();

    private ReferralDeprivation() {}
  }

  /** Inequality summaries of referrals: share from the 40% most deprived, SII, RII, per period and area. */
  public static final class ReferralInequality {
    public static final String NAME = "referral_inequality";
    public static final String PERIOD_TYPE = OutputTables.PERIOD_TYPE;
    public static final String PERIOD_START = OutputTables.PERIOD_START;
    public static final String GEOGRAPHY_LEVEL = OutputTables.GEOGRAPHY_LEVEL;
    public static final String GEOGRAPHY_CODE = OutputTables.GEOGRAPHY_CODE;
    public static final String GEOGRAPHY_NAME = OutputTables.GEOGRAPHY_NAME;
    public static final String SERVICE = OutputTables.SERVICE;
    public static final String SUPPRESSED = OutputTables.SUPPRESSED;
    public static final String SHARE_MOST_DEPRIVED_40 = "share_most_deprived_40";
    public static final String SHARE_LOWER95 = "share_lower95";
    public static final String SHARE_UPPER95 = "share_upper95";
    public static final String POPULATION_SHARE_MOST_DEPRIVED_40 = "population_share_most_deprived_40";
    public static final String TARGET_SHARE = "target_share";
    public static final String SII = "sii";
    public static final String SII_LOWER95 = "sii_lower95";
    public static final String SII_UPPER95 = "sii_upper95";
    public static final String RII = "rii";
    public static final String RII_LOWER95 = "rii_lower95";
    public static final String RII_UPPER95 = "rii_upper95";
    public static final String RATE_RATIO_D1_D10 = "rate_ratio_d1_d10";
    public static final String REFERRALS_COLUMN = "referrals";
    public static final String REFERRALS_MOST_DEPRIVED_40 = "referrals_most_deprived_40";
    public static final String SHARE_TO_POPULATION_SHARE = "share_to_population_share";
    public static final String GAP_TO_TARGET = "gap_to_target";

    public static final TableSchema SCHEMA = new TableSchema(NAME, Shared.referralSchema(
        field(SHARE_MOST_DEPRIVED_40, DoubleType, true,
            "Share of referrals (of those with a known LSOA) from residents of the 40% most deprived LSOAs (deciles 1-4)",
            PROPORTION),
        field(SHARE_LOWER95, DoubleType, true, "Wilson score 95% lower limit of share_most_deprived_40", PROPORTION),
        field(SHARE_UPPER95, DoubleType, true, "Wilson score 95% upper limit of share_most_deprived_40", PROPORTION),
        field(POPULATION_SHARE_MOST_DEPRIVED_40, DoubleType, true,
            "Share of the area's population living in the 40% most deprived LSOAs", PROPORTION),
        field(TARGET_SHARE, DoubleType, false,
            "Configured target share of referrals from the 40% most deprived (default 0.6)", PROPORTION),
        field(SII, DoubleType, true, "Slope index of inequality of the referral rate across deciles (as phe_sii)",
            PER_1000),
        field(SII_LOWER95, DoubleType, true, "Simulated 95% lower limit of sii", PER_1000),
        field(SII_UPPER95, DoubleType, true, "Simulated 95% upper limit of sii", PER_1000),
        field(RII, DoubleType, true, "Relative index of inequality of the referral rate across deciles (as phe_sii)",
            "ratio"),
        field(RII_LOWER95, DoubleType, true, "Simulated 95% lower limit of rii", "ratio"),
        field(RII_UPPER95, DoubleType, true, "Simulated 95% upper limit of rii", "ratio"),
        field(RATE_RATIO_D1_D10, DoubleType, true, "Referral rate in decile 1 divided by the rate in decile 10", "ratio"),
        field(GEOGRAPHY_NAME, StringType, true, "Name of the area as in force in the period", NONE),
        field(REFERRALS_COLUMN, LongType, true, "Referrals in the period with a known LSOA of residence", REFERRALS),
        field(REFERRALS_MOST_DEPRIVED_40, LongType, true,
            "Referrals in the period from residents of the 40% most deprived LSOAs", REFERRALS),
        field(SHARE_TO_POPULATION_SHARE, DoubleType, true,
            "share_most_deprived_40 / population_share_most_deprived_40 (1 = in proportion to population)", "ratio"),
        field(GAP_TO_TARGET, DoubleType, true,
            "share_most_deprived_40 minus target_share (negative = short of the target)", PROPORTION),
        Shared.suppressedField()),
        Set.of(), "Inequality of referrals by deprivation per period, geography and service: share from the 40% "
            + "most deprived against population share and target, SII and RII.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(PERIOD_START)
        .key(PERIOD_TYPE, PERIOD_START, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, SERVICE)
        .counts(REFERRALS_COLUMN, REFERRALS_MOST_DEPRIVED_40)
        .derived(List.of(SHARE_MOST_DEPRIVED_40, SHARE_LOWER95, SHARE_UPPER95, SHARE_TO_POPULATION_SHARE, GAP_TO_TARGET),
            REFERRALS_MOST_DEPRIVED_40, REFERRALS_COLUMN)
        .derived(List.of(SII, SII_LOWER95, SII_UPPER95, RII, RII_LOWER95, RII_UPPER95, RATE_RATIO_D1_D10),
            REFERRALS_COLUMN)
        .suppressedFlag(SUPPRESSED)
        .build();

    private ReferralInequality() {}
  }

  /** Monthly actuals, fitted values and forecasts with prediction intervals, per area and activity. */
  public static final class DemandForecast {
    public static final String NAME = "demand_forecast";
    public static final String FORECAST_ORIGIN = OutputTables.FORECAST_ORIGIN;
    public static final String GEOGRAPHY_LEVEL = OutputTables.GEOGRAPHY_LEVEL;
    public static final String GEOGRAPHY_CODE = OutputTables.GEOGRAPHY_CODE;
    public static final String GEOGRAPHY_NAME = OutputTables.GEOGRAPHY_NAME;
    public static final String ACTIVITY_NAME = OutputTables.ACTIVITY_NAME;
    public static final String LOWER95 = OutputTables.LOWER95;
    public static final String UPPER95 = OutputTables.UPPER95;
    public static final String MODEL = OutputTables.MODEL;
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
        field(VALUE, DoubleType, true, "The actual, fitted or forecast value (forecasts reconciled across the hierarchy)",
            ACTIVITY),
        field(LOWER80, DoubleType, true, "80% prediction interval lower limit (forecast rows)", ACTIVITY),
        field(UPPER80, DoubleType, true, "80% prediction interval upper limit (forecast rows)", ACTIVITY),
        field(LOWER95, DoubleType, true, "95% prediction interval lower limit (forecast rows)", ACTIVITY),
        field(UPPER95, DoubleType, true, "95% prediction interval upper limit (forecast rows)", ACTIVITY),
        field(MODEL, StringType, false, "Model chosen for the series, e.g. ETS(A,Ad,M), Theta, SNaive", NONE),
        field(GEOGRAPHY_NAME, StringType, true, "Name of the area on the current footprint", NONE),
        field(SERIES_KIND, StringType, false,
            "What the value measures: count (events in the month) or level (people at the month end, e.g. register size)",
            NONE),
        field(MODEL_PARAMETERS, StringType, true,
            "Fitted parameters of the model as name=value pairs separated by ';' (e.g. alpha=0.31;beta=0.02;phi=0.98)",
            NONE),
        field(DEMOGRAPHIC_PROJECTION, DoubleType, true,
            "Activity projected from age-specific rates per head x projected population (when population projections "
                + "are given)",
            ACTIVITY),
        field(CAPACITY, DoubleType, true, "Commissioned capacity for the month (when a capacity table is given)", ACTIVITY),
        field(UTILISATION, DoubleType, true, "value / capacity", PROPORTION),
        field(UTILISATION_UPPER95, DoubleType, true, "upper95 / capacity", PROPORTION),
        field(CAPACITY_EXCEEDED_FROM, DateType, true,
            "First forecast month whose 95% upper limit exceeds capacity (same on every row of the series); null if none",
            DATE)}),
        Set.of(), "Demand series per area and activity: actuals, fitted values and forecasts with 80% and 95% "
            + "prediction intervals, demographic projection and capacity.");

    public static final OutputTable TABLE = OutputTable.builder(SCHEMA)
        .partitionedBy(FORECAST_ORIGIN)
        .key(FORECAST_ORIGIN, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, ACTIVITY_NAME, MONTH, KIND)
        .build();

    private DemandForecast() {}
  }

  /** Rolling-origin backtest accuracy per series and model, the chosen model's beside the benchmark's. */
  public static final class ForecastAccuracy {
    public static final String NAME = "forecast_accuracy";
    public static final String FORECAST_ORIGIN = OutputTables.FORECAST_ORIGIN;
    public static final String GEOGRAPHY_LEVEL = OutputTables.GEOGRAPHY_LEVEL;
    public static final String GEOGRAPHY_CODE = OutputTables.GEOGRAPHY_CODE;
    public static final String ACTIVITY_NAME = OutputTables.ACTIVITY_NAME;
    public static final String MODEL = OutputTables.MODEL;
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
            "chosen (the model in demand_forecast), benchmark (seasonal naive) or candidate", NONE),
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
      AcpUptake.TABLE, ReferralDeprivation.TABLE, ReferralInequality.TABLE, DemandForecast.TABLE,
      ForecastAccuracy.TABLE);
}
