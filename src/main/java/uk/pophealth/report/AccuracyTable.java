package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;

/** The rolling-origin backtest accuracy of each series and model (forecast_accuracy), at the latest origin. */
final class AccuracyTable {
  static final int MAX_ROWS = 500;

  private static final String[] NEEDED = {
      GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME, OutputTables.MODEL, ForecastAccuracy.MASE};
  private static final String[] COLUMNS = {
      GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME, OutputTables.MODEL, ForecastAccuracy.MASE,
      ForecastAccuracy.SMAPE, ForecastAccuracy.COVERAGE80, ForecastAccuracy.COVERAGE95, ForecastAccuracy.ORIGINS};

  private AccuracyTable() {}

  static String render(OutputTable accuracy) {
    String heading = "Backtest accuracy";
    String unusable = accuracy.unusable(NEEDED);
    if (unusable != null) {
      return Section.subheading(heading) + Section.note(unusable);
    }
    Dataset<Row> frame = accuracy.data();
    String origin = "";
    if (accuracy.hasColumn(OutputTables.FORECAST_ORIGIN)) {
      Object latest = Tables.latestValue(frame, OutputTables.FORECAST_ORIGIN);
      frame = latest == null ? frame : frame.filter(col(OutputTables.FORECAST_ORIGIN).equalTo(latest));
      origin = latest == null ? "" : " (forecast origin " + Values.period(latest) + ")";
    }
    long total = frame.count();
    List<Row> rows = Tables.selectPresent(accuracy, frame, COLUMNS)
        .orderBy(col(GEOGRAPHY_LEVEL), col(GEOGRAPHY_CODE), col(OutputTables.ACTIVITY_NAME), col(OutputTables.MODEL))
        .limit(MAX_ROWS).collectAsList();
    HtmlTable table = new HtmlTable("accuracy-table", "Rolling-origin backtest accuracy" + origin, "Level", "Area",
        "Activity", "Model", "MASE", "sMAPE", "80% coverage", "95% coverage", "Origins");
    for (Row row : rows) {
      table.row(Cell.text(Values.string(row, GEOGRAPHY_LEVEL)), Cell.text(Values.string(row, GEOGRAPHY_CODE)),
          Cell.text(Values.string(row, OutputTables.ACTIVITY_NAME)), Cell.text(Values.string(row, OutputTables.MODEL)),
          Cell.decimal(Values.decimal(row, ForecastAccuracy.MASE), 2, false),
          Cell.decimal(Values.decimal(row, ForecastAccuracy.SMAPE), 2, false),
          Cell.percent(Values.decimal(row, ForecastAccuracy.COVERAGE80), false),
          Cell.percent(Values.decimal(row, ForecastAccuracy.COVERAGE95), false),
          Cell.plainCount(Values.count(row, ForecastAccuracy.ORIGINS)));
    }
    String note = "MASE below 1 beats the seasonal-naive benchmark; coverage near 80% and 95% means the intervals "
        + "are honest." + (total > MAX_ROWS ? " The first " + MAX_ROWS + " of " + total + " rows are listed." : "");
    return Section.subheading(heading) + "<p>" + Html.escape(note) + "</p>" + table.render();
  }
}
