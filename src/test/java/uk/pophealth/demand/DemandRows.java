package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/** demand_forecast rows of a computed result, looked up by level, area code, kind and month. */
final class DemandRows {
  private final Map<String, Row> rows = new HashMap<>();

  DemandRows(List<Row> forecasts) {
    for (Row row : forecasts) {
      rows.put(key(row.getAs(OutputTables.GEOGRAPHY_LEVEL), row.getAs(OutputTables.GEOGRAPHY_CODE),
          row.getAs(DemandForecast.KIND), YearMonth.from(((Date) row.getAs(DemandForecast.MONTH)).toLocalDate())), row);
    }
  }

  private static String key(String level, String code, String kind, YearMonth month) {
    return level + "|" + code + "|" + kind + "|" + month;
  }

  /** The row, failing the test when there is none. */
  Row row(String level, String code, String kind, YearMonth month) {
    Row row = rows.get(key(level, code, kind, month));
    assertNotNull(row, () -> "no row " + key(level, code, kind, month));
    return row;
  }

  int size() {
    return rows.size();
  }
}
