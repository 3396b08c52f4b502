package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.SharedSpark;

/** demand_forecast's actual counts under disclosure control, with the relations a reader could difference. */
class DemandDisclosureTest {
  private static final Date ORIGIN = Date.valueOf("2024-12-01");
  private static final Date MONTH = Date.valueOf("2024-06-01");
  private static final Date NEXT = Date.valueOf("2025-01-01");

  @Test
  void smallActualsAreSuppressedWithAPartnerAndTheRestRoundedWhileForecastsStay() {
    List<Row> rows = new ArrayList<>();
    // asc_request: places PA1 3 and PA2 50 make ICS A 53; ICS A and B (120) make all 173.
    rows.add(actual(OutputTables.LEVEL_PLACE, "PA1", "A", Activities.ASC_REQUEST, 3));
    rows.add(actual(OutputTables.LEVEL_PLACE, "PA2", "A", Activities.ASC_REQUEST, 50));
    rows.add(actual(OutputTables.LEVEL_PLACE, "PB1", "B", Activities.ASC_REQUEST, 120));
    rows.add(actual(OutputTables.LEVEL_ICS, "A", null, Activities.ASC_REQUEST, 53));
    rows.add(actual(OutputTables.LEVEL_ICS, "B", null, Activities.ASC_REQUEST, 120));
    rows.add(actual(OutputTables.LEVEL_ALL, Activities.ALL, null, Activities.ASC_REQUEST, 173));
    // new services in ICS B: type x 2 and type y 30 make 32
    String typeX = Activities.ASC_NEW_SERVICE_OF_TYPE + "x";
    String typeY = Activities.ASC_NEW_SERVICE_OF_TYPE + "y";
    rows.add(actual(OutputTables.LEVEL_ICS, "B", null, typeX, 2));
    rows.add(actual(OutputTables.LEVEL_ICS, "B", null, typeY, 30));
    rows.add(actual(OutputTables.LEVEL_ICS, "B", null, Activities.ASC_NEW_SERVICE, 32));
    // a forecast of 3.4 is a model's output, not a count
    rows.add(forecast("PA1", 3.4));
    Map<String, Row> out = new HashMap<>();
    try (DisclosureControl.Disclosed disclosed = DisclosureControl.enabled()
        .apply(DemandForecast.TABLE, frame(rows), DemandTables.additivities())) {
      for (Row row : disclosed.data().collectAsList()) {
        out.put(row.getAs(OutputTables.GEOGRAPHY_CODE) + "|" + row.getAs(OutputTables.ACTIVITY_NAME) + "|"
            + row.getAs(DemandForecast.KIND), row);
      }
    }
    // PA1 (3) is suppressed, and PA2 with it (else 53 - 50 gives PA1 back); value is published as the count is
    assertSuppressed(out.get("PA1|asc_request|actual"));
    assertSuppressed(out.get("PA2|asc_request|actual"));
    assertPublished(out.get("A|asc_request|actual"), 55L);
    assertPublished(out.get("PB1|asc_request|actual"), 120L);
    assertPublished(out.get(Activities.ALL + "|asc_request|actual"), 175L);
    // type x (2) suppressed, type y with it (32 - 30 = 2)
    assertSuppressed(out.get("B|" + typeX + "|actual"));
    assertSuppressed(out.get("B|" + typeY + "|actual"));
    assertPublished(out.get("B|" + Activities.ASC_NEW_SERVICE + "|actual"), 30L);
    Row forecast = out.get("PA1|asc_request|forecast");
    assertEquals(3.4, forecast.<Double>getAs(DemandForecast.VALUE));
    assertNull(forecast.getAs(DemandForecast.ACTUAL_COUNT));
    assertFalse(forecast.<Boolean>getAs(OutputTables.SUPPRESSED));
  }

  /**
   * The series are controlled before the models are fitted, and the table they make is controlled again at publish:
   * the second pass must change nothing, and a row that arrived suppressed stays so.
   */
  @Test
  void controllingTheControlledActualsAgainChangesNothing() {
    List<Row> rows = new ArrayList<>();
    rows.add(actual(OutputTables.LEVEL_PLACE, "PA1", "A", Activities.ASC_REQUEST, 3));
    rows.add(actual(OutputTables.LEVEL_PLACE, "PA2", "A", Activities.ASC_REQUEST, 50));
    rows.add(actual(OutputTables.LEVEL_PLACE, "PA3", "A", Activities.ASC_REQUEST, 22));
    rows.add(actual(OutputTables.LEVEL_ICS, "A", null, Activities.ASC_REQUEST, 75));
    rows.add(actual(OutputTables.LEVEL_ALL, Activities.ALL, null, Activities.ASC_REQUEST, 75));
    DisclosureControl control = DisclosureControl.enabled();
    try (DisclosureControl.Disclosed once = control.apply(DemandForecast.TABLE, frame(rows),
        DemandTables.additivities())) {
      List<Row> first = once.data().orderBy(OutputTables.GEOGRAPHY_CODE).collectAsList();
      try (DisclosureControl.Disclosed twice = control.apply(DemandForecast.TABLE, frame(first),
          DemandTables.additivities())) {
        List<Row> second = twice.data().orderBy(OutputTables.GEOGRAPHY_CODE).collectAsList();
        assertEquals(first, second);
        assertEquals(2, second.stream().filter(r -> r.<Boolean>getAs(OutputTables.SUPPRESSED)).count(),
            second::toString);
      }
    }
  }

  private static void assertSuppressed(Row row) {
    assertNull(row.getAs(DemandForecast.ACTUAL_COUNT), row::toString);
    assertNull(row.getAs(DemandForecast.VALUE), row::toString);
    assertTrue(row.<Boolean>getAs(OutputTables.SUPPRESSED), row::toString);
  }

  private static void assertPublished(Row row, long rounded) {
    assertEquals(rounded, row.<Long>getAs(DemandForecast.ACTUAL_COUNT), row::toString);
    assertEquals((double) rounded, row.<Double>getAs(DemandForecast.VALUE), row::toString);
    assertFalse(row.<Boolean>getAs(OutputTables.SUPPRESSED), row::toString);
  }

  private static Row actual(String level, String code, String parent, String activity, long count) {
    Map<String, Object> values = new HashMap<>();
    values.put(OutputTables.GEOGRAPHY_LEVEL, level);
    values.put(OutputTables.GEOGRAPHY_CODE, code);
    values.put(OutputTables.PARENT_CODE, parent);
    values.put(OutputTables.ACTIVITY_NAME, activity);
    values.put(DemandForecast.MONTH, MONTH);
    values.put(DemandForecast.KIND, DemandForecast.KIND_ACTUAL);
    values.put(DemandForecast.VALUE, (double) count);
    values.put(DemandForecast.ACTUAL_COUNT, count);
    return row(values);
  }

  private static Row forecast(String code, double value) {
    Map<String, Object> values = new HashMap<>();
    values.put(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE);
    values.put(OutputTables.GEOGRAPHY_CODE, code);
    values.put(OutputTables.PARENT_CODE, "A");
    values.put(OutputTables.ACTIVITY_NAME, Activities.ASC_REQUEST);
    values.put(DemandForecast.MONTH, NEXT);
    values.put(DemandForecast.KIND, DemandForecast.KIND_FORECAST);
    values.put(DemandForecast.VALUE, value);
    return row(values);
  }

  private static Row row(Map<String, Object> values) {
    values.put(OutputTables.FORECAST_ORIGIN, ORIGIN);
    values.put(OutputTables.MODEL, "ETS(A,N,N)");
    values.put(DemandForecast.SERIES_KIND, DemandForecast.SERIES_COUNT);
    values.put(OutputTables.SUPPRESSED, false);
    StructField[] fields = DemandForecast.SCHEMA.schema().fields();
    Object[] ordered = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      ordered[i] = values.get(fields[i].name());
    }
    return RowFactory.create(ordered);
  }

  private static Dataset<Row> frame(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, DemandForecast.SCHEMA.schema());
  }
}
