package uk.pophealth.cohort;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
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
 */
public final class DementiaRegister {
  private static final String DEMENTIA_DATE = "_dementia_date";
  private static final String FROM = "_from";
  private static final String TO = "_to";
  private static final String EVENT_DATE = "_event_date";
  private static final String REG_START = "_registration_start";

  private final ReportingMonths months;
  private final Integer acpLookbackMonths;

  public DementiaRegister(ReportingMonths months, Integer acpLookbackMonths) {
    this.months = months;
    if (acpLookbackMonths != null && acpLookbackMonths < 1) {
      throw new IllegalArgumentException("Cannot build register: ACP look-back must be at least 1 month (" + acpLookbackMonths + ")");
    }
    this.acpLookbackMonths = acpLookbackMonths;
  }

  /**
   * Builds the person-month register with the columns of {@link CohortColumns#REGISTER}.
   *
   * @param socialCare social_care_events, or null when not supplied (then nobody is known to social care)
   * @param deprivation lsoa_deprivation, or null (then imd_quintile is empty)
   */
  public Dataset<Row> build(Dataset<Row> patients, Dataset<Row> events, Dataset<Row> codelists,
      Dataset<Row> socialCare, Dataset<Row> deprivation) {
    Dataset<Row> coded = codedEvents(events, codelists);
    Dataset<Row> firstDementia = coded.filter(col(Codelists.CODELIST).equalTo(Codelists.DEMENTIA))
        .groupBy(GpEvents.PERSON_ID).agg(min(EVENT_DATE).as(DEMENTIA_DATE));

    Date firstEnd = Date.valueOf(months.firstEnd());
    Date lastEnd = Date.valueOf(months.lastEnd());
    Column death = col(GpPatients.DATE_OF_DEATH);
    Column registeredTo = col(GpPatients.REGISTRATION_END);
    Dataset<Row> episodes = patients.join(firstDementia, GpPatients.PERSON_ID)
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
        .withColumn("_i", explode(sequence(lit(0), monthCount)))
        .withColumn(CohortColumns.PERIOD_END, last_day(add_months(firstMonth, col("_i"))))
        .filter(col(CohortColumns.PERIOD_END).geq(col(FROM)).and(col(CohortColumns.PERIOD_END).leq(col(TO))))
        .withColumn(REG_START, col(GpPatients.REGISTRATION_START));

    Dataset<Row> onePerPersonMonth = personMonths
        .withColumn("_rank", row_number().over(Window.partitionBy(GpPatients.PERSON_ID, CohortColumns.PERIOD_END)
            .orderBy(col(REG_START).desc(), col(GpPatients.PRACTICE_CODE))))
        .filter(col("_rank").equalTo(1))
        .select(col(GpPatients.PERSON_ID), col(CohortColumns.PERIOD_END), col(GpPatients.PRACTICE_CODE),
            col(GpPatients.YEAR_OF_BIRTH), col(GpPatients.SEX), col(GpPatients.LSOA_CODE));

    Dataset<Row> withAcp = flagAcp(onePerPersonMonth, coded.filter(col(Codelists.CODELIST).equalTo(Codelists.ACP)));
    Dataset<Row> withCare = flagSocialCare(withAcp, socialCare);
    Dataset<Row> withImd = addImdQuintile(withCare, deprivation);
    Column age = year(col(CohortColumns.PERIOD_END)).minus(col(GpPatients.YEAR_OF_BIRTH));
    return withImd
        .withColumn(CohortColumns.AGE_BAND, AgeBands.of(age))
        .select(CohortColumns.REGISTER.columnNames().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** Events carrying a dementia or ACP code, tagged with the codelist. */
  private static Dataset<Row> codedEvents(Dataset<Row> events, Dataset<Row> codelists) {
    Dataset<Row> codes = codelists
        .filter(col(Codelists.CODELIST).isin(Codelists.DEMENTIA, Codelists.ACP))
        .select(col(Codelists.CODELIST), col(Codelists.CODE))
        .distinct();
    return events.join(broadcast(codes), events.col(GpEvents.SNOMED_CODE).equalTo(codes.col(Codelists.CODE)))
        .select(col(GpEvents.PERSON_ID), col(GpEvents.EVENT_DATE).as(EVENT_DATE), col(Codelists.CODELIST));
  }

  private Dataset<Row> flagAcp(Dataset<Row> register, Dataset<Row> acpEvents) {
    Column onOrBefore = col(EVENT_DATE).leq(col(CohortColumns.PERIOD_END));
    Column condition = acpLookbackMonths == null
        ? onOrBefore
        : onOrBefore.and(col(EVENT_DATE).gt(add_months(col(CohortColumns.PERIOD_END), -acpLookbackMonths)));
    return flagMatches(register, acpEvents.select(col(GpEvents.PERSON_ID), col(EVENT_DATE)), condition,
        CohortColumns.HAS_ACP);
  }

  private static Dataset<Row> flagSocialCare(Dataset<Row> register, Dataset<Row> socialCare) {
    if (socialCare == null) {
      return register.withColumn(CohortColumns.KNOWN_TO_SOCIAL_CARE, lit(false));
    }
    Dataset<Row> care = socialCare.select(col(SocialCareEvents.PERSON_ID),
        col(SocialCareEvents.EVENT_START_DATE).as(EVENT_DATE));
    Column inPrevious12Months = col(EVENT_DATE).leq(col(CohortColumns.PERIOD_END))
        .and(col(EVENT_DATE).gt(add_months(col(CohortColumns.PERIOD_END), -12)));
    return flagMatches(register, care, inPrevious12Months, CohortColumns.KNOWN_TO_SOCIAL_CARE);
  }

  /** Adds a boolean column: does any dated row of the person satisfy the condition at this period end. */
  private static Dataset<Row> flagMatches(Dataset<Row> register, Dataset<Row> datedRows, Column condition, String flag) {
    Dataset<Row> keys = register.select(col(GpPatients.PERSON_ID), col(CohortColumns.PERIOD_END));
    Dataset<Row> matched = keys.join(datedRows, GpPatients.PERSON_ID)
        .filter(condition)
        .select(col(GpPatients.PERSON_ID), col(CohortColumns.PERIOD_END))
        .distinct()
        .withColumn(flag, lit(true));
    return register.join(matched, new String[] {GpPatients.PERSON_ID, CohortColumns.PERIOD_END}, "left")
        .withColumn(flag, when(col(flag).isNull(), lit(false)).otherwise(col(flag)));
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
