package uk.pophealth.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ACP uptake month by month for each ICS (breakdown none), as lines with a table alternative. */
final class UptakeSeries {
  /** Lines beyond this many would be indistinguishable; the table lists every ICS. */
  static final int MAX_LINES = 8;

  private UptakeSeries() {}

  static String render(List<UnitRow> icsRows) {
    String heading = "ICS series over time";
    if (icsRows.isEmpty()) {
      return Section.subheading(heading) + Section.note("No ICS rows in acp_uptake.");
    }
    Map<String, List<UnitRow>> byIcs = new LinkedHashMap<>();
    for (UnitRow row : icsRows) {
      byIcs.computeIfAbsent(row.code(), code -> new ArrayList<>()).add(row);
    }
    List<LineChart.Series> series = new ArrayList<>();
    HtmlTable table = new HtmlTable("ics-series", "ACP uptake by ICS and month end", "ICS", "Month end",
        "Register", "With ACP", "Uptake", "Lower 95%", "Upper 95%");
    for (List<UnitRow> rows : byIcs.values()) {
      List<LineChart.Value> values = new ArrayList<>();
      for (UnitRow row : rows) {
        values.add(new LineChart.Value(Values.month(row.period()), row.plotted() ? row.uptake() : null));
        table.row(Cell.text(row.label()), Cell.text(row.period()), Cell.count(row.register(), row.suppressed()),
            Cell.count(row.withAcp(), row.suppressed()), Cell.percent(row.uptake(), row.suppressed()),
            Cell.percent(row.lower95(), row.suppressed()), Cell.percent(row.upper95(), row.suppressed()));
      }
      if (series.size() < MAX_LINES) {
        series.add(new LineChart.Series(rows.get(0).label(), values));
      }
    }
    String description = "Monthly ACP uptake for " + byIcs.size() + " ICSs"
        + (byIcs.size() > MAX_LINES ? " (the first " + MAX_LINES + " drawn)" : "")
        + "; suppressed months are gaps in the lines.";
    String svg = LineChart.draw(new ChartCaption("chart-ics-series", "ACP uptake by ICS over time", description),
        series, "ACP uptake", Html::percent, "ics-point");
    return Section.figure(heading, svg, description, table.renderFolded("Table: uptake by ICS and month"));
  }
}
