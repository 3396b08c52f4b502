package uk.pophealth.demand;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static uk.pophealth.schema.OutputTables.DemandForecast.DEMOGRAPHIC_PROJECTION;

import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.cohort.AgeBands;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.InputTables.Population;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * The demographic projection: activity per head by age band in the last 12 months of history, times the projected
 * population of that band, per place, activity and forecast month — what demography alone would do to demand.
 *
 * <p>Method: for place p, band b and activity a, the base is the mean monthly value over the last 12 months of
 * history (events a month for counts, people at month end for levels), the rate per head is base / population of
 * (p, b) in the calendar year of the last month of history, and the projection for month m is the sum over bands of
 * rate x population of (p, b) in the calendar year of m (mid-year figures used for the whole calendar year, no
 * interpolation). Age is taken on the event date from the person's year of birth in gp_patients (person_id
 * linkage), so activity of people without a registration is in band "unknown"; that band, and any band the
 * population lacks, grows with the place's all-age population. Population rows: area_code may be an LSOA, a
 * district or a place code (LSOAs and districts map to places on the current footprint); age_band must be one of
 * 0-64, 65-74, 75-84, 85+ (other bands such as "all" are ignored); per sex rows are summed, or the "all" sex row
 * used when there are none. The projection is published on forecast rows; an ICS (or all) gets the sum of its
 * places' projections only when every one of its place series has one. Each projection is then scaled to the
 * total of its series' 12 base months as the series carries it ({@link #asPublished}): unchanged on exact counts;
 * under disclosure control the published total, and no projection where one of those months is suppressed.
 */
final class DemographicProjection {
  private static final String PLACE = "_pop_place";
  private static final String AREA = "_area";
  private static final String POP = "_pop";
  private static final String BASE_POP = "_base_pop";
  private static final String GROWTH = "_growth";
  private static final String GROWTH_ALL = "_growth_all";
  private static final String MEAN = "_mean";
  private static final String BASE_SUM = "_base_sum";
  private static final String PUBLISHED_SUM = "_published_sum";
  private static final String CONTRIBUTION = "_contribution";
  private static final String YEAR = "_year";
  private static final String SEX_ALL = "all";

  private DemographicProjection() {}

  /**
   * Adds demographic_projection to the month rows (null where no projection applies).
   *
   * @param rows  reconciled month rows ({@link FitColumns}) of levels place, ics and all
   * @param facts place facts by age band ({@link FactColumns})
   */
  static Dataset<Row> add(Dataset<Row> rows, Dataset<Row> facts, Dataset<Row> population, FootprintResolver geography,
      FootprintBasis basis, YearMonth lastMonth) {
    Dataset<Row> byPlace = populationByPlace(population, geography, basis);
    int baseYear = lastMonth.getYear();
    Dataset<Row> base = byPlace.filter(col(YEAR).equalTo(baseYear)).select(col(PLACE), col(FactColumns.AGE_BAND),
        col(POP).as(BASE_POP));
    Dataset<Row> growth = byPlace.join(base, new String[] {PLACE, FactColumns.AGE_BAND})
        .filter(col(BASE_POP).gt(0))
        .select(col(PLACE), col(FactColumns.AGE_BAND), col(YEAR), col(POP).divide(col(BASE_POP)).as(GROWTH));
    Dataset<Row> baseAll = base.groupBy(col(PLACE)).agg(sum(col(BASE_POP)).as(BASE_POP));
    Dataset<Row> growthAll = byPlace.groupBy(col(PLACE), col(YEAR)).agg(sum(col(POP)).as(POP)).join(baseAll, PLACE)
        .filter(col(BASE_POP).gt(0))
        .select(col(PLACE), col(YEAR), col(POP).divide(col(BASE_POP)).as(GROWTH_ALL));

    Date from = Date.valueOf(lastMonth.minusMonths(11).atDay(1));
    Date to = Date.valueOf(lastMonth.atDay(1));
    Dataset<Row> means = facts.filter(col(DemandForecast.MONTH).between(from, to))
        .groupBy(col(GeographyTables.PLACE_CODE).as(PLACE), col(GeographyTables.ICS_CODE),
        col(OutputTables.ACTIVITY_NAME),
            col(FactColumns.AGE_BAND))
        .agg(sum(col(DemandForecast.VALUE)).divide(12.0).as(MEAN), sum(col(DemandForecast.VALUE)).as(BASE_SUM));
    Dataset<Row> forecastMonths = rows.filter(col(DemandForecast.KIND).equalTo(lit(DemandForecast.KIND_FORECAST)))
        .select(col(DemandForecast.MONTH)).distinct().withColumn(YEAR, year(col(DemandForecast.MONTH)));
    Column g = coalesce(col(GROWTH), col(GROWTH_ALL));
    Dataset<Row> projected = means.crossJoin(forecastMonths)
        .join(growth, new String[] {PLACE, FactColumns.AGE_BAND, YEAR}, "left")
        .join(growthAll, new String[] {PLACE, YEAR}, "left")
        .withColumn(CONTRIBUTION, col(MEAN).multiply(g))
        .groupBy(col(PLACE), col(GeographyTables.ICS_CODE), col(OutputTables.ACTIVITY_NAME),
        col(DemandForecast.MONTH))
        .agg(OrderedSum.of(CONTRIBUTION).as(DEMOGRAPHIC_PROJECTION), sum(col(BASE_SUM)).as(BASE_SUM),
            count(g).as("_with"), count(lit(1)).as("_all"))
        .withColumn(DEMOGRAPHIC_PROJECTION, when(col("_with").equalTo(col("_all")), col(DEMOGRAPHIC_PROJECTION)));
    Dataset<Row> codes = SeriesGrid.placeSeriesCodes(facts).withColumnRenamed(GeographyTables.PLACE_CODE, PLACE);
    Dataset<Row> places = projected.join(codes, new String[] {PLACE, GeographyTables.ICS_CODE})
        .select(lit(OutputTables.LEVEL_PLACE).as("_p_level"), col(OutputTables.GEOGRAPHY_CODE).as("_p_code"),
            col(GeographyTables.ICS_CODE).as("_p_parent"), col(OutputTables.ACTIVITY_NAME).as("_p_activity"),
            col(DemandForecast.MONTH).as("_p_month"), col(DEMOGRAPHIC_PROJECTION), col(BASE_SUM));
    Dataset<Row> ics = whenComplete(places.groupBy(lit(OutputTables.LEVEL_ICS).as("_p_level"),
        col("_p_parent").as("_p_code"), col("_p_activity"), col("_p_month")));
    Dataset<Row> all = whenComplete(places.groupBy(lit(OutputTables.LEVEL_ALL).as("_p_level"),
        lit(Activities.ALL).as("_p_code"), col("_p_activity"), col("_p_month")));
    return attach(rows, asPublished(places.drop("_p_parent").unionByName(ics).unionByName(all), rows, from, to));
  }

  /**
   * Each projection scaled from its base months' exact total to their total as the series carries it: the same
   * under exact counts (the factor is exactly 1), the published total under disclosure control, where the rows are the
   * published series. From the exact counts, the first projection was the exact 12-month mean times a growth a
   * reader can take from the public population, and so gave back a suppressed month among the last 12. Null when
   * any of the 12 is missing (suppressed) from that series; an ICS or the total is scaled by its own series, so a
   * suppressed month of one of its places does not take its projection away.
   */
  private static Dataset<Row> asPublished(Dataset<Row> projections, Dataset<Row> rows, Date from, Date to) {
    Dataset<Row> published = rows.filter(col(DemandForecast.KIND).equalTo(lit(DemandForecast.KIND_ACTUAL))
            .and(col(DemandForecast.MONTH).between(from, to)))
        .groupBy(col(OutputTables.GEOGRAPHY_LEVEL).as("_b_level"), col(OutputTables.GEOGRAPHY_CODE).as("_b_code"),
            col(OutputTables.ACTIVITY_NAME).as("_b_activity"))
        .agg(sum(col(DemandForecast.VALUE)).as(PUBLISHED_SUM), count(col(DemandForecast.VALUE)).as("_b_months"));
    Column base = col("_p_level").equalTo(col("_b_level")).and(col("_p_code").equalTo(col("_b_code")))
        .and(col("_p_activity").equalTo(col("_b_activity")));
    Column factor = when(col(BASE_SUM).gt(0), col(PUBLISHED_SUM).divide(col(BASE_SUM))).otherwise(lit(1.0));
    return projections.join(published, base, "left")
        .withColumn(DEMOGRAPHIC_PROJECTION, when(col("_b_months").equalTo(12),
        col(DEMOGRAPHIC_PROJECTION).multiply(factor)))
        .drop("_b_level", "_b_code", "_b_activity", "_b_months", PUBLISHED_SUM, BASE_SUM);
  }

  /** The sum of the places' projections and base totals, or no projection when one of the places has none. */
  private static Dataset<Row> whenComplete(org.apache.spark.sql.RelationalGroupedDataset groups) {
    return groups.agg(OrderedSum.of(DEMOGRAPHIC_PROJECTION).as(DEMOGRAPHIC_PROJECTION), sum(col(BASE_SUM)).as(BASE_SUM),
            count(col(DEMOGRAPHIC_PROJECTION)).as("_with"), count(lit(1)).as("_all"))
        .withColumn(DEMOGRAPHIC_PROJECTION, when(col("_with").equalTo(col("_all")), col(DEMOGRAPHIC_PROJECTION)))
        .drop("_with", "_all");
  }

  private static Dataset<Row> attach(Dataset<Row> rows, Dataset<Row> projections) {
    Column match = col(OutputTables.GEOGRAPHY_LEVEL).equalTo(col("_p_level")).and(col(OutputTables.GEOGRAPHY_CODE)
        .equalTo(col("_p_code")))
        .and(col(OutputTables.ACTIVITY_NAME).equalTo(col("_p_activity"))).and(col(DemandForecast.MONTH)
        .equalTo(col("_p_month")))
        .and(col(DemandForecast.KIND).equalTo(lit(DemandForecast.KIND_FORECAST)));
    return rows.join(projections, match, "left").drop("_p_level", "_p_code", "_p_activity", "_p_month");
  }

  /** Population per place (current footprint), year and age band. */
  private static Dataset<Row> populationByPlace(Dataset<Row> population, FootprintResolver geography,
      FootprintBasis basis) {
    Dataset<Row> lsoas = geography.lsoaHierarchy(basis);
    Dataset<Row> areas = lsoas.select(col(LsoaHierarchy.LSOA_CODE).as(AREA), col(GeographyTables.PLACE_CODE).as(PLACE))
        .unionByName(lsoas.select(col(LsoaHierarchy.LAD_CODE).as(AREA), col(GeographyTables.PLACE_CODE).as(PLACE)))
        .distinct();
    Column sexAll = col(Population.SEX).equalTo(lit(SEX_ALL));
    return population.filter(col(Population.AGE_BAND).isin(AgeBands.BANDS.toArray()))
        .join(areas, col(Population.AREA_CODE).equalTo(col(AREA)), "left")
        .groupBy(coalesce(col(PLACE), col(Population.AREA_CODE)).as(PLACE), col(Population.YEAR).as(YEAR),
            col(Population.AGE_BAND).as(FactColumns.AGE_BAND))
        .agg(coalesce(sum(when(sexAll.unary_$bang(), col(Population.POPULATION))),
            sum(when(sexAll, col(Population.POPULATION)))).cast("double").as(POP));
  }
}
