package uk.pophealth.report;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.testing.SharedSpark;
import uk.pophealth.testing.TestFiles;

/**
 * Under disclosure control demand_forecast holds suppressed actuals and series published without forecasts; the
 * report's fan tables show their empty figures as suppressed ("c"), never as missing, and an actual's limits, which
 * no actual has, stay missing.
 */
class DemandSuppressionReportTest {
  private static final int ACTUALS = 24;
  private static final int FORECASTS = 12;

  @TempDir Path out;

  @Test
  void withheldDemandFiguresShowAsSuppressed() throws IOException {
    ReportFixtures.write(SharedSpark.spark(), out);
    Date origin = Date.valueOf(ReportFixtures.LATEST_PERIOD);
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < ACTUALS + FORECASTS; m++) {
      Date month = Date.valueOf(YearMonth.of(2022, 7).plusMonths(m).atEndOfMonth());
      boolean forecast = m >= ACTUALS;
      boolean suppressed = forecast || m == 5;
      Double value = suppressed ? null : 40.0 + m;
      rows.add(RowFactory.create(origin, "place", "P01", "asc_request", month, forecast ? "forecast" : "actual", value,
          null, null, null, null, "ETS(A,N,N)", suppressed));
    }
    // the fixtures' table holds other origins too: replace it whole
    TestFiles.deleteRecursively(out.resolve("demand_forecast"));
    ReportFixtures.write(SharedSpark.spark(), out, "demand_forecast", ReportFixtures.schema("forecast_origin",
        DateType, "geography_level", StringType, "geography_code", StringType, "activity", StringType, "month",
        DateType, "kind", StringType, "value", DoubleType, "lower80", DoubleType, "upper80", DoubleType, "lower95",
        DoubleType, "upper95", DoubleType, "model", StringType, "suppressed", BooleanType), rows, "forecast_origin");
    new ReportWriter(SharedSpark.spark()).write(out.toString());
    String html = Files.readString(out.resolve(ReportWriter.FILE_NAME), StandardCharsets.UTF_8);
    int start = html.indexOf("fan-table\"><caption>");
    String table = html.substring(start, html.indexOf("</table>", start));
    // the suppressed actual's value, and each withheld forecast month's value and four limits
    assertEquals(1 + 5 * FORECASTS, count(table, "num suppressed"), table);
    // the other actuals' four limits, and the suppressed actual's
    assertEquals(4 * ACTUALS, count(table, "num missing"), table);
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
