package uk.pophealth.demand;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * One series gathered from its rows on an executor: its identity and its values from the first to the last month
 * present, a month without a row being missing (NaN).
 */
record SeriesData(String level, String code, String name, String parentCode, String activity, String seriesKind,
    YearMonth firstMonth, double[] values) {

  YearMonth lastMonth() {
    return firstMonth.plusMonths(values.length - 1L);
  }

  static SeriesData of(Iterator<Row> rows) {
    Map<YearMonth, Double> byMonth = new TreeMap<>();
    Row first = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      first = first == null ? row : first;
      YearMonth month = YearMonth.from(((Date) row.get(SeriesColumns.index(DemandForecast.MONTH))).toLocalDate());
      int valueIndex = SeriesColumns.index(DemandForecast.VALUE);
      double value = row.isNullAt(valueIndex) ? Double.NaN : row.getDouble(valueIndex);
      if (byMonth.put(month, value) != null) {
        throw PopHealthException.badInput("Cannot forecast: series %s has two values for month %s",
            row.getString(SeriesColumns.index(OutputTables.GEOGRAPHY_CODE)), month);
      }
    }
    if (first == null) {
      throw new IllegalStateException("Cannot forecast: a series group without rows");
    }
    YearMonth firstMonth = ((TreeMap<YearMonth, Double>) byMonth).firstKey();
    YearMonth lastMonth = ((TreeMap<YearMonth, Double>) byMonth).lastKey();
    double[] values = new double[(int) firstMonth.until(lastMonth, java.time.temporal.ChronoUnit.MONTHS) + 1];
    Arrays.fill(values, Double.NaN);
    for (Map.Entry<YearMonth, Double> entry : byMonth.entrySet()) {
      values[(int) firstMonth.until(entry.getKey(), java.time.temporal.ChronoUnit.MONTHS)] = entry.getValue();
    }
    return new SeriesData(first.getString(SeriesColumns.index(OutputTables.GEOGRAPHY_LEVEL)),
        first.getString(SeriesColumns.index(OutputTables.GEOGRAPHY_CODE)),
        first.getString(SeriesColumns.index(OutputTables.GEOGRAPHY_NAME)),
        first.getString(SeriesColumns.index(SeriesColumns.PARENT_CODE)),
        first.getString(SeriesColumns.index(OutputTables.ACTIVITY_NAME)),
        first.getString(SeriesColumns.index(DemandForecast.SERIES_KIND)), firstMonth, values);
  }
}
