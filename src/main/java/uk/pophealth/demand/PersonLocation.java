package uk.pophealth.demand;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import uk.pophealth.cohort.AgeBands;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * Where and how old the person behind each event row was, through person_id linkage to gp_patients: the GP
 * registration in force on the event date (registration_start on or before it and registration_end empty or on or
 * after it; failing that the latest registration started before it; ties to the lower practice code). Adds the
 * location LSOA (the event's own LSOA when it recorded one, else the registration's), the registration's
 * practice (the fallback when no LSOA resolves) and the age band on the event date ("unknown" when the person
 * has no registration).
 */
final class PersonLocation {
  static final String PERSON_ID = "_person_id";
  static final String DATE = "_date";
  static final String EVENT_LSOA = "_event_lsoa";
  static final String LSOA = "_lsoa";
  static final String PRACTICE = "_practice";

  private static final String REG_PERSON = "_reg_person";
  private static final String REG_LSOA = "_reg_lsoa";
  private static final String REG_START = "_reg_start";
  private static final String REG_END = "_reg_end";
  private static final String YEAR_OF_BIRTH = "_year_of_birth";
  private static final String RANK = "_rank";

  private PersonLocation() {}

  /** @param facts rows with PERSON_ID, DATE, EVENT_LSOA, activity, month, series_kind, value */
  static Dataset<Row> attach(Dataset<Row> facts, Dataset<Row> gpPatients) {
    Dataset<Row> registrations = gpPatients.select(col(GpPatients.PERSON_ID).as(REG_PERSON),
        col(GpPatients.PRACTICE_CODE).as(PRACTICE), col(GpPatients.LSOA_CODE).as(REG_LSOA),
        col(GpPatients.YEAR_OF_BIRTH).as(YEAR_OF_BIRTH), col(GpPatients.REGISTRATION_START).as(REG_START),
        col(GpPatients.REGISTRATION_END).as(REG_END));
    Column started = col(REG_START).leq(col(DATE));
    Column covering = col(REG_END).isNull().or(col(REG_END).geq(col(DATE)));
    Dataset<Row> joined = facts.join(registrations, col(PERSON_ID).equalTo(col(REG_PERSON)).and(started), "left");
    Column order = when(covering, lit(0)).otherwise(lit(1));
    Dataset<Row> chosen = joined
        .withColumn(RANK, row_number().over(Window.partitionBy(col(PERSON_ID), col(OutputTables.ACTIVITY_NAME),
            col(DemandForecast.MONTH), col(EVENT_LSOA)).orderBy(order, col(REG_START).desc(), col(PRACTICE))))
        .filter(col(RANK).equalTo(1));
    Column age = year(col(DATE)).minus(col(YEAR_OF_BIRTH));
    return chosen
        .withColumn(LSOA, coalesce(col(EVENT_LSOA), col(REG_LSOA)))
        .withColumn(FactColumns.AGE_BAND,
            when(col(YEAR_OF_BIRTH).isNull(), lit(FactColumns.AGE_UNKNOWN)).otherwise(AgeBands.of(age)))
        .select(col(LSOA), col(PRACTICE), col(OutputTables.ACTIVITY_NAME), col(DemandForecast.SERIES_KIND),
            col(DemandForecast.MONTH), col(FactColumns.AGE_BAND), col(DemandForecast.VALUE));
  }
}
