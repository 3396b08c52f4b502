package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.job.ForecastJob;
import uk.pophealth.publish.WrittenTable;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.RefData;
import uk.pophealth.testing.SharedSpark;

/** The forecast sub-command's path: an analyst's series file through the Spark fitting, published. */
class ForecastSubCommandTest {
  @TempDir
  Path temp;

  @Test
  void forecastsEveryIcbOfTheRealAeSeriesWithABacktestTable() {
    Path source = RefData.require(AeSeriesFile.REFDATA);
    Path series = AeSeriesFile.convert(source, temp.resolve("ae.csv"));
    String out = temp.resolve("out").toString();
    WrittenTable[] written = ForecastJob.run(SharedSpark.spark(), series.toString(), out, DemandOptions.forSeries(12));

    Dataset<Row> forecasts = SharedSpark.spark().read().parquet(out + "/" + DemandForecast.NAME);
    Dataset<Row> accuracy = SharedSpark.spark().read().parquet(out + "/" + ForecastAccuracy.NAME);
    assertEquals(42, forecasts.select(OutputTables.GEOGRAPHY_CODE).distinct().count());
    assertEquals(List.of(OutputTables.LEVEL_SERIES), forecasts.select(OutputTables.GEOGRAPHY_LEVEL).distinct()
        .collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(42 * 12, forecasts.filter(col(DemandForecast.KIND).equalTo(DemandForecast.KIND_FORECAST)).count());
    assertEquals(42 * 40, forecasts.filter(col(DemandForecast.KIND).equalTo(DemandForecast.KIND_ACTUAL)).count());
    assertEquals(written[0].rows(), forecasts.count());
    assertEquals(84, accuracy.count());
    assertEquals(42, accuracy.filter(col(ForecastAccuracy.MODEL_ROLE).equalTo(ForecastAccuracy.ROLE_BENCHMARK))
        .filter(col(OutputTables.MODEL).equalTo(SeriesFit.BENCHMARK_MODEL)).count());
    List<Row> chosen = accuracy.filter(col(ForecastAccuracy.MODEL_ROLE).equalTo(ForecastAccuracy.ROLE_CHOSEN))
        .select(ForecastAccuracy.MASE, ForecastAccuracy.COVERAGE95, ForecastAccuracy.ORIGINS).collectAsList();
    assertEquals(42, chosen.size());
    for (Row row : chosen) {
      assertTrue(Double.isFinite(row.getDouble(0)) && row.getDouble(0) > 0, "MASE " + row);
      assertTrue(row.getDouble(1) >= 0 && row.getDouble(1) <= 1, "coverage " + row);
      assertEquals(3, row.getInt(2));
    }
    // Plausible real-data accuracy: A&E attendances are smooth and seasonal, so the median MASE stays small.
    double[] mase = chosen.stream().mapToDouble(r -> r.getDouble(0)).sorted().toArray();
    assertTrue(mase[mase.length / 2] < 2.0, "median MASE " + Arrays.toString(mase));
  }

  @Test
  void badRowsFailWithTheirCountAndExamplesNotSilently() throws IOException {
    Path series = temp.resolve("bad.csv");
    Files.write(series, List.of("series_id,month,value", "A,2022-01,10", "A,2022-02,11", "A,2022-13,12",
        "B,2022-01,abc", "B,2022-02,5", "B,2022-02,6", ",2022-03,1", "C,2022-01,"));
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> AnalystSeries.read(SharedSpark.spark(), series.toString()));
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    assertTrue(error.getMessage().startsWith("Cannot read series file: 6 bad row(s); empty series_id: 1 (e.g. ,2022-03,1); "), error.getMessage());
    for (String problem : List.of("month is not YYYY-MM or YYYY-MM-DD: 1 (e.g. A,2022-13,12)",
        "value is not a finite number: 1 (e.g. B,2022-01,abc)", "two rows for one series and month: 2 (e.g. B,2022-02,5)",
        "the series has no value: 1 (e.g. C,2022-01,)")) {
      assertTrue(error.getMessage().contains(problem), problem + " in " + error.getMessage());
    }
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    Path series = temp.resolve("columns.csv");
    Files.write(series, List.of("series_id,period,value", "A,2022-01,10"));
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> AnalystSeries.read(SharedSpark.spark(), series.toString()));
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    assertTrue(error.getMessage().startsWith("Cannot read series file: columns [month] are missing"), error.getMessage());
  }

  @Test
  void emptyValuesAreMissingMonthsAndDatesTakeTheirMonth() throws IOException {
    Path series = temp.resolve("ok.csv");
    Files.write(series, List.of("series_id,month,value", "A,2022-01-31,10", "A,2022-02,", "A,2022-03-15,12"));
    List<Row> rows = AnalystSeries.read(SharedSpark.spark(), series.toString()).orderBy(AnalystSeries.MONTH)
        .collectAsList();
    assertEquals("[[A,2022-01-01,10.0], [A,2022-02-01,null], [A,2022-03-01,12.0]]", rows.toString());
  }
}
