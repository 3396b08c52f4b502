package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RowByName;
import uk.pophealth.testing.SharedSpark;

/** The fitted and forecast rows of a mostly suppressed series are withheld, and their fit_note says why. */
class SparseSeriesWithholdingTest {
  private static final Date ORIGIN = Date.valueOf("2024-04-01");
  private static final String FALLBACK = "fallback: very short series (2 observed months < 7): mean forecast instead "
      + "of ETS";

  @Test
  void withheldRowsSayWhyAfterAnyNoteTheFitGave() {
    List<Row> rows = new ArrayList<>();
    // PA1: 2 of 4 months suppressed (more than a quarter), a fallback note from its fit; PA2: none suppressed
    for (int m = 1; m <= 4; m++) {
      rows.add(row("PA1", DemandForecast.KIND_ACTUAL, m, m <= 2 ? null : 9.0, m <= 2, FALLBACK));
      rows.add(row("PA1", DemandForecast.KIND_FITTED, m, 9.0, false, FALLBACK));
      rows.add(row("PA2", DemandForecast.KIND_ACTUAL, m, 20.0, false, null));
      rows.add(row("PA2", DemandForecast.KIND_FITTED, m, 20.0, false, null));
    }
    rows.add(row("PA1", DemandForecast.KIND_FORECAST, 5, 9.0, false, FALLBACK));
    rows.add(row("PA2", DemandForecast.KIND_FORECAST, 5, 20.0, false, null));
    Map<String, Row> out = new HashMap<>();
    for (Row row : SparseSeriesWithholding.withhold(SharedSpark.spark().createDataFrame(rows,
        DemandForecast.SCHEMA.schema())).collectAsList()) {
      out.put(row.getAs(OutputTables.GEOGRAPHY_CODE) + "|" + row.getAs(DemandForecast.KIND) + "|"
          + ((Date) row.getAs(DemandForecast.MONTH)).toLocalDate().getMonthValue(), row);
    }
    assertEquals(rows.size(), out.size());
    for (String key : List.of("PA1|fitted|1", "PA1|fitted|4", "PA1|forecast|5")) {
      Row withheld = out.get(key);
      assertNull(withheld.getAs(DemandForecast.VALUE), key);
      assertTrue(withheld.<Boolean>getAs(OutputTables.SUPPRESSED), key);
      assertEquals(FALLBACK + "; not forecast under disclosure control: more than a quarter of its months "
          + "suppressed", withheld.getAs(DemandForecast.FIT_NOTE), key);
    }
    assertEquals(FALLBACK, out.get("PA1|actual|3").getAs(DemandForecast.FIT_NOTE), "an actual is not withheld");
    Row kept = out.get("PA2|forecast|5");
    assertEquals(20.0, kept.<Double>getAs(DemandForecast.VALUE));
    assertFalse(kept.<Boolean>getAs(OutputTables.SUPPRESSED));
    assertNull(kept.getAs(DemandForecast.FIT_NOTE));
  }

  @Test
  void aWithheldRowWithoutANoteGetsJustTheReason() {
    List<Row> rows = new ArrayList<>();
    for (int m = 1; m <= 4; m++) {
      rows.add(row("PA1", DemandForecast.KIND_ACTUAL, m, null, true, null));
    }
    rows.add(row("PA1", DemandForecast.KIND_FORECAST, 5, 9.0, false, null));
    Row forecast = SparseSeriesWithholding.withhold(SharedSpark.spark().createDataFrame(rows,
            DemandForecast.SCHEMA.schema())).filter(org.apache.spark.sql.functions.col(DemandForecast.KIND)
            .equalTo(DemandForecast.KIND_FORECAST)).collectAsList().get(0);
    assertEquals(SparseSeriesWithholding.NOTE, forecast.getAs(DemandForecast.FIT_NOTE));
    assertEquals("not forecast under disclosure control: more than a quarter of its months suppressed",
        SparseSeriesWithholding.NOTE);
  }

  /**
   * The share is taken per series: origin, level, code and activity. At origin April 2024, place PA3's asc_request
   * has 1 of its 4 months suppressed (exactly a quarter: not more, so kept) and its asc_assessment 2 of 4 (withheld:
   * every modelled figure, limits and utilisation too, is null). Level ics with the same code, and PA3's
   * asc_assessment at origin May 2024, have none suppressed and are kept.
   */
  @Test
  void theShareIsCountedPerSeriesAndOnlyMoreThanAQuarterIsWithheld() {
    Date may = Date.valueOf("2024-05-01");
    RowByName base = RowByName.of(DemandForecast.SCHEMA.schema())
        .with(OutputTables.FORECAST_ORIGIN, ORIGIN).with(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE)
        .with(OutputTables.GEOGRAPHY_CODE, "PA3").with(OutputTables.PARENT_CODE, "A")
        .with(OutputTables.MODEL, "Mean").with(DemandForecast.SERIES_KIND, DemandForecast.SERIES_COUNT);
    List<Row> rows = new ArrayList<>();
    addSeries(rows, base.with(OutputTables.ACTIVITY_NAME, Activities.ASC_REQUEST), 1);
    addSeries(rows, base.with(OutputTables.ACTIVITY_NAME, Activities.ASC_ASSESSMENT), 2);
    addSeries(rows, base.with(OutputTables.ACTIVITY_NAME, Activities.ASC_ASSESSMENT)
        .with(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ICS), 0);
    addSeries(rows, base.with(OutputTables.ACTIVITY_NAME, Activities.ASC_ASSESSMENT)
        .with(OutputTables.FORECAST_ORIGIN, may), 0);
    Map<String, Row> forecasts = new HashMap<>();
    for (Row row : SparseSeriesWithholding.withhold(SharedSpark.spark().createDataFrame(rows,
        DemandForecast.SCHEMA.schema())).collectAsList()) {
      if (DemandForecast.KIND_FORECAST.equals(row.getAs(DemandForecast.KIND))) {
        forecasts.put(row.getAs(OutputTables.FORECAST_ORIGIN) + "|" + row.getAs(OutputTables.GEOGRAPHY_LEVEL)
            + "|" + row.getAs(OutputTables.ACTIVITY_NAME), row);
      }
    }
    assertEquals(4, forecasts.size());
    Row withheld = forecasts.get("2024-04-01|place|asc_assessment");
    for (String figure : List.of(DemandForecast.VALUE, DemandForecast.LOWER80, DemandForecast.UPPER80,
        OutputTables.LOWER95, OutputTables.UPPER95, DemandForecast.UTILISATION,
        DemandForecast.UTILISATION_UPPER95)) {
      assertNull(withheld.getAs(figure), figure);
    }
    assertTrue(withheld.<Boolean>getAs(OutputTables.SUPPRESSED));
    for (String kept : List.of("2024-04-01|place|asc_request", "2024-04-01|ics|asc_assessment",
        "2024-05-01|place|asc_assessment")) {
      Row row = forecasts.get(kept);
      assertEquals(List.of(20.0, 15.0, 25.0, 12.0, 28.0, 0.5, 0.7), Arrays.asList(row.<Double>getAs(DemandForecast.VALUE),
          row.<Double>getAs(DemandForecast.LOWER80), row.<Double>getAs(DemandForecast.UPPER80),
          row.<Double>getAs(OutputTables.LOWER95), row.<Double>getAs(OutputTables.UPPER95),
          row.<Double>getAs(DemandForecast.UTILISATION), row.<Double>getAs(DemandForecast.UTILISATION_UPPER95)), kept);
      assertFalse(row.<Boolean>getAs(OutputTables.SUPPRESSED), kept);
      assertNull(row.getAs(DemandForecast.FIT_NOTE), kept);
    }
  }

  /** Four months of actuals, the first {@code suppressed} of them suppressed, and one forecast month with limits. */
  private static void addSeries(List<Row> rows, RowByName series, int suppressed) {
    for (int m = 1; m <= 4; m++) {
      rows.add(series.with(DemandForecast.KIND, DemandForecast.KIND_ACTUAL)
          .with(DemandForecast.MONTH, Date.valueOf(String.format("2024-%02d-01", m)))
          .with(DemandForecast.VALUE, m <= suppressed ? null : 20.0)
          .with(OutputTables.SUPPRESSED, m <= suppressed).row());
    }
    rows.add(series.with(DemandForecast.KIND, DemandForecast.KIND_FORECAST)
        .with(DemandForecast.MONTH, Date.valueOf("2024-05-01")).with(DemandForecast.VALUE, 20.0)
        .with(DemandForecast.LOWER80, 15.0).with(DemandForecast.UPPER80, 25.0)
        .with(OutputTables.LOWER95, 12.0).with(OutputTables.UPPER95, 28.0)
        .with(DemandForecast.UTILISATION, 0.5).with(DemandForecast.UTILISATION_UPPER95, 0.7)
        .with(OutputTables.SUPPRESSED, false).row());
  }

  private static Row row(String place, String kind, int month, Double value, boolean suppressed, String note) {
    Map<String, Object> values = new HashMap<>();
    values.put(OutputTables.FORECAST_ORIGIN, ORIGIN);
    values.put(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE);
    values.put(OutputTables.GEOGRAPHY_CODE, place);
    values.put(OutputTables.PARENT_CODE, "A");
    values.put(OutputTables.ACTIVITY_NAME, Activities.ASC_REQUEST);
    values.put(DemandForecast.MONTH, Date.valueOf(String.format("2024-%02d-01", month)));
    values.put(DemandForecast.KIND, kind);
    values.put(DemandForecast.VALUE, value);
    values.put(OutputTables.MODEL, "Mean");
    values.put(DemandForecast.SERIES_KIND, DemandForecast.SERIES_COUNT);
    values.put(OutputTables.SUPPRESSED, suppressed);
    values.put(DemandForecast.FIT_NOTE, note);
    StructField[] fields = DemandForecast.SCHEMA.schema().fields();
    Object[] ordered = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      ordered[i] = values.get(fields[i].name());
    }
    return RowFactory.create(ordered);
  }
}
