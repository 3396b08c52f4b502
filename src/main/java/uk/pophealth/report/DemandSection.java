package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.LOWER95;
import static uk.pophealth.schema.OutputTables.UPPER95;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/** Demand: fan charts for the first series, a table of every series, and the backtest accuracy. */
final class DemandSection {
  static final String ID = "demand";
  static final int MAX_CHARTS = 12;

  private static final String[] NEEDED = {
      OutputTables.FORECAST_ORIGIN, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME, DemandForecast.MONTH,
      DemandForecast.KIND, DemandForecast.VALUE};
  private static final String[] COLUMNS = {
      GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, OutputTables.ACTIVITY_NAME, DemandForecast.MONTH, DemandForecast.KIND,
      DemandForecast.VALUE, DemandForecast.LOWER80, DemandForecast.UPPER80, LOWER95, UPPER95,
      DemandForecast.CAPACITY, OutputTables.SUPPRESSED};

  private static final String ACTUAL_MONTHS = "actual_months";
  private static final String FORECAST_FROM = "forecast_from";
  private static final String FORECAST_TO = "forecast_to";

  private DemandSection() {}

  static Section render(OutputTable forecast, OutputTable accuracy) {
    String heading = "Demand forecasts";
    String unusable = forecast.unusable(NEEDED);
    StringBuilder body = new StringBuilder();
    if (unusable != null) {
      body.append(Section.note(unusable));
    } else {
      body.append(fans(forecast));
    }
    body.append(AccuracyTable.render(accuracy));
    return new Section(ID, heading, body.toString());
  }

  private static String fans(OutputTable table) {
    Object origin = Tables.latestValue(table.data(), OutputTables.FORECAST_ORIGIN);
    if (origin == null) {
      return Section.note("The demand_forecast table holds no rows.");
    }
    Dataset<Row> latest = table.data().filter(col(OutputTables.FORECAST_ORIGIN).equalTo(origin)).filter(
        col(DemandForecast.KIND).isin(DemandForecast.KIND_ACTUAL, DemandForecast.KIND_FORECAST));
    List<Row> summaries = summary(latest, table.hasColumn(OutputTables.MODEL));
    List<SeriesKey> keys = new ArrayList<>();
    for (Row row : summaries) {
      keys.add(SeriesKey.of(row));
    }
    keys.sort(SeriesKey.ORDER);
    List<SeriesKey> drawn = keys.subList(0, Math.min(MAX_CHARTS, keys.size()));
    Map<SeriesKey, List<FanChart.Month>> months = months(table, latest, drawn);
    boolean capacity = table.hasColumn(DemandForecast.CAPACITY);
    StringBuilder charts = new StringBuilder("<div class=\"small-multiples\">");
    for (int i = 0; i < drawn.size(); i++) {
      SeriesKey key = drawn.get(i);
      List<FanChart.Month> series = months.getOrDefault(key, List.of());
      String description = "Monthly " + key.activity() + " for " + key.code() + " (" + key.level()
          + "): actuals, then the forecast from origin " + Values.period(origin)
          + " with 80% and 95% prediction intervals" + (capacity ? ", and commissioned capacity where given." : ".");
      charts.append("<figure class=\"small\"><h4>").append(Html.escape(key.label())).append("</h4>")
          .append(FanChart.draw("chart-fan-" + i, key.label(), description, series, key.activity()))
          .append(fanTable(key, series, capacity).renderFolded("Table")).append("</figure>");
    }
    charts.append("</div>");
    String legend = "<p class=\"legend\"><span class=\"swatch actual\"></span> actual "
        + "<span class=\"swatch forecast\"></span> forecast <span class=\"swatch band80\"></span> 80% interval "
        + "<span class=\"swatch band95\"></span> 95% interval"
        + (capacity ? " <span class=\"swatch capacity\"></span> commissioned capacity" : "") + "</p>";
    String caption = keys.size() + " series forecast from origin " + Values.period(origin) + "."
        + (keys.size() > MAX_CHARTS ? " The first " + MAX_CHARTS + " are drawn; the table lists all." : "");
    return Section.subheading("Fan charts per place and ICS") + "<p>" + Html.escape(caption) + "</p>" + legend
        + charts + seriesTable(summaries, keys).renderFolded("Table: every forecast series");
  }

  /** One row per series, aggregated in Spark: the months of actuals and forecast and the model chosen. */
  private static List<Row> summary(Dataset<Row> latest, boolean hasModel) {
    Column isForecast = col(DemandForecast.KIND).equalTo(DemandForecast.KIND_FORECAST);
    Column model = hasModel ? first(when(isForecast, col(OutputTables.MODEL)), true) : lit(null);
    return latest.groupBy(col(GEOGRAPHY_LEVEL), col(GEOGRAPHY_CODE), col(OutputTables.ACTIVITY_NAME))
        .agg(count(when(isForecast.unary_$bang(), lit(1))).as(ACTUAL_MONTHS),
            min(when(isForecast, col(DemandForecast.MONTH))).as(FORECAST_FROM),
            max(when(isForecast, col(DemandForecast.MONTH))).as(FORECAST_TO),
            model.as(OutputTables.MODEL))
        .collectAsList();
  }

  private static Map<SeriesKey, List<FanChart.Month>> months(OutputTable table, Dataset<Row> latest,
      List<SeriesKey> keys) {
    Map<SeriesKey, List<FanChart.Month>> months = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return months;
    }
    Column any = keys.get(0).condition();
    for (SeriesKey key : keys.subList(1, keys.size())) {
      any = any.or(key.condition());
    }
    for (Row row : Tables.selectPresent(table, latest.filter(any), COLUMNS)
        .orderBy(col(DemandForecast.MONTH)).collectAsList()) {
      months.computeIfAbsent(SeriesKey.of(row), key -> new ArrayList<>()).add(new FanChart.Month(
          Values.month(Values.get(row, DemandForecast.MONTH)),
          DemandForecast.KIND_FORECAST.equals(Values.string(row, DemandForecast.KIND)),
          Values.decimal(row, DemandForecast.VALUE), Values.decimal(row, DemandForecast.LOWER80),
          Values.decimal(row, DemandForecast.UPPER80), Values.decimal(row, LOWER95), Values.decimal(row, UPPER95),
          Values.decimal(row, DemandForecast.CAPACITY), Values.flag(row, OutputTables.SUPPRESSED)));
    }
    return months;
  }

  private static HtmlTable fanTable(SeriesKey key, List<FanChart.Month> months, boolean capacity) {
    HtmlTable table = capacity
        ? new HtmlTable("fan-table", key.label(), "Month", "Kind", "Value", "Lower 80%", "Upper 80%", "Lower 95%",
            "Upper 95%", "Capacity")
        : new HtmlTable("fan-table", key.label(), "Month", "Kind", "Value", "Lower 80%", "Upper 80%", "Lower 95%",
            "Upper 95%");
    for (FanChart.Month m : months) {
      List<Cell> cells = new ArrayList<>(List.of(Cell.text(String.valueOf(m.month())),
          Cell.text(m.forecast() ? DemandForecast.KIND_FORECAST : DemandForecast.KIND_ACTUAL),
          figure(m.value(), m.suppressed()), figure(m.lower80(), m.suppressed() && m.forecast()),
          figure(m.upper80(), m.suppressed() && m.forecast()), figure(m.lower95(), m.suppressed() && m.forecast()),
          figure(m.upper95(), m.suppressed() && m.forecast())));
      if (capacity) {
        cells.add(Cell.decimal(m.capacity(), 0, false));
      }
      table.row(cells.toArray(new Cell[0]));
    }
    return table;
  }

  /**
   * A month's figure; the suppression mark where disclosure control withheld it (a suppressed actual, or the
   * forecast and limits of a series not forecast under disclosure control; an actual has no limits to withhold).
   */
  private static Cell figure(Double value, boolean withheld) {
    return Cell.decimal(value, 0, value == null && withheld);
  }

  private static HtmlTable seriesTable(List<Row> summaries, List<SeriesKey> order) {
    Map<SeriesKey, Row> byKey = new LinkedHashMap<>();
    for (Row row : summaries) {
      byKey.put(SeriesKey.of(row), row);
    }
    HtmlTable table = new HtmlTable("series-table", "Every forecast series", "Level", "Area", "Activity",
        "Months of actuals", "Forecast from", "Forecast to", "Model");
    for (SeriesKey key : order) {
      Row row = byKey.get(key);
      table.row(Cell.text(key.level()), Cell.text(key.code()), Cell.text(key.activity()),
          Cell.plainCount(Values.count(row, ACTUAL_MONTHS)),
          Cell.text(Values.monthText(Values.get(row, FORECAST_FROM))),
          Cell.text(Values.monthText(Values.get(row, FORECAST_TO))),
          Cell.text(Values.string(row, OutputTables.MODEL)));
    }
    return table;
  }
}
