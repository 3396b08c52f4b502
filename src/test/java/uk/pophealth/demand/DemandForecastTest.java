package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.cohort.AgeBands;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.SharedSpark;

/** The demand product end to end on {@link DemandFixture}: planted truth, coherence, re-basing, zero fill, extras. */
class DemandForecastTest {
  private static final YearMonth TIGHT_FROM = YearMonth.of(2024, 6);
  private static final double LOOSE_CAPACITY = 1e6;

  private static DemandFixture fixture;
  private static DemandResult result;
  /** level|code|kind|month -> row */
  private static DemandRows rows;
  /** level|code|role -> accuracy row */
  private static final Map<String, Row> ACCURACY = new HashMap<>();
  private static int accuracyRows;

  @BeforeAll
  static void run() {
    fixture = new DemandFixture();
    List<Row> population = new ArrayList<>();
    for (String band : AgeBands.BANDS) {
      population.add(DemandFixture.populationRow("PA1", 2023, band, 1000));
      population.add(DemandFixture.populationRow("PA1", 2024, band, band.equals("85+") ? 2000 : 1000));
    }
    List<Row> capacity = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(2024, m);
      capacity.add(DemandFixture.capacityRow("PA1", Activities.ASC_REQUEST, month,
          month.isBefore(TIGHT_FROM) ? LOOSE_CAPACITY : 1.0));
    }
    result = uk.pophealth.demand.DemandForecast.compute(SharedSpark.spark(),
        fixture.inputs(DemandFixture.population(population), DemandFixture.capacity(capacity)),
        DemandOptions.of(DemandFixture.FIRST, DemandFixture.LAST));
    List<Row> forecasts = result.forecasts().collectAsList();
    for (Row row : forecasts) {
      assertEquals(Activities.ASC_REQUEST, row.getAs(OutputTables.ACTIVITY_NAME));
    }
    rows = new DemandRows(forecasts);
    List<Row> accuracy = result.accuracy().collectAsList();
    accuracyRows = accuracy.size();
    for (Row row : accuracy) {
      String role = row.getAs(ForecastAccuracy.MODEL_ROLE);
      ACCURACY.put(row.getAs(OutputTables.GEOGRAPHY_LEVEL) + "|" + row.getAs(OutputTables.GEOGRAPHY_CODE) + "|"
          + role + (role.equals(ForecastAccuracy.ROLE_RECONCILIATION) ? "|" + row.getAs(OutputTables.MODEL) : ""),
          row);
    }
  }

  @AfterAll
  static void release() {
    result.release();
  }

  private static Row row(String level, String code, String kind, YearMonth month) {
    return rows.row(level, code, kind, month);
  }

  private static double value(String level, String code, String kind, YearMonth month) {
    return row(level, code, kind, month).<Double>getAs(DemandForecast.VALUE);
  }

  private static List<YearMonth> forecastMonths() {
    List<YearMonth> months = new ArrayList<>();
    for (int h = 1; h <= 12; h++) {
      months.add(DemandFixture.LAST.plusMonths(h));
    }
    return months;
  }

  @Test
  void tablesHaveTheDeclaredColumnsAndOneAccuracyRowPerSeriesAndRole() {
    assertEquals(List.of(DemandForecast.SCHEMA.schema().fieldNames()), List.of(result.forecasts().columns()));
    assertEquals(List.of(ForecastAccuracy.SCHEMA.schema().fieldNames()), List.of(result.accuracy().columns()));
    // 5 places, ICS A and B, all: 8 series, each with a chosen, a benchmark and two reconciliation rows.
    assertEquals(32, accuracyRows);
    assertEquals(32, ACCURACY.size(), "one row per series, role and reconciliation method");
    assertEquals(SeriesFit.BENCHMARK_MODEL, ACCURACY.get("place|PA1|benchmark").getAs(OutputTables.MODEL));
    assertEquals((8 * 60 * 2) + 8 * 12, rows.size());
  }

  @Test
  void monthsWithoutActivityAreZerosNotGaps() {
    for (int t = 0; t < 60; t++) {
      YearMonth month = DemandFixture.FIRST.plusMonths(t);
      double expected = DemandFixture.PB2_MONTHS.contains(month) ? fixture.count("PB2", month) : 0.0;
      assertEquals(expected, value("place", "PB2", "actual", month), () -> "PB2 " + month);
    }
  }

  @Test
  void historyIsOnTheCurrentFootprintAcrossTheMove() {
    // P4 moved from ICS A to ICS B in July 2022: re-based, every month of ICS B holds it and ICS A never does.
    for (int t = 0; t < 60; t++) {
      YearMonth month = DemandFixture.FIRST.plusMonths(t);
      assertEquals(fixture.count("PA1", month) + fixture.count("PA2", month), value("ics", "A", "actual", month),
          () -> "ICS A " + month);
      assertEquals(fixture.count("PB1", month) + fixture.count("PB2", month) + fixture.count("P4", month),
          value("ics", "B", "actual", month), () -> "ICS B " + month);
    }
  }

  @Test
  void placeForecastsAddUpExactlyToTheirIcsAndIcsToAll() {
    for (YearMonth month : forecastMonths()) {
      double a = value("place", "PA1", "forecast", month) + value("place", "PA2", "forecast", month);
      double b = value("place", "PB1", "forecast", month) + value("place", "PB2", "forecast", month)
          + value("place", "P4", "forecast", month);
      assertEquals(a, value("ics", "A", "forecast", month), 1e-9 * a);
      assertEquals(b, value("ics", "B", "forecast", month), 1e-9 * b);
      assertEquals(a + b, value("all", "all", "forecast", month), 1e-9 * (a + b));
      Row ics = row("ics", "A", "forecast", month);
      assertTrue(ics.<Double>getAs(OutputTables.LOWER95) <= a && a <= ics.<Double>getAs(OutputTables.UPPER95));
      String prefix = ics.<String>getAs(DemandForecast.MODEL_PARAMETERS).startsWith("reconciliation=top-down;")
          ? Reconciliation.TOP_DOWN_MODEL : Reconciliation.BOTTOM_UP_MODEL;
      assertTrue(ics.<String>getAs(OutputTables.MODEL).startsWith(prefix + "/"), ics::toString);
    }
  }

  @Test
  void reconciliationIsTheMethodWithTheBetterBacktest() {
    // bottom-up leaves a place's backtest forecasts as its model made them: its score is the chosen model's own
    // backtest MASE, computed by the stats library (an independent path)
    for (String place : List.of("PA1", "PA2", "PB1", "PB2", "P4")) {
      double own = ACCURACY.get("place|" + place + "|chosen").<Double>getAs(ForecastAccuracy.MASE);
      double bottomUp = ACCURACY.get("place|" + place + "|reconciliation|" + Reconciliation.BOTTOM_UP_MODEL)
          .<Double>getAs(ForecastAccuracy.MASE);
      assertEquals(own, bottomUp, 1e-9 * own, place);
    }
    // the published choice is the method whose mean over levels of the level's mean MASE is lower
    double bottomUp = levelMeanScore(Reconciliation.BOTTOM_UP_MODEL);
    double topDown = levelMeanScore(Reconciliation.TOP_DOWN_MODEL);
    String method = topDown < bottomUp ? "top-down" : "bottom-up";
    for (YearMonth month : forecastMonths()) {
      String parameters = row("ics", "B", "forecast", month).getAs(DemandForecast.MODEL_PARAMETERS);
      assertTrue(parameters.startsWith("reconciliation=" + method + ";"), bottomUp + " vs " + topDown + ": " + parameters);
    }
  }

  private static double levelMeanScore(String method) {
    double sum = 0;
    for (String level : List.of("place", "ics", "all")) {
      double levelSum = 0;
      int n = 0;
      for (Map.Entry<String, Row> entry : ACCURACY.entrySet()) {
        if (entry.getKey().startsWith(level + "|") && entry.getKey().endsWith("|reconciliation|" + method)) {
          levelSum += entry.getValue().<Double>getAs(ForecastAccuracy.MASE);
          n++;
        }
      }
      assertTrue(n > 0, level);
      sum += levelSum / n;
    }
    return sum / 3;
  }

  @Test
  void chosenModelsRecoverThePlantedTrendAndSeasonalityAndBeatSeasonalNaive() {
    for (String place : List.of("PA1", "PA2", "PB1", "P4")) {
      double absolutePercent = 0;
      for (YearMonth month : forecastMonths()) {
        double truth = DemandFixture.truth(place, month);
        absolutePercent += Math.abs(value("place", place, "forecast", month) - truth) / truth * 100;
      }
      double mape = absolutePercent / 12;
      String model = row("place", place, "forecast", forecastMonths().get(0)).getAs(OutputTables.MODEL);
      assertTrue(mape < 5.0, place + ": mean absolute error against the planted truth " + mape + "% (" + model + ")");
      assertFalse(model.endsWith(",N)"), place + " chose a model without seasonality: " + model);
      double chosen = ACCURACY.get("place|" + place + "|chosen").<Double>getAs(ForecastAccuracy.MASE);
      double benchmark = ACCURACY.get("place|" + place + "|benchmark").<Double>getAs(ForecastAccuracy.MASE);
      assertTrue(chosen < benchmark, place + ": chosen MASE " + chosen + " vs seasonal naive " + benchmark);
    }
  }

  @Test
  void capacityExceedanceMonthAndUtilisation() {
    Row first = row("place", "PA1", "forecast", YearMonth.of(2024, 1));
    assertEquals(Date.valueOf(TIGHT_FROM.atDay(1)), first.getAs(DemandForecast.CAPACITY_EXCEEDED_FROM));
    assertEquals(first.<Double>getAs(DemandForecast.VALUE) / LOOSE_CAPACITY,
        first.<Double>getAs(DemandForecast.UTILISATION), 1e-15);
    Row tight = row("place", "PA1", "forecast", YearMonth.of(2024, 7));
    assertEquals(tight.<Double>getAs(OutputTables.UPPER95), tight.<Double>getAs(DemandForecast.UTILISATION_UPPER95),
        1e-9);
    assertNull(row("place", "PA2", "forecast", YearMonth.of(2024, 7)).getAs(DemandForecast.CAPACITY_EXCEEDED_FROM));
  }

  @Test
  void demographicProjectionScalesTheLastYearsRateByProjectedPopulation() {
    double lastYear = 0;
    for (int m = 1; m <= 12; m++) {
      lastYear += fixture.count("PA1", YearMonth.of(2023, m));
    }
    // Everyone is 85+, whose population doubles from 2023 to 2024.
    double expected = 2 * lastYear / 12;
    for (YearMonth month : forecastMonths()) {
      assertEquals(expected, row("place", "PA1", "forecast", month).<Double>getAs(DemandForecast.DEMOGRAPHIC_PROJECTION),
          1e-9);
      assertNull(row("place", "PA2", "forecast", month).getAs(DemandForecast.DEMOGRAPHIC_PROJECTION));
      assertNull(row("ics", "A", "forecast", month).getAs(DemandForecast.DEMOGRAPHIC_PROJECTION));
    }
    assertNull(row("place", "PA1", "actual", YearMonth.of(2023, 12)).getAs(DemandForecast.DEMOGRAPHIC_PROJECTION));
  }
}
