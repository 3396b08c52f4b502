package uk.pophealth.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RefData;

/**
 * The real RTT series of trust NYG (../shared/refdata/nhs_timeseries/england_rtt_trust.csv, waits over 18 and over
 * 52 weeks per treatment, months without a row missing), where the backtest's refit of the chosen ETS(A,A,M) found
 * no finite fit at two origins and the forecast sub-command died of a NullPointerException: every series is now
 * fitted, forecast and backtested.
 */
class RttTrustSeriesTest {
  private static final String TRUST = "NYG";
  private static final String SERVICE = "Dermatology Service";

  @Test
  void everyNygSeriesIsForecastAndBacktestedWithoutAnException() throws IOException {
    Map<String, SeriesData> series = read(RefData.require("nhs_timeseries/england_rtt_trust.csv"));
    assertEquals(6, series.size(), series.keySet()::toString);
    DemandOptions options = DemandOptions.forSeries(12);
    for (SeriesData one : series.values()) {
      List<Row> rows = SeriesFit.rows(one, options, false);
      int forecasts = 0;
      for (Row row : rows) {
        if (FitColumns.RECORD_MONTH.equals(get(row, FitColumns.RECORD))
            && DemandForecast.KIND_FORECAST.equals(get(row, DemandForecast.KIND))) {
          forecasts++;
          assertNotNull(get(row, DemandForecast.VALUE), one.code());
        }
      }
      assertEquals(12, forecasts, one.code());
    }
    // the series that threw: its own model is published, and its backtest scores all three origins
    List<Row> rows = SeriesFit.rows(series.get(SERVICE + "|18"), options, false);
    Row chosen = rows.stream().filter(r -> ForecastAccuracy.ROLE_CHOSEN.equals(get(r, ForecastAccuracy.MODEL_ROLE)))
        .findFirst().orElseThrow();
    assertEquals("ETS(A,A,M)", get(chosen, OutputTables.MODEL));
    assertEquals(3, get(chosen, ForecastAccuracy.ORIGINS));
    assertTrue(Double.isFinite((Double) get(chosen, ForecastAccuracy.MASE)), chosen::toString);
    Row first = rows.get(0);
    assertEquals(FitColumns.RECORD_MONTH, get(first, FitColumns.RECORD));
    assertNull(get(first, DemandForecast.FIT_NOTE), "the published model is not a fallback");
  }

  /** treatment|18 or treatment|52 -> that trust's series, months from its first to its last (missing ones NaN). */
  private static Map<String, SeriesData> read(Path csv) throws IOException {
    Map<String, TreeMap<YearMonth, Double>> byKey = new TreeMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.replace("\"", "").split(",", -1);
      if (!cells[0].equals(TRUST)) {
        continue;
      }
      int n = cells.length;
      String treatment = String.join(",", Arrays.copyOfRange(cells, 5, n - 2));
      YearMonth month = YearMonth.from(LocalDate.parse(cells[2]));
      byKey.computeIfAbsent(treatment + "|18", k -> new TreeMap<>()).put(month, number(cells[n - 2]));
      byKey.computeIfAbsent(treatment + "|52", k -> new TreeMap<>()).put(month, number(cells[n - 1]));
    }
    Map<String, SeriesData> out = new TreeMap<>();
    byKey.forEach((key, months) -> {
      YearMonth first = months.firstKey();
      double[] values = new double[(int) first.until(months.lastKey(), ChronoUnit.MONTHS) + 1];
      Arrays.fill(values, Double.NaN);
      months.forEach((month, value) -> values[(int) first.until(month, ChronoUnit.MONTHS)] = value);
      out.put(key, new SeriesData("series", TRUST + "|" + key, null, null, "series", DemandForecast.SERIES_COUNT,
          first, values));
    });
    return out;
  }

  /** A fitting row's column (the rows carry no schema: {@link FitColumns#SCHEMA} gives the position). */
  private static Object get(Row row, String column) {
    return row.get(FitColumns.SCHEMA.fieldIndex(column));
  }

  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }
}
