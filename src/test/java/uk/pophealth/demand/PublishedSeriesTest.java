package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RowByName;
import uk.pophealth.testing.SharedSpark;

/**
 * The series the models are fitted on are the series as they will be published. The control here is a hand-written
 * stand-in for disclosure control (1-7 suppressed, the rest rounded to the nearest 5), so the expected values are:
 * <pre>
 *   series                    Jan  Feb  Mar   (exact)      published   Jan   Feb   Mar
 *   place PA1 asc_request      22    3    0                            20    null  0
 *   place PA1 asc_assessment   13    8    7                            15    10    null
 *   ics   I1  asc_request      40   12    9                            40    10    10
 * </pre>
 * The control is shown the actual rows of every month, under forecast origin March 2024, in demand_forecast's schema.
 */
class PublishedSeriesTest {
  private static final YearMonth ORIGIN = YearMonth.of(2024, 3);
  private static final List<Row> seen = new ArrayList<>();
  private static Dataset<Row> published;
  private static Map<String, Row> byMonth;

  @BeforeAll
  static void publish() {
    RowByName place = RowByName.of(SeriesColumns.SCHEMA)
        .with(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE).with(OutputTables.GEOGRAPHY_CODE, "PA1")
        .with(OutputTables.GEOGRAPHY_NAME, "Place 1").with(SeriesColumns.PARENT_CODE, "I1")
        .with(DemandForecast.SERIES_KIND, DemandForecast.SERIES_COUNT);
    RowByName ics = place.with(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_ICS)
        .with(OutputTables.GEOGRAPHY_CODE, "I1").with(OutputTables.GEOGRAPHY_NAME, "ICS 1")
        .with(SeriesColumns.PARENT_CODE, null);
    List<Row> rows = new ArrayList<>();
    addMonths(rows, place.with(OutputTables.ACTIVITY_NAME, Activities.ASC_REQUEST), "PA1 asc_request", 22, 3, 0);
    addMonths(rows, place.with(OutputTables.ACTIVITY_NAME, Activities.ASC_ASSESSMENT), "PA1 asc_assessment",
        13, 8, 7);
    addMonths(rows, ics.with(OutputTables.ACTIVITY_NAME, Activities.ASC_REQUEST), "I1 asc_request", 40, 12, 9);
    Dataset<Row> series = SharedSpark.spark().createDataFrame(rows, SeriesColumns.SCHEMA);
    published = PublishedSeries.of(series, control(PublishedSeries.actualRows(series, ORIGIN)));
    byMonth = new HashMap<>();
    for (Row row : published.collectAsList()) {
      byMonth.put(row.getAs(OutputTables.GEOGRAPHY_CODE) + "|" + row.getAs(OutputTables.ACTIVITY_NAME) + "|"
          + ((Date) row.getAs(DemandForecast.MONTH)).toLocalDate().getMonthValue(), row);
    }
  }

  @Test
  void eachMonthHoldsItsPublishedCount() {
    assertEquals(9, byMonth.size());
    assertEquals(20.0, value("PA1|asc_request|1"));
    assertNull(value("PA1|asc_request|2"), "suppressed: missing to the models");
    assertEquals(0.0, value("PA1|asc_request|3"), "a zero is published, so not missing");
    assertEquals(15.0, value("PA1|asc_assessment|1"));
    assertEquals(10.0, value("PA1|asc_assessment|2"));
    assertNull(value("PA1|asc_assessment|3"));
    assertEquals(40.0, value("I1|asc_request|1"));
    assertEquals(10.0, value("I1|asc_request|2"));
    assertEquals(10.0, value("I1|asc_request|3"));
  }

  @Test
  void theSeriesKeepTheirShapeAndEverythingButTheValue() {
    assertArrayEquals(SeriesColumns.SCHEMA.fieldNames(), published.columns());
    Row row = byMonth.get("PA1|asc_assessment|2");
    assertEquals("PA1 asc_assessment", row.getAs(SeriesColumns.SERIES_KEY));
    assertEquals("I1", row.getAs(SeriesColumns.PARENT_CODE));
    assertEquals("Place 1", row.getAs(OutputTables.GEOGRAPHY_NAME));
  }

  @Test
  void theControlSeesEveryMonthAsAnActualRowAtTheOrigin() {
    assertEquals(9, seen.size());
    for (Row row : seen) {
      assertEquals(Date.valueOf("2024-03-01"), row.getAs(OutputTables.FORECAST_ORIGIN));
      assertEquals(DemandForecast.KIND_ACTUAL, row.getAs(DemandForecast.KIND));
    }
    long exactTotal = seen.stream().mapToLong(row -> row.<Long>getAs(DemandForecast.ACTUAL_COUNT)).sum();
    assertEquals(22 + 3 + 13 + 8 + 7 + 40 + 12 + 9, exactTotal, "the control is given the exact counts");
  }

  /** The stand-in control: records what it is shown, then suppresses 1-7 and rounds the rest to the nearest 5. */
  private static Dataset<Row> control(Dataset<Row> actual) {
    assertArrayEquals(DemandForecast.SCHEMA.schema().fieldNames(), actual.columns());
    seen.addAll(actual.collectAsList());
    Column count = col(DemandForecast.ACTUAL_COUNT);
    return actual.withColumn(DemandForecast.ACTUAL_COUNT, when(count.between(1, 7), lit(null))
        .otherwise(round(count.divide(5)).multiply(5)).cast(DataTypes.LongType));
  }

  private static void addMonths(List<Row> rows, RowByName series, String key, double... values) {
    RowByName keyed = series.with(SeriesColumns.SERIES_KEY, key);
    for (int m = 1; m <= values.length; m++) {
      rows.add(keyed.with(DemandForecast.MONTH, Date.valueOf(String.format("2024-%02d-01", m)))
          .with(DemandForecast.VALUE, values[m - 1]).row());
    }
  }

  private static Double value(String key) {
    return byMonth.get(key).getAs(DemandForecast.VALUE);
  }
}
