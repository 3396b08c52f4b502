package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static uk.pophealth.schema.QuarantineRule.DUPLICATE_ROW;
import static uk.pophealth.schema.QuarantineRule.EVENT_AFTER_DEATH;
import static uk.pophealth.schema.QuarantineRule.EVENT_BEFORE_BIRTH;
import static uk.pophealth.schema.QuarantineRule.IMPOSSIBLE_DATE;
import static uk.pophealth.schema.QuarantineRule.INVALID_NHS_NUMBER;
import static uk.pophealth.schema.QuarantineRule.MALFORMED_ROW;
import static uk.pophealth.schema.QuarantineRule.MISSING_REQUIRED_FIELD;
import static uk.pophealth.schema.QuarantineRule.OUT_OF_RANGE_VALUE;
import static uk.pophealth.schema.QuarantineRule.OUT_OF_RANGE_YEAR_OF_BIRTH;
import static uk.pophealth.schema.QuarantineRule.UNKNOWN_CODE_FORMAT;
import static uk.pophealth.schema.QuarantineRule.UNKNOWN_LSOA;
import static uk.pophealth.schema.QuarantineRule.UNKNOWN_PRACTICE;
import static uk.pophealth.schema.QuarantineRule.UNPARSEABLE_DATE;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import uk.pophealth.schema.InputTables.Capacity;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.LsoaDistricts;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Population;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;
import uk.pophealth.schema.Normalisation;
import uk.pophealth.schema.QuarantineRule;
import uk.pophealth.schema.TableSchema;

/**
 * The row rules of ingestion, as Spark expressions over a canonical table (text columns plus provenance).
 * Values are trimmed and an empty value is missing. Each rule yields one boolean; the row's rule is the
 * first broken rule in {@link #PRECEDENCE}, so a row breaking several is quarantined exactly once.
 *
 * <p>Which rule applies where: missing_required_field on every non-nullable column; unparseable_date on
 * every date column; out_of_range_value on every number that is not a number and on values outside their
 * set (sex M/F/U, event_type, IMD decile 1-10 and rank >= 1, org_type, population and capacity >= 0);
 * invalid_nhs_number on person_id in nhs_number mode; out_of_range_year_of_birth outside 1890..extract
 * year; impossible_date for a date before 1900, an event, registration or death after the extract date, or
 * an end before its start; unknown_code_format for a SNOMED CT id (gp_events, codelists) that is not 6-18
 * digits and for an lsoa_districts code that is not a nine-character ONS code; unknown_practice (gp_patients,
 * gp_events) and unknown_lsoa (gp_patients, social_care_events, service_referrals) against the accepted
 * reference tables; event_before_birth / event_after_death for gp_events against the person's accepted
 * gp_patients rows; duplicate_row for an exact copy of an earlier row (by file, then line) of the same table:
 * the first copy is kept.
 *
 * <p>Before the rules, common extract forms of one value are rewritten and flagged in
 * {@link IngestColumns#NORMALISED} ({@link Normalisation}): a lower-case practice_code or sex code is upper-cased,
 * an NHS number with spaces, 3-3-4 dashes or a zero decimal part becomes its digits ({@link PersonIds}), an
 * integer with a zero decimal part and a date-time where a date is expected are read as such ({@link TypedValues}).
 */
final class RowRules {
  /** A row breaking several rules is quarantined once, under the first rule of this list it breaks. */
  static final List<QuarantineRule> PRECEDENCE = List.of(MALFORMED_ROW, MISSING_REQUIRED_FIELD, INVALID_NHS_NUMBER,
      UNPARSEABLE_DATE, OUT_OF_RANGE_VALUE, OUT_OF_RANGE_YEAR_OF_BIRTH, IMPOSSIBLE_DATE, UNKNOWN_CODE_FORMAT,
      UNKNOWN_PRACTICE, UNKNOWN_LSOA, EVENT_BEFORE_BIRTH, EVENT_AFTER_DEATH, DUPLICATE_ROW);
  static final String PERSON_ID = GpPatients.PERSON_ID;
  static final int MIN_YEAR_OF_BIRTH = 1890;
  static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  private static final String SNOMED_ID = "^[0-9]{6,18}$";
  /** An ONS (GSS) nine-character code: a letter, then eight digits or letters (E01012000, E06000001, E01Z00001). */
  private static final String ONS_CODE = "^[A-Z][0-9A-Z]{8}$";
  private static final String DUPLICATE_RANK = "_duplicate_rank";
  /** Whether a code of the row was upper-cased (working column, folded into {@link IngestColumns#NORMALISED}). */
  private static final String UPPER_CASED = "_upper_cased";
  /** Columns whose codes are upper case, read so when written in lower case (every table naming them). */
  private static final List<String> UPPER_CASE_COLUMNS = List.of(GpEvents.PRACTICE_CODE, GpPatients.SEX);

  private final TableSchema table;
  private final RuleContext context;
  private final Map<QuarantineRule, List<Column>> checks = new EnumMap<>(QuarantineRule.class);

  private RowRules(TableSchema table, RuleContext context) {
    this.table = table;
    this.context = context;
  }

  /** The rules and their outcome for one table. */
  record Ruled(Dataset<Row> frame, List<QuarantineRule> rulesChecked) {
    Ruled {
      rulesChecked = List.copyOf(rulesChecked);
    }
  }

  /**
   * Returns the table with trimmed text columns, a typed column per non-text column
   * ({@link IngestColumns#typed}), the {@link IngestColumns#PSEUDONYM} when it has person_id, and
   * {@link IngestColumns#RULE}: the name of the first rule broken, null for an accepted row. The text of
   * person_id and of the non-text columns is kept only on quarantined rows (null on accepted ones).
   */
  static Ruled apply(Dataset<Row> canonical, TableSchema table, RuleContext context) {
    return new RowRules(table, context).apply(canonical);
  }

  private Ruled apply(Dataset<Row> canonical) {
    Dataset<Row> frame = canonical.select(cleaned(canonical).toArray(new Column[0]));
    Map<Normalisation, Column> normalised = new EnumMap<>(Normalisation.class);
    normalised.put(Normalisation.UPPER_CASE, col(UPPER_CASED));
    Column integral = lit(false);
    Column dateTime = lit(false);
    for (StructField field : table.schema().fields()) {
      if (!field.dataType().equals(DataTypes.StringType)) {
        Column typed = TypedValues.parse(col(field.name()), field.dataType());
        frame = frame.withColumn(IngestColumns.typed(field.name()), typed);
        Column parsed = col(IngestColumns.typed(field.name())).isNotNull();
        if (field.dataType().equals(DataTypes.DateType)) {
          dateTime = dateTime.or(parsed.and(TypedValues.isDateTime(col(field.name()))));
        } else if (!field.dataType().equals(DataTypes.DoubleType)) {
          integral = integral.or(parsed.and(TypedValues.isIntegralFloat(col(field.name()))));
        }
      }
    }
    normalised.put(Normalisation.INTEGRAL_NUMBER, integral);
    normalised.put(Normalisation.TIMESTAMP_DATE, dateTime);
    if (hasColumn(PERSON_ID)) {
      // each computed once, as a column: the rules and the pseudonym read them (inlined, the NHS number check
      // repeated the whitespace removal a dozen times per use, and the stage ran at ~30 us per row)
      PersonIds ids = context.personIds();
      frame = frame.withColumn(IngestColumns.PERSON_ID_NORMALISED, ids.normalised(col(PERSON_ID)));
      frame = frame.withColumn(IngestColumns.PERSON_ID_VALID, ids.valid(col(IngestColumns.PERSON_ID_NORMALISED)));
      frame = frame.withColumn(IngestColumns.PSEUDONYM,
          ids.pseudonym(col(IngestColumns.PERSON_ID_NORMALISED), col(IngestColumns.PERSON_ID_VALID)));
      normalised.put(Normalisation.NHS_NUMBER_FORMAT, ids.rewritten(col(PERSON_ID),
          col(IngestColumns.PERSON_ID_NORMALISED), col(IngestColumns.PERSON_ID_VALID)));
    }
    frame = frame.withColumn(IngestColumns.NORMALISED, Normalisations.mask(normalised)).drop(UPPER_CASED);
    frame = joinReferences(frame);
    List<Column> allColumns = new ArrayList<>();
    if (hasColumn(PERSON_ID)) {
      // the pseudonym is a function of person_id, so it splits no group of equal rows; listed first, it lets the
      // window reuse the partitioning of the join with the persons (gp_events) instead of shuffling every row again
      allColumns.add(col(IngestColumns.PSEUDONYM));
    }
    table.columnNames().forEach(name -> allColumns.add(col(name)));
    frame = frame.withColumn(DUPLICATE_RANK, row_number().over(Window.partitionBy(allColumns.toArray(new Column[0]))
        .orderBy(col(IngestColumns.SOURCE_FILE), col(IngestColumns.LINE_NUMBER))));
    addGenericChecks();
    addTableChecks();
    add(DUPLICATE_ROW, col(DUPLICATE_RANK).gt(1));
    List<QuarantineRule> checked = new ArrayList<>();
    checked.add(MALFORMED_ROW);
    Column rule = null;
    for (QuarantineRule candidate : PRECEDENCE) {
      List<Column> conditions = checks.get(candidate);
      if (conditions == null) {
        continue;
      }
      checked.add(candidate);
      Column broken = lit(false);
      for (Column condition : conditions) {
        broken = broken.or(coalesce(condition, lit(false)));
      }
      rule = rule == null ? when(broken, lit(candidate.ruleName())) : rule.when(broken, lit(candidate.ruleName()));
    }
    frame = frame.withColumn(IngestColumns.RULE, rule);
    List<Column> kept = new ArrayList<>();
    for (String name : frame.columns()) {
      if (!name.startsWith("_ref_") && !name.equals(DUPLICATE_RANK) && !name.equals(IngestColumns.PERSON_ID_NORMALISED)
          && !name.equals(IngestColumns.PERSON_ID_VALID)) {
        kept.add(textOnlyWhenQuarantined(name) ? when(col(IngestColumns.RULE).isNotNull(), col(name)).as(name)
            : col(name));
      }
    }
    return new Ruled(frame.select(kept.toArray(new Column[0])), checked);
  }

  /**
   * True for the text of a column whose accepted value is read from elsewhere: the typed column of a non-text
   * column, the pseudonym for person_id. Only a quarantined row needs that text (its quarantine record), so
   * accepted rows carry null there: the persisted frame is smaller, and holds no NHS number of an accepted row.
   */
  private boolean textOnlyWhenQuarantined(String name) {
    if (name.equals(PERSON_ID)) {
      return true;
    }
    return table.columnNames().contains(name) && !table.schema().apply(name).dataType().equals(DataTypes.StringType);
  }

  private List<Column> cleaned(Dataset<Row> canonical) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(IngestColumns.SOURCE_FILE));
    columns.add(col(IngestColumns.LINE_NUMBER));
    Column upperCased = lit(false);
    for (String name : table.columnNames()) {
      Column trimmed = trim(canonical.col(name).cast(DataTypes.StringType));
      Column value = trimmed;
      if (UPPER_CASE_COLUMNS.contains(name)) {
        value = upperCase(name, trimmed);
        upperCased = upperCased.or(coalesce(value.notEqual(trimmed), lit(false)));
      }
      columns.add(when(value.notEqual(""), value).as(name));
    }
    columns.add(upperCased.as(UPPER_CASED));
    return columns;
  }

  /**
   * A practice code (ODS codes are upper case) or a sex code (M, F, U) written in lower case, in upper case;
   * any other value as it is (population's sex 'all' stays 'all').
   */
  private static Column upperCase(String name, Column trimmed) {
    return name.equals(GpPatients.SEX) ? when(upper(trimmed).isin("M", "F", "U"), upper(trimmed)).otherwise(trimmed)
        : upper(trimmed);
  }

  private Dataset<Row> joinReferences(Dataset<Row> frame) {
    if (hasColumn(GpEvents.PRACTICE_CODE) && isOneOf(GpPatients.NAME, GpEvents.NAME)
        && context.practiceCodes().isPresent()) {
      frame = frame.join(broadcast(context.practiceCodes().get()),
          col(GpEvents.PRACTICE_CODE).equalTo(col(RuleContext.REF_PRACTICE)), "left");
      add(UNKNOWN_PRACTICE, col(GpEvents.PRACTICE_CODE).isNotNull().and(col(RuleContext.REF_PRACTICE).isNull()));
    }
    if (hasColumn(GpPatients.LSOA_CODE) && isOneOf(GpPatients.NAME, SocialCareEvents.NAME, ServiceReferrals.NAME)
        && context.lsoaCodes().isPresent()) {
      frame = frame.join(broadcast(context.lsoaCodes().get()),
          col(GpPatients.LSOA_CODE).equalTo(col(RuleContext.REF_LSOA)), "left");
      add(UNKNOWN_LSOA, col(GpPatients.LSOA_CODE).isNotNull().and(col(RuleContext.REF_LSOA).isNull()));
    }
    if (isOneOf(GpEvents.NAME) && context.persons().isPresent()) {
      frame = frame.join(context.persons().get(),
          col(IngestColumns.PSEUDONYM).equalTo(col(RuleContext.REF_PERSON)), "left");
      Column eventDate = col(IngestColumns.typed(GpEvents.EVENT_DATE));
      add(EVENT_BEFORE_BIRTH, year(eventDate).lt(col(RuleContext.REF_YEAR_OF_BIRTH)));
      add(EVENT_AFTER_DEATH, eventDate.gt(col(RuleContext.REF_DATE_OF_DEATH)));
    }
    return frame;
  }

  private void addGenericChecks() {
    for (String name : table.nonNullColumns()) {
      add(MISSING_REQUIRED_FIELD, col(name).isNull());
    }
    if (hasColumn(PERSON_ID)) {
      add(INVALID_NHS_NUMBER, col(PERSON_ID).isNotNull().and(not(col(IngestColumns.PERSON_ID_VALID))));
    }
    Column earliest = lit(Date.valueOf(EARLIEST_DATE));
    for (StructField field : table.schema().fields()) {
      Column typed = col(IngestColumns.typed(field.name()));
      if (field.dataType().equals(DataTypes.DateType)) {
        add(UNPARSEABLE_DATE, col(field.name()).isNotNull().and(typed.isNull()));
        add(IMPOSSIBLE_DATE, typed.lt(earliest));
      } else if (!field.dataType().equals(DataTypes.StringType)) {
        add(OUT_OF_RANGE_VALUE, col(field.name()).isNotNull().and(typed.isNull()));
      }
    }
  }

  private void addTableChecks() {
    Column extract = lit(Date.valueOf(context.extractDate()));
    switch (table.name()) {
      case GpPatients.NAME -> {
        add(OUT_OF_RANGE_VALUE, col(GpPatients.SEX).isin("M", "F", "U").equalTo(false));
        add(OUT_OF_RANGE_YEAR_OF_BIRTH, typed(GpPatients.YEAR_OF_BIRTH).lt(MIN_YEAR_OF_BIRTH)
            .or(typed(GpPatients.YEAR_OF_BIRTH).gt(context.extractDate().getYear())));
        add(IMPOSSIBLE_DATE, typed(GpPatients.REGISTRATION_START).gt(extract));
        add(IMPOSSIBLE_DATE, typed(GpPatients.DATE_OF_DEATH).gt(extract));
        endsBeforeStart(GpPatients.REGISTRATION_START, GpPatients.REGISTRATION_END);
      }
      case GpEvents.NAME -> {
        add(IMPOSSIBLE_DATE, typed(GpEvents.EVENT_DATE).gt(extract));
        add(UNKNOWN_CODE_FORMAT, col(GpEvents.SNOMED_CODE).rlike(SNOMED_ID).equalTo(false));
      }
      case Codelists.NAME -> add(UNKNOWN_CODE_FORMAT, col(Codelists.CODE).rlike(SNOMED_ID).equalTo(false));
      case SocialCareEvents.NAME -> {
        add(OUT_OF_RANGE_VALUE, col(SocialCareEvents.EVENT_TYPE)
            .isin(SocialCareEvents.EVENT_TYPES.toArray()).equalTo(false));
        add(IMPOSSIBLE_DATE, typed(SocialCareEvents.EVENT_START_DATE).gt(extract));
        endsBeforeStart(SocialCareEvents.EVENT_START_DATE, SocialCareEvents.EVENT_END_DATE);
      }
      case ServiceReferrals.NAME -> add(IMPOSSIBLE_DATE, typed(ServiceReferrals.REFERRAL_DATE).gt(extract));
      case PcnMembership.NAME, Practices.NAME, Footprints.NAME ->
          endsBeforeStart(PcnMembership.EFFECTIVE_FROM, PcnMembership.EFFECTIVE_TO);
      case LsoaDeprivation.NAME -> {
        add(OUT_OF_RANGE_VALUE, typed(LsoaDeprivation.IMD_DECILE).between(1, 10).equalTo(false));
        add(OUT_OF_RANGE_VALUE, typed(LsoaDeprivation.IMD_RANK).lt(1));
      }
      case Population.NAME -> {
        add(OUT_OF_RANGE_VALUE, typed(Population.POPULATION).lt(0));
        add(OUT_OF_RANGE_VALUE, col(Population.SEX).isin("M", "F", "all").equalTo(false));
      }
      default -> { }
    }
    if (table.name().equals(Footprints.NAME)) {
      add(OUT_OF_RANGE_VALUE, col(Footprints.ORG_TYPE)
          .isin(Footprints.ORG_TYPE_SUB_ICB, Footprints.ORG_TYPE_LAD).equalTo(false));
    }
    if (table.name().equals(LsoaDistricts.NAME)) {
      add(UNKNOWN_CODE_FORMAT, col(LsoaDistricts.LSOA_CODE).rlike(ONS_CODE).equalTo(false));
      add(UNKNOWN_CODE_FORMAT, col(LsoaDistricts.LAD_CODE).rlike(ONS_CODE).equalTo(false));
    }
    if (table.name().equals(Capacity.NAME)) {
      add(OUT_OF_RANGE_VALUE, typed(Capacity.CAPACITY).lt(0));
    }
  }

  private void endsBeforeStart(String start, String end) {
    add(IMPOSSIBLE_DATE, typed(end).lt(typed(start)));
  }

  private static Column typed(String column) {
    return col(IngestColumns.typed(column));
  }

  private void add(QuarantineRule rule, Column broken) {
    checks.computeIfAbsent(rule, r -> new ArrayList<>()).add(broken);
  }

  private boolean hasColumn(String column) {
    return table.columnNames().contains(column);
  }

  private boolean isOneOf(String... names) {
    return List.of(names).contains(table.name());
  }
}
