package uk.pophealth.schema;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The input contract of DESIGN.md, declared once: every canonical input table, its columns and types as the
 * products see them after ingestion. Column-name constants live in the nested classes; product code refers
 * to them, never to string literals.
 */
public final class InputTables {
  private InputTables() {}

  public static final class GpPatients {
    public static final String NAME = "gp_patients";
    public static final String PERSON_ID = "person_id";
    public static final String PRACTICE_CODE = "practice_code";
    public static final String YEAR_OF_BIRTH = "year_of_birth";
    public static final String SEX = "sex";
    public static final String LSOA_CODE = "lsoa_code";
    public static final String REGISTRATION_START = "registration_start";
    public static final String REGISTRATION_END = "registration_end";
    public static final String DATE_OF_DEATH = "date_of_death";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(PERSON_ID, StringType, "Person identifier: raw NHS number or pseudonym (pseudonymised at ingest)"),
        required(PRACTICE_CODE, StringType, "ODS code of the GP practice of this registration"),
        required(YEAR_OF_BIRTH, IntegerType, "Year of birth"),
        required(SEX, StringType, "Sex: M, F, or U (unknown / indeterminate)"),
        optional(LSOA_CODE, StringType, "LSOA of residence during this registration"),
        required(REGISTRATION_START, DateType, "First day of the registration"),
        optional(REGISTRATION_END, DateType, "Last day of the registration; empty while registered"),
        optional(DATE_OF_DEATH, DateType, "Date of death; empty if alive")}),
        Set.of(), "One row per GP registration episode of a person.");
  }

  public static final class GpEvents {
    public static final String NAME = "gp_events";
    public static final String PERSON_ID = "person_id";
    public static final String PRACTICE_CODE = "practice_code";
    public static final String EVENT_DATE = "event_date";
    public static final String SNOMED_CODE = "snomed_code";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(PERSON_ID, StringType, "Person identifier"),
        required(PRACTICE_CODE, StringType, "ODS code of the recording practice"),
        required(EVENT_DATE, DateType, "Date the code was recorded"),
        required(SNOMED_CODE, StringType, "SNOMED CT concept id (6-18 digits)")}),
        Set.of(), "GP coded journal: one row per coded event.");
  }

  public static final class Codelists {
    public static final String NAME = "codelists";
    public static final String CODELIST = "codelist";
    public static final String CODE = "code";
    public static final String TERM = "term";
    /** The codelist names the ACP product reads. */
    public static final String DEMENTIA = "dementia";
    public static final String ACP = "acp";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(CODELIST, StringType, "Codelist name, e.g. dementia or acp"),
        required(CODE, StringType, "SNOMED CT concept id"),
        optional(TERM, StringType, "Human-readable term")}),
        Set.of(TERM), "Clinical codelists (OpenCodelists CSV layout).");
  }

  public static final class SocialCareEvents {
    public static final String NAME = "social_care_events";
    public static final String PERSON_ID = "person_id";
    public static final String LA_CODE = "la_code";
    public static final String EVENT_TYPE = "event_type";
    public static final String EVENT_START_DATE = "event_start_date";
    public static final String EVENT_END_DATE = "event_end_date";
    public static final String REQUEST_ROUTE = "request_route";
    public static final String SERVICE_TYPE = "service_type";
    public static final String EVENT_OUTCOME = "event_outcome";
    public static final String LSOA_CODE = "lsoa_code";
    public static final List<String> EVENT_TYPES = List.of("Request", "Assessment", "Service", "Review");
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(PERSON_ID, StringType, "Person identifier"),
        required(LA_CODE, StringType, "ONS code of the local authority providing social care"),
        required(EVENT_TYPE, StringType, "Request, Assessment, Service or Review"),
        required(EVENT_START_DATE, DateType, "Start date of the event"),
        optional(EVENT_END_DATE, DateType, "End date of the event; empty while open"),
        optional(REQUEST_ROUTE, StringType, "Route of access for requests"),
        optional(SERVICE_TYPE, StringType, "Service type for services"),
        optional(EVENT_OUTCOME, StringType, "Outcome of the event"),
        optional(LSOA_CODE, StringType, "LSOA of residence, where the LA recorded it")}),
        Set.of(EVENT_END_DATE, REQUEST_ROUTE, SERVICE_TYPE, EVENT_OUTCOME, LSOA_CODE),
        "Adult social care events (Client Level Data).");
  }

  public static final class ServiceReferrals {
    public static final String NAME = "service_referrals";
    public static final String REFERRAL_ID = "referral_id";
    public static final String PERSON_ID = "person_id";
    public static final String SERVICE = "service";
    public static final String REFERRAL_DATE = "referral_date";
    public static final String REFERRAL_SOURCE = "referral_source";
    public static final String LSOA_CODE = "lsoa_code";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(REFERRAL_ID, StringType, "Provider's referral identifier"),
        required(PERSON_ID, StringType, "Person identifier"),
        required(SERVICE, StringType, "Service referred to"),
        required(REFERRAL_DATE, DateType, "Date of referral"),
        optional(REFERRAL_SOURCE, StringType, "Who referred"),
        optional(LSOA_CODE, StringType, "LSOA of residence, where the provider recorded it")}),
        Set.of(REFERRAL_SOURCE, LSOA_CODE), "Referrals to services from provider feeds.");
  }

  public static final class PcnMembership {
    public static final String NAME = "pcn_membership";
    public static final String PRACTICE_CODE = "practice_code";
    public static final String PCN_CODE = "pcn_code";
    public static final String PCN_NAME = "pcn_name";
    public static final String SUB_ICB_CODE = "sub_icb_code";
    public static final String EFFECTIVE_FROM = "effective_from";
    public static final String EFFECTIVE_TO = "effective_to";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(PRACTICE_CODE, StringType, "ODS code of the practice"),
        required(PCN_CODE, StringType, "ODS code of the PCN"),
        required(PCN_NAME, StringType, "PCN name"),
        optional(SUB_ICB_CODE, StringType, "Sub-ICB location code of the PCN"),
        required(EFFECTIVE_FROM, DateType, "First day of membership"),
        optional(EFFECTIVE_TO, DateType, "Last day of membership; empty while current")}),
        Set.of(SUB_ICB_CODE, EFFECTIVE_TO), "Practice to PCN membership (NHS ePCN), effective-dated.");
  }

  public static final class Practices {
    public static final String NAME = "practices";
    public static final String PRACTICE_CODE = "practice_code";
    public static final String PRACTICE_NAME = "practice_name";
    public static final String SUB_ICB_CODE = "sub_icb_code";
    public static final String EFFECTIVE_FROM = "effective_from";
    public static final String EFFECTIVE_TO = "effective_to";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(PRACTICE_CODE, StringType, "ODS code of the practice"),
        required(PRACTICE_NAME, StringType, "Practice name"),
        required(SUB_ICB_CODE, StringType, "Sub-ICB location (commissioner) code"),
        required(EFFECTIVE_FROM, DateType, "First day the practice belongs to this sub-ICB"),
        optional(EFFECTIVE_TO, DateType, "Last day; empty while current")}),
        Set.of(EFFECTIVE_TO), "GP practices (ODS epraccur), effective-dated.");
  }

  public static final class LsoaDeprivation {
    public static final String NAME = "lsoa_deprivation";
    public static final String LSOA_CODE = "lsoa_code";
    public static final String LAD_CODE = "lad_code";
    public static final String IMD_RANK = "imd_rank";
    public static final String IMD_DECILE = "imd_decile";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(LSOA_CODE, StringType, "ONS LSOA code"),
        required(LAD_CODE, StringType, "Local authority district of the LSOA"),
        required(IMD_RANK, IntegerType, "National IMD rank (1 = most deprived)"),
        required(IMD_DECILE, IntegerType, "National IMD decile (1 = most deprived)")}),
        Set.of(), "LSOA deprivation (English Indices of Deprivation).");
  }

  public static final class Footprints {
    public static final String NAME = "footprints";
    public static final String ORG_TYPE = "org_type";
    public static final String ORG_CODE = "org_code";
    public static final String PLACE_CODE = "place_code";
    public static final String PLACE_NAME = "place_name";
    public static final String ICS_CODE = "ics_code";
    public static final String ICS_NAME = "ics_name";
    public static final String EFFECTIVE_FROM = "effective_from";
    public static final String EFFECTIVE_TO = "effective_to";
    public static final String ORG_TYPE_SUB_ICB = "sub_icb";
    public static final String ORG_TYPE_LAD = "lad";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(ORG_TYPE, StringType, "sub_icb or lad"),
        required(ORG_CODE, StringType, "Sub-ICB location or local authority district code"),
        required(PLACE_CODE, StringType, "Place code"),
        required(PLACE_NAME, StringType, "Place name"),
        required(ICS_CODE, StringType, "ICS / ICB code"),
        required(ICS_NAME, StringType, "ICS / ICB name"),
        required(EFFECTIVE_FROM, DateType, "First day of this mapping"),
        optional(EFFECTIVE_TO, DateType, "Last day of this mapping; empty while current")}),
        Set.of(EFFECTIVE_TO), "Sub-ICB and LAD to place and ICS, effective-dated.");
  }

  public static final class Population {
    public static final String NAME = "population";
    public static final String AREA_CODE = "area_code";
    public static final String YEAR = "year";
    public static final String SEX = "sex";
    public static final String AGE_BAND = "age_band";
    public static final String POPULATION = "population";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(AREA_CODE, StringType, "LSOA, LAD or place code"),
        required(YEAR, IntegerType, "Mid-year of the estimate or projection"),
        required(SEX, StringType, "M, F or all"),
        required(AGE_BAND, StringType, "Age band, e.g. 0-64, 65-74, 75-84, 85+, or all"),
        required(POPULATION, LongType, "Resident population")}),
        Set.of(), "ONS mid-year population estimates or projections (optional input).");
  }

  public static final class Capacity {
    public static final String NAME = "capacity";
    public static final String PLACE_CODE = "place_code";
    public static final String ACTIVITY = "activity";
    public static final String MONTH = "month";
    public static final String CAPACITY = "capacity";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(PLACE_CODE, StringType, "Place code"),
        required(ACTIVITY, StringType, "Activity name as in demand_forecast"),
        required(MONTH, DateType, "First day of the month"),
        required(CAPACITY, DoubleType, "Commissioned volume for the month")}),
        Set.of(), "Commissioned capacity per place, activity and month (optional input).");
  }

  /**
   * The ONS LSOA (2011) to LSOA (2021) lookup (optional input): lets referral and population LSOA codes of one
   * vintage meet lsoa_deprivation's vintage. The column names are the ONS file's own (as published, lower-cased,
   * e.g. refdata's {@code geography_lookups/lookup_lsoa11_lsoa21_ltla22.csv}), so the file reads unchanged with
   * the canonical layout; its other columns (names, district) are ignored. One row per (2011, 2021) code pair.
   */
  public static final class LsoaLookup {
    public static final String NAME = "lsoa_lookup";
    public static final String LSOA11_CODE = "lsoa11_code";
    public static final String CHANGE_CODE = "change_code";
    public static final String LSOA21_CODE = "lsoa21_code";
    /** change_code values: unchanged, split (one 2011 into several 2021), merged (several into one), complex. */
    public static final String UNCHANGED = "U";
    public static final String SPLIT = "S";
    public static final String MERGED = "M";
    public static final String COMPLEX = "X";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(LSOA11_CODE, StringType, "LSOA 2011 code"),
        optional(CHANGE_CODE, StringType, "U unchanged, S split, M merged, X complex (irregular) change"),
        required(LSOA21_CODE, StringType, "LSOA 2021 code")}),
        Set.of(CHANGE_CODE), "ONS LSOA 2011 to LSOA 2021 lookup (optional reference input).");
  }

  /**
   * An ONS LSOA to local authority district lookup (optional input): when given, it is the geography's LSOA ->
   * district link in place of lsoa_deprivation's lad_code, so that the districts can be those of the footprints'
   * vintage (e.g. LAD 2021 codes beside the IMD 2019 file's LAD 2019 codes). Read as published with the
   * {@code ons_lsoa_ltla} layout, or in this canonical form. One row per LSOA.
   */
  public static final class LsoaDistricts {
    public static final String NAME = "lsoa_districts";
    public static final String LSOA_CODE = "lsoa_code";
    public static final String LAD_CODE = "lad_code";
    public static final TableSchema TABLE = new TableSchema(NAME, new StructType(new StructField[] {
        required(LSOA_CODE, StringType, "ONS LSOA code"),
        required(LAD_CODE, StringType, "Local authority district (lower tier) of the LSOA")}),
        Set.of(), "ONS LSOA to local authority district lookup (optional reference input).");
  }

  /** Every table of the data model (the generator writes each one), in the order the pipeline reads them. */
  public static final List<TableSchema> ALL = List.of(
      Codelists.TABLE, Practices.TABLE, PcnMembership.TABLE, Footprints.TABLE, LsoaDeprivation.TABLE,
      GpPatients.TABLE, GpEvents.TABLE, SocialCareEvents.TABLE, ServiceReferrals.TABLE,
      Population.TABLE, Capacity.TABLE);

  /** Official reference lookups a job may be given as well; the generator writes none. */
  public static final List<TableSchema> LOOKUPS = List.of(LsoaLookup.TABLE, LsoaDistricts.TABLE);

  /** Tables a job may run without. */
  public static final Set<String> OPTIONAL_TABLES = Set.of(Population.NAME, Capacity.NAME, LsoaLookup.NAME,
      LsoaDistricts.NAME);

  public static TableSchema byName(String name) {
    return java.util.stream.Stream.concat(ALL.stream(), LOOKUPS.stream()).filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Cannot find input table: unknown name (" + name + ")"));
  }
}
