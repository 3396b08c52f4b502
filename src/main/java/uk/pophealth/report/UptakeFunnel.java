package uk.pophealth.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnel plots of PCN uptake at the latest period. The product flags each PCN against its parent's uptake
 * (parent_code, parent_uptake in acp_uptake), so there is one funnel per parent, centred on that uptake: the
 * curves are the limits each point's flag was tested against. PCNs without a published parent uptake share one
 * funnel around the overall average.
 */
final class UptakeFunnel {
  /** Funnels drawn; the table lists every PCN. */
  static final int MAX_PANELS = 12;

  /** The parent a group of PCNs is compared with: its code and uptake, both null for "none published". */
  record Parent(String code, Double uptake) {
    static final Comparator<Parent> ORDER = Comparator.comparing(Parent::code,
        Comparator.nullsLast(Comparator.naturalOrder()));

    static Parent of(UnitRow pcn) {
      return pcn.parentUptake() == null ? new Parent(null, null) : new Parent(pcn.parentCode(), pcn.parentUptake());
    }
  }

  private UptakeFunnel() {}

  static String render(List<UnitRow> pcns, List<UnitRow> parents, double overallAverage, String period) {
    String heading = "Funnel plots of PCNs";
    if (pcns.isEmpty()) {
      return Section.subheading(heading) + Section.note("No PCN rows at the latest period.");
    }
    Map<String, String> parentLabels = new HashMap<>();
    for (UnitRow parent : parents) {
      parentLabels.put(parent.code(), parent.label());
    }
    Map<Parent, List<UnitRow>> panels = new TreeMap<>(Parent.ORDER);
    HtmlTable table = new HtmlTable("pcn-funnel", "ACP uptake by PCN at " + period, "PCN", "Code", "Register",
        "With ACP", "Uptake", "Lower 95%", "Upper 95%", "Funnel flag", "Compared with", "Their uptake");
    int plotted = 0;
    int suppressed = 0;
    for (UnitRow pcn : pcns) {
      if (pcn.plotted()) {
        panels.computeIfAbsent(Parent.of(pcn), key -> new ArrayList<>()).add(pcn);
        plotted++;
      } else {
        suppressed++;
      }
      table.row(Cell.text(pcn.label()), Cell.text(pcn.code()), Cell.count(pcn.register(), pcn.suppressed()),
          Cell.count(pcn.withAcp(), pcn.suppressed()), Cell.percent(pcn.uptake(), pcn.suppressed()),
          Cell.percent(pcn.lower95(), pcn.suppressed()), Cell.percent(pcn.upper95(), pcn.suppressed()),
          Cell.text(pcn.flag()), Cell.text(parentLabel(pcn.parentCode(), parentLabels)),
          Cell.percent(pcn.parentUptake(), false));
    }
    StringBuilder charts = new StringBuilder("<div class=\"small-multiples\">");
    int high = 0;
    int low = 0;
    int outside95 = 0;
    int drawn = 0;
    for (Map.Entry<Parent, List<UnitRow>> panel : panels.entrySet()) {
      List<FunnelPlot.Unit> units = new ArrayList<>();
      for (UnitRow pcn : panel.getValue()) {
        FunnelPlot.Unit unit = new FunnelPlot.Unit(pcn.code(), pcn.name(), pcn.register(), pcn.uptake(), pcn.flag());
        units.add(unit);
        high += unit.outlier() && unit.significance().orElseThrow().high() ? 1 : 0;
        low += unit.outlier() && unit.significance().orElseThrow().low() ? 1 : 0;
        outside95 += !unit.outlier() && unit.significance().map(s -> s.high() || s.low()).orElse(false) ? 1 : 0;
      }
      if (drawn < MAX_PANELS) {
        charts.append(panel(drawn, panel.getKey(), units, overallAverage, period, parentLabels));
        drawn++;
      }
    }
    charts.append("</div>");
    String summary = plotted + " PCNs plotted at " + period + ", each in the funnel of the unit its funnel flag "
        + "compares it with, around that unit's uptake; " + high + " above the 99.8% limit (High (0.001)) and "
        + low + " below it (Low (0.001)); " + outside95 + " outside the 95% limits only (High or Low (0.025)); "
        + "flags from the acp_uptake table"
        + (suppressed > 0 ? "; " + suppressed + " suppressed and not plotted" : "") + "."
        + (panels.size() > MAX_PANELS ? " The first " + MAX_PANELS + " of " + panels.size()
            + " funnels are drawn; the table lists every PCN." : "");
    return Section.subheading(heading) + "<p>" + Html.escape(summary) + "</p>" + charts
        + table.renderFolded("Table: uptake by PCN");
  }

  private static String panel(int index, Parent parent, List<FunnelPlot.Unit> units, double overallAverage,
      String period, Map<String, String> parentLabels) {
    double centre = parent.uptake() == null ? overallAverage : parent.uptake();
    String title = parent.uptake() == null ? "PCNs against the overall average"
        : "PCNs in " + parentLabel(parent.code(), parentLabels);
    String description = units.size() + " PCNs at " + period + " (ACP uptake against register size) around "
        + (parent.uptake() == null ? "the overall average" : "the uptake of " + parentLabel(parent.code(), parentLabels))
        + " of " + Html.percent(centre) + ", with the 95% and 99.8% funnel limits their flags are tested against.";
    HtmlTable table = new HtmlTable("pcn-panel", title, "PCN", "Register", "Uptake", "Funnel flag");
    for (FunnelPlot.Unit unit : units) {
      table.row(Cell.text(FunnelPlot.label(unit)), Cell.plainCount(unit.size()), Cell.percent(unit.proportion(), false),
          Cell.text(unit.flag()));
    }
    return "<figure class=\"small\"><h4>" + Html.escape(title) + "</h4>"
        + FunnelPlot.draw("chart-pcn-funnel-" + index, "Funnel plot of ACP uptake, " + title + ", " + period,
            description, units, centre)
        + table.renderFolded("Table") + "</figure>";
  }

  private static String parentLabel(String code, Map<String, String> labels) {
    return code == null ? null : labels.getOrDefault(code, code);
  }
}
