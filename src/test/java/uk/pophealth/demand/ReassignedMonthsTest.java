package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.pophealth.geography.AreaMonth;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RowByName;
import uk.pophealth.testing.SharedSpark;

/**
 * Place ZP003 lost practices in July 2022: its June 2022 actual on the re-based footprint is not the ZP003 the
 * other tables count for June, so it is withheld; its July actual, June's fitted value, and the unplaced area's June
 * (demand's "unknown", reassigned too) are handled as the rule says.
 */
class ReassignedMonthsTest {
  private static final Date JUNE = Date.valueOf("2022-06-01");
  private static final Date JULY = Date.valueOf("2022-07-01");

  @Test
  void withholdsTheActualsOfReassignedAreaMonthsOnly() {
    RowByName base = RowByName.of(DemandForecast.SCHEMA.schema())
        .with(OutputTables.FORECAST_ORIGIN, Date.valueOf("2024-03-01"))
        .with(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE).with(OutputTables.GEOGRAPHY_CODE, "ZP003")
        .with(OutputTables.ACTIVITY_NAME, Activities.ASC_REQUEST).with(OutputTables.MODEL, "Mean")
        .with(DemandForecast.SERIES_KIND, DemandForecast.SERIES_COUNT).with(OutputTables.SUPPRESSED, false)
        .with(DemandForecast.KIND, DemandForecast.KIND_ACTUAL).with(DemandForecast.VALUE, 20.0)
        .with(DemandForecast.ACTUAL_COUNT, 20L);
    List<Row> rows = List.of(
        base.with(DemandForecast.MONTH, JUNE).row(),
        base.with(DemandForecast.MONTH, JULY).row(),
        base.with(DemandForecast.MONTH, JUNE).with(DemandForecast.KIND, DemandForecast.KIND_FITTED)
            .with(DemandForecast.ACTUAL_COUNT, null).row(),
        base.with(DemandForecast.MONTH, JUNE).with(OutputTables.GEOGRAPHY_CODE, Activities.UNKNOWN).row());
    Set<AreaMonth> reassigned = Set.of(new AreaMonth(AreaMonth.PLACE, "ZP003", YearMonth.of(2022, 6)),
        new AreaMonth(AreaMonth.PLACE, null, YearMonth.of(2022, 6)));
    Map<String, Row> out = new HashMap<>();
    for (Row row : ReassignedMonths.withhold(SharedSpark.spark(),
        SharedSpark.spark().createDataFrame(rows, DemandForecast.SCHEMA.schema()), reassigned).collectAsList()) {
      out.put(row.getAs(OutputTables.GEOGRAPHY_CODE) + "|" + row.getAs(DemandForecast.KIND) + "|"
          + row.getAs(DemandForecast.MONTH), row);
    }
    assertEquals(4, out.size());
    Row june = out.get("ZP003|actual|" + JUNE);
    assertNull(june.getAs(DemandForecast.ACTUAL_COUNT));
    assertNull(june.getAs(DemandForecast.VALUE));
    assertTrue(june.<Boolean>getAs(OutputTables.SUPPRESSED));
    assertEquals(ReassignedMonths.NOTE, june.getAs(DemandForecast.FIT_NOTE));
    Row unknown = out.get(Activities.UNKNOWN + "|actual|" + JUNE);
    assertNull(unknown.getAs(DemandForecast.ACTUAL_COUNT), "an unplaced area is demand's unknown");
    Row july = out.get("ZP003|actual|" + JULY);
    assertEquals(20L, july.<Long>getAs(DemandForecast.ACTUAL_COUNT), "a month the footprints agree on is kept");
    assertFalse(july.<Boolean>getAs(OutputTables.SUPPRESSED));
    Row fitted = out.get("ZP003|fitted|" + JUNE);
    assertEquals(20.0, fitted.<Double>getAs(DemandForecast.VALUE), "only actuals are withheld");
  }
}
