package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.Population;

/**
 * Population by LSOA on each period start date ({@link Columns#AS_AT}, {@link Columns#LSOA}, {@link Columns#COUNT}),
 * from one of two sources.
 */
final class LsoaPopulation {
  private static final String ALL = "all";
  private static final String CHOSEN_YEAR = "_chosen_year";
  private static final String YEAR_OF_DATE = "_year_of_date";

  private LsoaPopulation() {}

  /**
   * ONS estimates: the latest year no later than the date's year (the earliest year where every year is later).
   * Per LSOA and year the total is the sex = all, age_band = all row where given, else the sum of the rows that
   * partition the population once (all sexes by age band, or all ages by sex, or sex by age band), so a table
   * holding totals and their breakdowns is not double counted.
   */
  static Dataset<Row> ons(Dataset<Row> population, Dataset<Row> dates) {
    Column allSex = lower(col(Population.SEX)).equalTo(ALL);
    Column allAge = lower(col(Population.AGE_BAND)).equalTo(ALL);
    Column people = col(Population.POPULATION);
    Dataset<Row> totals = population.groupBy(col(Population.AREA_CODE).as(Columns.LSOA), col(Population.YEAR))
        .agg(coalesce(
            sum(when(allSex.and(allAge), people)),
            sum(when(allSex.and(not(allAge)), people)),
            sum(when(not(allSex).and(allAge), people)),
            sum(when(not(allSex).and(not(allAge)), people))).as(Columns.COUNT));
    Dataset<Row> chosen = dates.crossJoin(totals.select(col(Population.YEAR)).distinct())
        .withColumn(YEAR_OF_DATE, year(col(Columns.AS_AT)))
        .groupBy(col(Columns.AS_AT))
        .agg(coalesce(max(when(col(Population.YEAR).leq(col(YEAR_OF_DATE)), col(Population.YEAR))),
            min(col(Population.YEAR))).as(CHOSEN_YEAR));
    return totals.join(broadcast(chosen), totals.col(Population.YEAR).equalTo(chosen.col(CHOSEN_YEAR)))
        .select(col(Columns.AS_AT), col(Columns.LSOA), col(Columns.COUNT));
  }

  /**
   * People registered with a GP on the date, alive (no death on or before it), counted once each at the LSOA of
   * their in-force registration with the latest start (registrations without an LSOA not counted).
   */
  static Dataset<Row> gpRegistered(Dataset<Row> gpPatients, Dataset<Row> dates) {
    Column date = col(Columns.AS_AT);
    Column inForce = col(GpPatients.REGISTRATION_START).leq(date)
        .and(col(GpPatients.REGISTRATION_END).isNull().or(date.leq(col(GpPatients.REGISTRATION_END))))
        .and(col(GpPatients.DATE_OF_DEATH).isNull().or(date.lt(col(GpPatients.DATE_OF_DEATH))));
    return gpPatients.where(col(GpPatients.LSOA_CODE).isNotNull())
        .join(broadcast(dates), inForce)
        .groupBy(col(GpPatients.PERSON_ID), date)
        .agg(max_by(col(GpPatients.LSOA_CODE), struct(col(GpPatients.REGISTRATION_START), col(GpPatients.LSOA_CODE)))
            .as(Columns.LSOA))
        .groupBy(date, col(Columns.LSOA))
        .agg(count(lit(1)).as(Columns.COUNT));
  }
}
