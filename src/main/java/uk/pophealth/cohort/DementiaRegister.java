package uk.pophealth.cohort;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.SocialCareEvents;

/**
 * The dementia register as at every month end of the reporting range, built in one pass (each registration
 * episode is exploded into the month ends it covers, not one join per month end).
 *
 * <p>A person is on the register at month end {@code m} when they are registered at a practice on {@code m}
 * ({@code registration_start <= m} and {@code registration_end} empty or {@code >= m}), alive on {@code m}
 * ({@code date_of_death} empty or after {@code m}: a person who died on {@code m} is not counted), and have a
 * code from the {@code dementia} codelist on or before {@code m}. They have an ACP when a code from the
 * {@code acp} codelist is on or before {@code m} — also when it predates the diagnosis — and, with a look-back
 * of {@code L} months, no earlier than {@code L} months before {@code m}. Overlapping registrations on one
 * date count once, at the practice of the latest registration start.
 *
 * <p>How it stays cheap at England scale: the coded events are reduced first to one row per person with a
 * dementia code (first dementia date, the set of ACP dates, the set of social care dates), so the person-month
 * rows never join the event tables again: the ACP and social care flags are array expressions evaluated per row
 * ({@code exists}), and only the events that can matter are read (code and date filters pushed into the scan).
 */
public final class DementiaRegister {
  private static final String DEMENTIA_DATE = "_dementia_date";
  private static final String ACP_DATES = "_acp_dates";
  private static final String CARE_DATES = "_care_dates";
  private static final String FROM = "_from";
  private static final String TO = "_to";
  private static final String EVENT_DATE = "_event_date";
  private static final String MONTH_INDEX = "_i";
  private static final String RANK = "_rank";
  private static final int SOCIAL_CARE_MONTHS = 12;

  private final ReportingMonths months;
  private final Integer acpLookbackMonths;

  public DementiaRegister(ReportingMonths months, Integer acpLookbackMonths) {
    this.months = months;
    this.acpLookbackMonths = checkLookback(acpLookbackMonths);
  }

  /**
   * The job's acp_lookback_months, refused (BAD_CONFIG) unless absent (any ACP on or before the month end counts)
   * or at least 1; the job request calls this at the door, before any input is read.
   */
  public static Integer checkLookback(Integer acpLookbackMonths) {
    PopHealthException.checkConfig(acpLookbackMonths == null || acpLookbackMonths >= 1,
        "Cannot build the dementia register: acp_lookback_months must be at least 1 month, or left out for no "
            + "look-back window (%s)", acpLookbackMonths);
    return acpLookbackMonths;
  }

  /**
   * Builds the person-month register with the columns of {@link CohortColumns#REGISTER}.
   *
   * @param socialCare social_care_events, or null when not supplied (then nobody is known to social care)
   * @param deprivation lsoa_deprivation, or null (then imd_quintile is empty)
   */
  public Dataset<Row> build(Dataset<Row> patients, Dataset<Row> events, Dataset<Row> codelists,
      Dataset<Row> socialCare, Dataset<Row> deprivation) {
    Date firstEnd = Date.valueOf(months.firstEnd());
    Date lastEnd = Date.valueOf(months.lastEnd());
    Dataset<Row> people = withSocialCareDates(dementiaPeople(events, codelists, lastEnd), socialCare, firstEnd, lastEnd);

    Column death = col(GpPatients.DATE_OF_DEATH);
    Column registeredTo = col(GpPatients.REGISTRATION_END);
    Dataset<Row> episodes = patients
        .select(col(GpPatients.PERSON_ID), col(GpPatients.PRACTICE_CODE), col(GpPatients.YEAR_OF_BIRTH),
            col(GpPatients.SEX), col(GpPatients.LSOA_CODE), col(GpPatients.REGISTRATION_START),
            col(GpPatients.REGISTRATION_END), col(GpPatients.DATE_OF_DEATH))
        .filter(col(GpPatients.REGISTRATION_START).leq(lit(lastEnd))
            .and(registeredTo.isNull().or(registeredTo.geq(lit(firstEnd))))
            .and(death.isNull().or(death.gt(lit(firstEnd)))))
        .join(people, GpPatients.PERSON_ID)
        .withColumn(FROM, greatest(col(GpPatients.REGISTRATION_START), col(DEMENTIA_DATE), lit(firstEnd)))
        .withColumn(TO, least(
            when(registeredTo.isNull(), lit(lastEnd)).otherwise(registeredTo),
            when(death.isNull(), lit(lastEnd)).otherwise(date_sub(death, 1)),
            lit(lastEnd)))
        .filter(col(FROM).leq(col(TO)));

    // Month ends m with FROM <= m <= TO: month index i over [month(FROM), month(TO)].
    Column firstMonth = trunc(col(FROM), "MM");
    Column monthCount = months_between(trunc(col(TO), "MM"), firstMonth).cast("int");
    Dataset<Row> personMonths = episodes
        .withColumn(MONTH_INDEX, explode(sequence(lit(0), monthCount)))
        .withColumn(CohortColumns.PERIOD_END, last_day(add_months(firstMonth, col(MONTH_INDEX))))
        .filter(col(CohortColumns.PERIOD_END).geq(col(FROM)).and(col(CohortColumns.PERIOD_END).leq(col(TO))));

    Column periodEnd = col(CohortColumns.PERIOD_END);
    Dataset<Row> onePerPersonMonth = personMonths
        .withColumn(RANK, row_number().over(Window.partitionBy(GpPatients.PERSON_ID, CohortColumns.PERIOD_END)
            .orderBy(col(GpPatients.REGISTRATION_START).desc(), col(GpPatients.PRACTICE_CODE))))
        .filter(col(RANK).equalTo(1))
        .withColumn(CohortColumns.HAS_ACP, exists(col(ACP_DATES), d -> acpCounts(d, periodEnd)))
        .withColumn(CohortColumns.KNOWN_TO_SOCIAL_CARE, exists(col(CARE_DATES),
            d -> d.leq(periodEnd).and(d.gt(add_months(periodEnd, -SOCIAL_CARE_MONTHS)))));

    Dataset<Row> withImd = addImdQuintile(onePerPersonMonth, deprivation);
    Column age = year(periodEnd).minus(col(GpPatients.YEAR_OF_BIRTH));
    return withImd
        .withColumn(CohortColumns.AGE_BAND, AgeBands.of(age))
        .select(CohortColumns.REGISTER.columnNames().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** Does an ACP code dated {@code date} count at {@code periodEnd}: on or before it, and within the look-back. */
  private Column acpCounts(Column date, Column periodEnd) {
    Column onOrBefore = date.leq(periodEnd);
    return acpLookbackMonths == null ? onOrBefore
        : onOrBefore.and(date.gt(add_months(periodEnd, -acpLookbackMonths)));
  }

  /**
   * One row per person with a dementia code on or before the last month end: the first dementia date and the
   * set of ACP dates up to the last month end. Only events carrying a dementia or ACP code are read.
   */
  private static Dataset<Row> dementiaPeople(Dataset<Row> events, Dataset<Row> codelists, Date lastEnd) {
    Dataset<Row> codes = codelists
        .filter(col(Codelists.CODELIST).isin(Codelists.DEMENTIA, Codelists.ACP))
        .select(col(Codelists.CODELIST), col(Codelists.CODE))
        .distinct();
    Dataset<Row> coded = events
        .select(col(GpEvents.PERSON_ID), col(GpEvents.EVENT_DATE), col(GpEvents.SNOMED_CODE))
        .filter(col(GpEvents.EVENT_DATE).leq(lit(lastEnd)))
        .join(broadcast(codes), col(GpEvents.SNOMED_CODE).equalTo(codes.col(Codelists.CODE)))
        .select(col(GpEvents.PERSON_ID), col(GpEvents.EVENT_DATE).as(EVENT_DATE), col(Codelists.CODELIST));
    Column isDementia = col(Codelists.CODELIST).equalTo(Codelists.DEMENTIA);
    Column isAcp = col(Codelists.CODELIST).equalTo(Codelists.ACP);
    return coded.groupBy(col(GpEvents.PERSON_ID))
        .agg(min(when(isDementia, col(EVENT_DATE))).as(DEMENTIA_DATE),
            collect_set(when(isAcp, col(EVENT_DATE))).as(ACP_DATES))
        .filter(col(DEMENTIA_DATE).isNotNull());
  }

  /** Adds the set of social care event start dates that can fall in some month end's previous 12 months. */
  private static Dataset<Row> withSocialCareDates(Dataset<Row> people, Dataset<Row> socialCare, Date firstEnd,
      Date lastEnd) {
    if (socialCare == null) {
      return people.withColumn(CARE_DATES, noDates());
    }
    Column start = col(SocialCareEvents.EVENT_START_DATE);
    Dataset<Row> care = socialCare
        .select(col(SocialCareEvents.PERSON_ID), start)
        .filter(start.leq(lit(lastEnd)).and(start.gt(add_months(lit(firstEnd), -SOCIAL_CARE_MONTHS))))
        .groupBy(col(SocialCareEvents.PERSON_ID))
        .agg(collect_set(start).as(CARE_DATES));
    return people.join(care, people.col(GpPatients.PERSON_ID).equalTo(care.col(SocialCareEvents.PERSON_ID)), "left")
        .select(people.col(GpPatients.PERSON_ID), col(DEMENTIA_DATE), col(ACP_DATES),
            coalesce(col(CARE_DATES), noDates()).as(CARE_DATES));
  }

  private static Column noDates() {
    return array().cast(DataTypes.createArrayType(DataTypes.DateType));
  }

  private static Dataset<Row> addImdQuintile(Dataset<Row> register, Dataset<Row> deprivation) {
    if (deprivation == null) {
      return register.withColumn(CohortColumns.IMD_QUINTILE, lit(null).cast("int"));
    }
    Dataset<Row> quintiles = deprivation.select(col(LsoaDeprivation.LSOA_CODE),
        col(LsoaDeprivation.IMD_DECILE).plus(1).divide(2).cast("int").as(CohortColumns.IMD_QUINTILE));
    return register.join(broadcast(quintiles), GpPatients.LSOA_CODE, "left");
  }
}
