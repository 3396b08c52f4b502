package uk.pophealth.publish.report;

import java.util.ArrayList;
import java.util.List;

/** The funnel-plot figure of PCN uptake at the latest period, with its table alternative. */
final class UptakeFunnel {
  private UptakeFunnel() {}

  static String render(List<UnitRow> pcns, double average, String period) {
    String heading = "Funnel plot of PCNs";
    if (pcns.isEmpty()) {
      return Section.subheading(heading) + Section.note("No PCN rows at the latest period.");
    }
    List<FunnelPlot.Unit> units = new ArrayList<>();
    HtmlTable table = new HtmlTable("pcn-funnel", "ACP uptake by PCN at " + period, "PCN", "Code", "Register",
        "With ACP", "Uptake", "Lower 95%", "Upper 95%", "Funnel flag");
    int suppressed = 0;
    int high = 0;
    int low = 0;
    for (UnitRow pcn : pcns) {
      if (pcn.plotted()) {
        FunnelPlot.Unit unit = new FunnelPlot.Unit(pcn.code(), pcn.name(), pcn.register(), pcn.uptake(), pcn.flag());
        units.add(unit);
        high += ReportColumns.AcpUptake.FLAG_HIGH.equalsIgnoreCase(pcn.flag()) ? 1 : 0;
        low += ReportColumns.AcpUptake.FLAG_LOW.equalsIgnoreCase(pcn.flag()) ? 1 : 0;
      } else {
        suppressed++;
      }
      table.row(Cell.text(pcn.label()), Cell.text(pcn.code()), Cell.count(pcn.register(), pcn.suppressed()),
          Cell.count(pcn.withAcp(), pcn.suppressed()), Cell.percent(pcn.uptake(), pcn.suppressed()),
          Cell.percent(pcn.lower95(), pcn.suppressed()), Cell.percent(pcn.upper95(), pcn.suppressed()),
          Cell.text(pcn.flag()));
    }
    String summary = units.size() + " PCNs plotted at " + period + " around an overall average of "
        + Html.percent(average) + "; " + high + " significantly high and " + low
        + " significantly low (flags from the acp_uptake table)"
        + (suppressed > 0 ? "; " + suppressed + " suppressed and not plotted" : "") + ".";
    String svg = FunnelPlot.draw("chart-pcn-funnel", "Funnel plot of ACP uptake by PCN, " + period, summary, units,
        average);
    return Section.figure(heading, svg, summary + " Curves: 95% and 99.8% limits around the average.",
        table.renderFolded("Table: uptake by PCN"));
  }
}
