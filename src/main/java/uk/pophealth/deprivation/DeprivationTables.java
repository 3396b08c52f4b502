package uk.pophealth.deprivation;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.field;

import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.TableSchema;

/**
 * The three tables this product returns, declared once: column names, types, meanings and units (for the data
 * dictionary), and the fixed values some columns take. Counts are not yet disclosure-controlled ({@code suppressed}
 * is false): the publish layer applies that.
 */
public final class DeprivationTables {
  // Shared key columns
  public static final String PERIOD_TYPE = "period_type";
  public static final String PERIOD_START = "period_start";
  public static final String MONTHS_COVERED = "months_covered";
  public static final String GEOGRAPHY_LEVEL = "geography_level";
  public static final String GEOGRAPHY_CODE = "geography_code";
  public static final String GEOGRAPHY_NAME = "geography_name";
  public static final String SERVICE = "service";
  public static final String IMD_BASIS = "imd_basis";
  public static final String SUPPRESSED = "suppressed";

  // referral_deprivation
  public static final String QUANTILE_TYPE = "quantile_type";
  public static final String IMD_QUANTILE = "imd_quantile";
  public static final String IMD_DECILE = "imd_decile";
  public static final String REFERRALS = "referrals";
  public static final String POPULATION = "population";
  public static final String POPULATION_SOURCE = "population_source";
  public static final String RATE_PER_1000 = "rate_per_1000";
  public static final String LOWER95 = "lower95";
  public static final String UPPER95 = "upper95";

  // referral_inequality
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
  public static final String RATE_RATIO_D1_D10 = "rate_ratio_d1_d10";

  // referral_lsoa_resolution
  public static final String RANGE_START = "range_start";
  public static final String RANGE_END = "range_end";
  public static final String LSOA_SOURCE = "lsoa_source";
  public static final String SHARE_OF_REFERRALS = "share_of_referrals";
  public static final String REFERRALS_WITH_DECILE = "referrals_with_imd_decile";

  /** Values of period_type. */
  public static final String MONTH = "month";
  public static final String QUARTER = "quarter";
  public static final String FINANCIAL_YEAR = "fy";
  /** Values of geography_level, and the code and name of the total and of areas the footprint does not cover. */
  public static final String PLACE = "place";
  public static final String ICS = "ics";
  public static final String DISTRICT = "district";
  public static final String ALL = "all";
  public static final String ALL_CODE = "ALL";
  public static final String ALL_NAME = "All areas";
  public static final String UNKNOWN = "unknown";
  public static final String UNKNOWN_NAME = "Unknown";
  /** Values of service besides the feeds' own service names. */
  public static final String ALL_SERVICES = "all";
  public static final String ASC_REQUESTS = "asc_request";
  public static final String ASC_REQUEST_ROUTE_PREFIX = "asc_request:";
  /** Values of imd_basis, quantile_type, population_source, lsoa_source. */
  public static final String NATIONAL = "national";
  public static final String ICS_LOCAL = "ics_local";
  public static final String DECILE = "decile";
  public static final String QUINTILE = "quintile";
  public static final String ONS = "ons";
  public static final String GP_REGISTERED = "gp_registered";
  public static final String OWN_LSOA = "own_lsoa";
  public static final String GP_REGISTRATION = "gp_registration";
  public static final String UNRESOLVED = "unresolved";

  private static final StructField[] KEY = {
      field(PERIOD_TYPE, StringType, false, "Reporting period type: month, quarter (calendar) or fy (April-March)", ""),
      field(PERIOD_START, DateType, false, "First day of the period", "date"),
      field(MONTHS_COVERED, IntegerType, false, "Months of the period inside the reporting range", "months"),
      field(GEOGRAPHY_LEVEL, StringType, false, "place, ics, district or all", ""),
      field(GEOGRAPHY_CODE, StringType, false, "Area code at that level in force at the referral date; unknown "
          + "where the LSOA is unresolved or outside the footprint; ALL for the total", ""),
      field(GEOGRAPHY_NAME, StringType, false, "Area name (the code for districts)", ""),
      field(SERVICE, StringType, false, "Service referred to; asc_request (all routes), asc_request:<route>, "
          + "or all (every referral once)", ""),
      field(IMD_BASIS, StringType, false, "national IMD deciles, or ics_local deciles re-ranked within the ICS", "")};

  public static final TableSchema REFERRAL_DEPRIVATION = new TableSchema("referral_deprivation", schema(KEY,
      field(QUANTILE_TYPE, StringType, false, "decile or quintile", ""),
      field(IMD_QUANTILE, IntegerType, true, "IMD decile or quintile (1 = most deprived); empty = unknown", ""),
      field(IMD_DECILE, IntegerType, true, "IMD decile (1 = most deprived) on decile rows; empty otherwise", ""),
      field(REFERRALS, LongType, false, "Referrals in the cell", "referrals"),
      field(POPULATION, LongType, true, "Population of the cell's LSOAs at the period", "people"),
      field(POPULATION_SOURCE, StringType, false, "ons (mid-year estimate, latest year <= period year) or "
          + "gp_registered (people registered on the period start date)", ""),
      field(RATE_PER_1000, DoubleType, true, "Referrals per 1,000 population", "per 1,000"),
      field(LOWER95, DoubleType, true, "95% lower limit of the rate (Byar; exact Poisson below 10)", "per 1,000"),
      field(UPPER95, DoubleType, true, "95% upper limit of the rate (Byar; exact Poisson below 10)", "per 1,000"),
      field(SUPPRESSED, BooleanType, false, "Set by disclosure control at publish", "")),
      Set.of(), "Referrals, population and rate per 1,000 by IMD decile and quintile.");

  public static final TableSchema REFERRAL_INEQUALITY = new TableSchema("referral_inequality", schema(KEY,
      field(REFERRALS, LongType, false, "All referrals, unknown decile included", "referrals"),
      field(REFERRALS_KNOWN_DECILE, LongType, false, "Referrals with a known IMD decile", "referrals"),
      field(REFERRALS_MOST_DEPRIVED_40, LongType, false, "Referrals from deciles 1-4", "referrals"),
      field(SHARE_MOST_DEPRIVED_40, DoubleType, true, "Share of known-decile referrals from deciles 1-4", "0-1"),
      field(SHARE_LOWER95, DoubleType, true, "95% lower limit of the share (Wilson)", "0-1"),
      field(SHARE_UPPER95, DoubleType, true, "95% upper limit of the share (Wilson)", "0-1"),
      field(POPULATION_KNOWN_DECILE, LongType, true, "Population with a known IMD decile", "people"),
      field(POPULATION_MOST_DEPRIVED_40, LongType, true, "Population of deciles 1-4", "people"),
      field(POPULATION_SHARE_MOST_DEPRIVED_40, DoubleType, true, "Share of the population in deciles 1-4", "0-1"),
      field(SHARE_TO_POPULATION_SHARE, DoubleType, true, "share_most_deprived_40 / population share", "ratio"),
      field(TARGET_SHARE, DoubleType, false, "Configured target share from deciles 1-4", "0-1"),
      field(GAP_TO_TARGET, DoubleType, true, "share_most_deprived_40 - target_share", "0-1"),
      field(SII, DoubleType, true, "Slope index of inequality of the rate per 1,000 (phe_sii, RATE): least minus "
          + "most deprived end, so negative = more referrals in deprived areas", "per 1,000"),
      field(SII_LOWER95, DoubleType, true, "Simulated 95% lower limit of the SII", "per 1,000"),
      field(SII_UPPER95, DoubleType, true, "Simulated 95% upper limit of the SII", "per 1,000"),
      field(RII, DoubleType, true, "Relative index of inequality: least / most deprived end of the fitted line",
          "ratio"),
      field(RII_LOWER95, DoubleType, true, "Simulated 95% lower limit of the RII", "ratio"),
      field(RII_UPPER95, DoubleType, true, "Simulated 95% upper limit of the RII", "ratio"),
      field(SII_STATUS, StringType, false, "ok, or why no SII: a decile without population or referrals", ""),
      field(RATE_RATIO_D1_D10, DoubleType, true, "Rate in decile 1 / rate in decile 10", "ratio"),
      field(SUPPRESSED, BooleanType, false, "Set by disclosure control at publish", "")),
      Set.of(), "Share of referrals from the 40% most deprived LSOAs against population and target; SII/RII.");

  public static final TableSchema REFERRAL_LSOA_RESOLUTION = new TableSchema("referral_lsoa_resolution",
      new StructType(new StructField[] {
          field(RANGE_START, DateType, false, "First day of the reporting range", "date"),
          field(RANGE_END, DateType, false, "Last day of the reporting range", "date"),
          field(SERVICE, StringType, false, "Service, as in referral_deprivation", ""),
          field(LSOA_SOURCE, StringType, false, "own_lsoa (on the referral), gp_registration (GP-registered LSOA "
              + "on the referral date) or unresolved", ""),
          field(REFERRALS, LongType, false, "Referrals resolved this way", "referrals"),
          field(SHARE_OF_REFERRALS, DoubleType, false, "Share of the service's referrals", "0-1"),
          field(REFERRALS_WITH_DECILE, LongType, false, "Of them, with a national IMD decile", "referrals"),
          field(SUPPRESSED, BooleanType, false, "Set by disclosure control at publish", "")}),
      Set.of(), "How each referral's LSOA of residence was found, over the reporting range.");

  private DeprivationTables() {}

  private static StructType schema(StructField[] key, StructField... rest) {
    StructField[] all = new StructField[key.length + rest.length];
    System.arraycopy(key, 0, all, 0, key.length);
    System.arraycopy(rest, 0, all, key.length, rest.length);
    return new StructType(all);
  }
}
