package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.SharedSpark;

/** Both reconciliation methods and the backtest choice between them, on hand-worked hierarchies. */
class ReconciliationTest {
  private static final Date ORIGIN = Date.valueOf("2024-12-01");
  private static final Date MONTH = Date.valueOf("2025-01-01");
  private static final String ACTIVITY = "asc_request";

  /** Hierarchy: ICS A with places PA1, PA2; ICS B with PB1, PB2; all. */
  private static final String[][] SERIES = {
      {OutputTables.LEVEL_PLACE, "PA1", "A"}, {OutputTables.LEVEL_PLACE, "PA2", "A"},
      {OutputTables.LEVEL_PLACE, "PB1", "B"}, {OutputTables.LEVEL_PLACE, "PB2", "B"},
      {OutputTables.LEVEL_ICS, "A", null}, {OutputTables.LEVEL_ICS, "B", null},
      {OutputTables.LEVEL_ALL, Activities.ALL, null}};

  @Test
  void topDownSplitsTheTotalByForecastProportionsAndRecentresIntervals() {
    // own forecasts: all 100; ICS A 30, B 90 -> A gets 25, B 75; PA1 10, PA2 30 -> 6.25, 18.75; PB1 and PB2
    // forecast 0 -> equal shares of 75.
    Map<String, Row> out = reconciled(Reconciliation.TOP_DOWN, new double[] {10, 30, 0, 0, 30, 90, 100});
    assertEquals(6.25, value(out, "PA1"), 1e-12);
    assertEquals(18.75, value(out, "PA2"), 1e-12);
    assertEquals(37.5, value(out, "PB1"), 1e-12);
    assertEquals(37.5, value(out, "PB2"), 1e-12);
    assertEquals(25.0, value(out, "A"), 1e-12);
    assertEquals(75.0, value(out, "B"), 1e-12);
    assertEquals(100.0, value(out, Activities.ALL), 1e-12);
    // PA1's own interval [5, 15] moves by 6.25 - 10 = -3.75
    Row pa1 = out.get("PA1");
    assertEquals(5 - 3.75, pa1.<Double>getAs(OutputTables.LOWER95), 1e-12);
    assertEquals(15 - 3.75, pa1.<Double>getAs(OutputTables.UPPER95), 1e-12);
    assertEquals("TopDown/ETS(A,N,N)", pa1.getAs(OutputTables.MODEL));
    assertTrue(pa1.<String>getAs(DemandForecast.MODEL_PARAMETERS).startsWith("reconciliation=top-down;"),
        pa1.<String>getAs(DemandForecast.MODEL_PARAMETERS));
    // PB1's own interval [-5, 5] around 0 moves up by 37.5
    assertEquals(32.5, out.get("PB1").<Double>getAs(OutputTables.LOWER95), 1e-12);
  }

  @Test
  void bottomUpKeepsPlacesAndSumsThem() {
    Map<String, Row> out = reconciled(Reconciliation.BOTTOM_UP, new double[] {10, 30, 0, 0, 30, 90, 100});
    assertEquals(10.0, value(out, "PA1"));
    assertEquals("ETS(A,N,N)", out.get("PA1").getAs(OutputTables.MODEL), "a place's own forecast is not renamed");
    assertEquals(40.0, value(out, "A"));
    assertEquals(0.0, value(out, "B"));
    assertEquals(40.0, value(out, Activities.ALL));
    assertEquals("BottomUp/ETS(A,N,N)", out.get("A").getAs(OutputTables.MODEL));
    // actual rows are never touched (all were 30)
    assertEquals(30.0, value(out, "actual|A"));
    assertEquals(30.0, value(out, "actual|" + Activities.ALL));
    assertEquals("ETS(A,N,N)", out.get("actual|A").getAs(OutputTables.MODEL));
  }

  @Test
  void bottomUpCountsAPlaceNotForecastAsZeroAndLeavesItNull() {
    Map<String, Row> out = reconciled(Reconciliation.BOTTOM_UP, new Double[] {null, 30.0, 20.0, 40.0, 30.0, 90.0,
        100.0}, true);
    assertNull(out.get("PA1").getAs(DemandForecast.VALUE));
    assertNull(out.get("PA1").getAs(OutputTables.LOWER95));
    assertEquals("None", out.get("PA1").getAs(OutputTables.MODEL));
    assertEquals(30.0, value(out, "A"), 1e-12);
    assertEquals(60.0, value(out, "B"), 1e-12);
    assertEquals(90.0, value(out, Activities.ALL), 1e-12);
  }

  @Test
  void topDownGivesAPlaceNotForecastNoShare() {
    // all 100 -> A 25, B 75 (own 30 and 90); in A only PA2 has a forecast (0): it takes all of A's 25, not half
    Map<String, Row> out = reconciled(Reconciliation.TOP_DOWN, new Double[] {null, 0.0, 10.0, 30.0, 30.0, 90.0,
        100.0}, true);
    assertNull(out.get("PA1").getAs(DemandForecast.VALUE));
    assertNull(out.get("PA1").getAs(OutputTables.UPPER95));
    assertEquals(25.0, value(out, "PA2"), 1e-12);
    assertEquals(18.75, value(out, "PB1"), 1e-12);
    assertEquals(56.25, value(out, "PB2"), 1e-12);
    assertEquals(25.0, value(out, "A"), 1e-12);
    assertEquals(75.0, value(out, "B"), 1e-12);
    assertEquals(100.0, value(out, Activities.ALL), 1e-12);
  }

  @Test
  void anIcsNoneOfWhosePlacesIsForecastKeepsItsOwnForecast() {
    for (String method : List.of(Reconciliation.BOTTOM_UP, Reconciliation.TOP_DOWN)) {
      Map<String, Row> out = reconciled(method, new Double[] {null, null, 20.0, 40.0, 30.0, 90.0, 100.0}, true);
      assertNull(out.get("PA1").getAs(DemandForecast.VALUE), method);
      assertNull(out.get("PA2").getAs(DemandForecast.VALUE), method);
      assertEquals(30.0, value(out, "A"), 1e-12, method);
      assertEquals("ETS(A,N,N)", out.get("A").getAs(OutputTables.MODEL), method + ": nothing to add up");
      // the total is the sum of the places that have a forecast
      assertEquals(value(out, "PB1") + value(out, "PB2"), value(out, Activities.ALL), 1e-9, method);
      assertEquals(value(out, "B"), value(out, Activities.ALL), 1e-9, method);
    }
  }

  @Test
  void aLimitTheModelCouldNotGiveStaysNullWhenReconciled() {
    Map<String, Row> out = reconciled(Reconciliation.TOP_DOWN, new Double[] {10.0, 30.0, 0.0, 0.0, 30.0, 90.0,
        100.0}, false);
    assertEquals(6.25, value(out, "PA1"), 1e-12);
    assertNull(out.get("PA1").getAs(OutputTables.LOWER95), "no limit, not a limit of 0");
    assertNull(out.get("A").getAs(DemandForecast.UPPER80));
  }

  @Test
  void anActivityWithoutABacktestIsReconciledBottomUp() {
    Dataset<Row> noChoice = SharedSpark.spark().sql("select 'other' as " + OutputTables.ACTIVITY_NAME
        + ", cast(1.0 as double) as _score_bu, cast(0.5 as double) as _score_td, 'top-down' as _method");
    List<Row> rows = new ArrayList<>();
    double[] own = {10, 30, 0, 0, 30, 90, 100};
    for (int i = 0; i < SERIES.length; i++) {
      rows.add(row(FitColumns.RECORD_MONTH, SERIES[i], OutputTables.DemandForecast.KIND_FORECAST, MONTH, own[i],
          own[i] - 5, own[i] + 5, null, null, null));
    }
    Map<String, Row> out = new HashMap<>();
    for (Row row : Reconciliation.reconcile(frame(rows), noChoice).collectAsList()) {
      out.put(row.getAs(OutputTables.GEOGRAPHY_CODE), row);
    }
    assertEquals(40.0, value(out, "A"));
    assertEquals(40.0, value(out, Activities.ALL));
    assertTrue(out.get("A").<String>getAs(DemandForecast.MODEL_PARAMETERS).startsWith(
        "reconciliation=bottom-up;backtest_mase_bottom_up=NA;"),
        out.get("A").<String>getAs(DemandForecast.MODEL_PARAMETERS));
  }

  @Test
  void choosesBottomUpWhenThePlacesAreRightAndTopDownWhenOnlyTheTotalIs() {
    // actuals: PA1 10, PA2 30, PB1 20, PB2 40 (A 40, B 60, all 100); scale 1 everywhere.
    double[] actual = {10, 30, 20, 40, 40, 60, 100};
    // places right, aggregates' own models wrong: bottom-up is exact everywhere
    Row placesRight = choice(backtest(actual, new double[] {10, 30, 20, 40, 80, 20, 50}));
    assertEquals(Reconciliation.BOTTOM_UP, Reconciliation.method(placesRight));
    assertEquals(0.0, placesRight.<Double>getAs("_score_bu"), 1e-12);
    // places right in proportion but all half size, total right: top-down is exact everywhere
    Row totalRight = choice(backtest(actual, new double[] {5, 15, 10, 20, 20, 30, 100}));
    assertEquals(Reconciliation.TOP_DOWN, Reconciliation.method(totalRight));
    assertEquals(0.0, totalRight.<Double>getAs("_score_td"), 1e-12);
    // bottom-up errs by 5, 15, 10, 20 at places (mean 12.5), 20 and 30 at ICSs (25), 50 at all: (12.5+25+50)/3
    assertEquals((12.5 + 25 + 50) / 3, totalRight.<Double>getAs("_score_bu"), 1e-12);
  }

  @Test
  void accuracyRowsHoldEachMethodsScorePerSeries() {
    double[] actual = {10, 30, 20, 40, 40, 60, 100};
    Dataset<Row> scores = Reconciliation.scores(backtest(actual, new double[] {5, 15, 10, 20, 20, 30, 100}));
    Map<String, Row> rows = new HashMap<>();
    for (Row row : OutputRows.accuracyOf(Reconciliation.accuracy(scores, 12)).collectAsList()) {
      rows.put(row.getAs(OutputTables.GEOGRAPHY_CODE) + "|" + row.getAs(OutputTables.MODEL), row);
    }
    assertEquals(14, rows.size(), "7 series x 2 methods");
    Row pa2 = rows.get("PA2|" + Reconciliation.BOTTOM_UP_MODEL);
    assertEquals(15.0, pa2.<Double>getAs(ForecastAccuracy.MASE), 1e-12);
    assertEquals(200.0 * 15 / 45, pa2.<Double>getAs(ForecastAccuracy.SMAPE), 1e-12);
    assertEquals(OutputTables.ForecastAccuracy.ROLE_RECONCILIATION, pa2.getAs(ForecastAccuracy.MODEL_ROLE));
    assertEquals(1, pa2.<Integer>getAs(ForecastAccuracy.ORIGINS));
    assertEquals(0.0, rows.get("all|" + Reconciliation.TOP_DOWN_MODEL).<Double>getAs(ForecastAccuracy.MASE), 1e-12);
    assertNull(pa2.getAs(ForecastAccuracy.COVERAGE95), "no interval is reconciled in the backtest");
  }

  private static Map<String, Row> reconciled(String method, double[] own) {
    Double[] boxed = new Double[own.length];
    for (int i = 0; i < own.length; i++) {
      boxed[i] = own[i];
    }
    return reconciled(method, boxed, true);
  }

  /** own[i] null: series i was not forecast (value and limits null); withLimits false: no limits anywhere. */
  private static Map<String, Row> reconciled(String method, Double[] own, boolean withLimits) {
    List<Row> rows = new ArrayList<>(actualRows());
    for (int i = 0; i < SERIES.length; i++) {
      boolean limits = withLimits && own[i] != null;
      rows.add(row(FitColumns.RECORD_MONTH, SERIES[i], OutputTables.DemandForecast.KIND_FORECAST, MONTH, own[i],
          limits ? own[i] - 5 : null, limits ? own[i] + 5 : null, null, null, null));
    }
    Dataset<Row> choice = SharedSpark.spark().sql("select '" + ACTIVITY + "' as " + OutputTables.ACTIVITY_NAME
        + ", cast(1.0 as double) as _score_bu, cast(2.0 as double) as _score_td, '" + method + "' as _method");
    Map<String, Row> out = new HashMap<>();
    for (Row row : Reconciliation.reconcile(frame(rows), choice).collectAsList()) {
      boolean forecast = OutputTables.DemandForecast.KIND_FORECAST.equals(row.getAs(DemandForecast.KIND));
      out.put((forecast ? "" : row.getAs(DemandForecast.KIND) + "|") + row.getAs(OutputTables.GEOGRAPHY_CODE), row);
    }
    return out;
  }

  private static List<Row> actualRows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < SERIES.length; i++) {
      rows.add(row(FitColumns.RECORD_MONTH, SERIES[i], OutputTables.DemandForecast.KIND_ACTUAL, ORIGIN, 30.0, null,
          null, null, null, null));
    }
    return rows;
  }

  private static Dataset<Row> backtest(double[] actual, double[] forecast) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < SERIES.length; i++) {
      rows.add(row(FitColumns.RECORD_BACKTEST, SERIES[i], null, MONTH, forecast[i], null, null, ORIGIN, actual[i],
          1.0));
    }
    return frame(rows);
  }

  private static Row choice(Dataset<Row> backtest) {
    List<Row> rows = Reconciliation.choose(Reconciliation.scores(backtest)).collectAsList();
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  private static double value(Map<String, Row> rows, String code) {
    return rows.get(code).<Double>getAs(DemandForecast.VALUE);
  }

  private static Row row(String record, String[] series, String kind, Date month, Double value, Double lower,
      Double upper, Date backtestOrigin, Double actual, Double scale) {
    return RowFactory.create(record, ORIGIN, series[0], series[1], series[1], series[2], ACTIVITY, "count", month,
        kind, value, lower, upper, lower, upper, value == null && lower == null ? "None" : "ETS(A,N,N)", "alpha=0.5",
        null, null, null, null, null, null, null, null, backtestOrigin, actual, scale, null);
  }

  private static Dataset<Row> frame(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, FitColumns.SCHEMA);
  }
}
