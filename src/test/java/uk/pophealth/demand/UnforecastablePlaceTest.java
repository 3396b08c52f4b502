package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.cohort.AgeBands;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.SharedSpark;

/**
 * A place whose every month is suppressed before fitting (as disclosure control does to a small place) has no
 * observed month: the product still completes, publishes that place not forecast with a fit_note, and its ICS and
 * the all-areas total are still forecast, as the sums of the places that have a forecast.
 */
class UnforecastablePlaceTest {
  private static final String HIDDEN = "PB2";
  private static final String NOTE = "not forecast: no observed month in 60 (all missing, suppressed or excluded); "
      + Reconciliation.NOT_FORECAST_PLACE;

  private static final double CAPACITY = 10.0;

  private static DemandResult result;
  /** level|code|kind|month -> row */
  private static DemandRows rows;
  /** level|code|role -> accuracy row */
  private static final Map<String, Row> ACCURACY = new HashMap<>();

  @BeforeAll
  static void run() {
    DemandFixture fixture = new DemandFixture();
    List<Row> population = new ArrayList<>();
    for (String place : List.of("PB1", HIDDEN, "P4")) {
      for (String band : AgeBands.BANDS) {
        population.add(DemandFixture.populationRow(place, 2023, band, 1000));
        population.add(DemandFixture.populationRow(place, 2024, band, 1100));
      }
    }
    List<Row> capacity = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      capacity.add(DemandFixture.capacityRow(HIDDEN, Activities.ASC_REQUEST, YearMonth.of(2024, m), CAPACITY));
    }
    // every actual of one place published as suppressed (null count); everything else as it is
    DemandSeries series = uk.pophealth.demand.DemandForecast.series(SharedSpark.spark(),
        fixture.inputs(DemandFixture.population(population), DemandFixture.capacity(capacity)),
        DemandOptions.of(DemandFixture.FIRST, DemandFixture.LAST));
    Dataset<Row> actuals = series.actualRows();
    result = uk.pophealth.demand.DemandForecast.fit(SharedSpark.spark(), series,
        actuals.withColumn(DemandForecast.ACTUAL_COUNT, when(col(OutputTables.GEOGRAPHY_LEVEL)
            .equalTo(OutputTables.LEVEL_PLACE).and(col(OutputTables.GEOGRAPHY_CODE).equalTo(HIDDEN)),
            lit(null).cast(DataTypes.LongType)).otherwise(col(DemandForecast.ACTUAL_COUNT))));
    rows = new DemandRows(result.forecasts().collectAsList());
    for (Row row : result.accuracy().collectAsList()) {
      ACCURACY.put(row.getAs(OutputTables.GEOGRAPHY_LEVEL) + "|" + row.getAs(OutputTables.GEOGRAPHY_CODE) + "|"
          + row.getAs(ForecastAccuracy.MODEL_ROLE) + "|" + row.getAs(OutputTables.MODEL), row);
    }
  }

  @AfterAll
  static void release() {
    result.release();
  }

  private static Row row(String level, String code, String kind, YearMonth month) {
    return rows.row(level, code, kind, month);
  }

  private static Double value(String level, String code, YearMonth month) {
    return row(level, code, DemandForecast.KIND_FORECAST, month).getAs(DemandForecast.VALUE);
  }

  @Test
  void theTableKeepsItsDeclaredColumnsAndEverySeriesItsRows() {
    assertEquals(List.of(DemandForecast.SCHEMA.schema().fieldNames()), List.of(result.forecasts().columns()));
    assertEquals((8 * 60 * 2) + 8 * 12, rows.size());
  }

  @Test
  void thePlaceWithNoObservedMonthIsPublishedNotForecastWithAFitNote() {
    for (int t = 0; t < 60; t++) {
      YearMonth month = DemandFixture.FIRST.plusMonths(t);
      Row actual = row("place", HIDDEN, DemandForecast.KIND_ACTUAL, month);
      assertNull(actual.getAs(DemandForecast.VALUE), "published as suppressed: " + month);
      assertEquals(NOTE, actual.getAs(DemandForecast.FIT_NOTE));
      assertNull(row("place", HIDDEN, DemandForecast.KIND_FITTED, month).getAs(DemandForecast.VALUE));
    }
    for (int h = 1; h <= 12; h++) {
      Row forecast = row("place", HIDDEN, DemandForecast.KIND_FORECAST, DemandFixture.LAST.plusMonths(h));
      for (String column : List.of(DemandForecast.VALUE, DemandForecast.LOWER80, DemandForecast.UPPER80,
          OutputTables.LOWER95, OutputTables.UPPER95)) {
        assertNull(forecast.getAs(column), column + " at h=" + h);
      }
      assertEquals("None", forecast.getAs(OutputTables.MODEL));
      assertEquals(NOTE, forecast.getAs(DemandForecast.FIT_NOTE));
    }
    Row chosen = ACCURACY.get("place|" + HIDDEN + "|" + ForecastAccuracy.ROLE_CHOSEN + "|None");
    assertNotNull(chosen, ACCURACY.keySet()::toString);
    assertNull(chosen.getAs(ForecastAccuracy.MASE));
    assertEquals(0, chosen.<Integer>getAs(ForecastAccuracy.ORIGINS));
  }

  @Test
  void itsIcsAndTheTotalAreStillForecastAsTheSumOfThePlacesThatHaveOne() {
    for (int h = 1; h <= 12; h++) {
      YearMonth month = DemandFixture.LAST.plusMonths(h);
      Double b = value("ics", "B", month);
      assertNotNull(b, "ICS B at h=" + h);
      assertTrue(b > 0, "ICS B at h=" + h + ": " + b);
      double places = value("place", "PB1", month) + value("place", "P4", month);
      assertEquals(places, b, 1e-9 * places);
      double all = places + value("place", "PA1", month) + value("place", "PA2", month);
      assertEquals(all, value("all", "all", month), 1e-9 * all);
      assertNotNull(row("ics", "B", DemandForecast.KIND_FORECAST, month).getAs(OutputTables.UPPER95));
    }
  }

  @Test
  void capacityAndTheDemographicProjectionTakeTheNullForecastInTheirStride() {
    for (int h = 1; h <= 12; h++) {
      YearMonth month = DemandFixture.LAST.plusMonths(h);
      Row hidden = row("place", HIDDEN, DemandForecast.KIND_FORECAST, month);
      assertEquals(CAPACITY, hidden.<Double>getAs(DemandForecast.CAPACITY), "h=" + h);
      assertNull(hidden.getAs(DemandForecast.UTILISATION), "h=" + h);
      assertNull(hidden.getAs(DemandForecast.UTILISATION_UPPER95), "h=" + h);
      assertNull(hidden.getAs(DemandForecast.CAPACITY_EXCEEDED_FROM), "h=" + h);
      // no projection from a base of suppressed months; the ICS's own published base gives it one
      assertNull(hidden.getAs(DemandForecast.DEMOGRAPHIC_PROJECTION), "h=" + h);
      Double ics = row("ics", "B", DemandForecast.KIND_FORECAST, month).getAs(DemandForecast.DEMOGRAPHIC_PROJECTION);
      assertNotNull(ics, "ICS B projection at h=" + h);
      assertTrue(ics > 0, "ICS B projection at h=" + h + ": " + ics);
    }
  }

  @Test
  void aRoutineFitHasNoFitNote() {
    for (String place : List.of("PA1", "PA2", "PB1", "P4")) {
      assertNull(row("place", place, DemandForecast.KIND_FORECAST, DemandFixture.LAST.plusMonths(1))
          .getAs(DemandForecast.FIT_NOTE), place);
    }
    assertNull(row("ics", "B", DemandForecast.KIND_FORECAST, DemandFixture.LAST.plusMonths(1))
        .getAs(DemandForecast.FIT_NOTE));
  }
}
