package uk.pophealth.publish.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.pophealth.publish.report.Svg.Anchor;
import uk.pophealth.publish.report.Svg.Point;

/** A funnel plot: one point per unit (uptake against register size) inside 95% and 99.8% limits. */
final class FunnelPlot {
  /** Beyond this many outliers only the most extreme are labelled, so labels stay readable. */
  static final int MAX_LABELS = 20;
  private static final int CURVE_STEPS = 80;
  private static final double WIDTH = 860;
  private static final double HEIGHT = 460;

  /** One unit: its size, its proportion and the significance flag from the output table. */
  record Unit(String code, String name, long size, double proportion, String flag) {
    boolean outlier() {
      return ReportColumns.AcpUptake.FLAG_HIGH.equalsIgnoreCase(flag)
          || ReportColumns.AcpUptake.FLAG_LOW.equalsIgnoreCase(flag);
    }
  }

  private FunnelPlot() {}

  static String draw(String id, String title, String description, List<Unit> units, double average) {
    Frame frame = new Frame(70, 20, WIDTH - 70 - 190, HEIGHT - 20 - 50);
    long maxSize = units.stream().mapToLong(Unit::size).max().orElse(1);
    long minSize = Math.max(1, units.stream().mapToLong(Unit::size).min().orElse(1));
    LinearScale x = new LinearScale(0, maxSize * 1.05, frame.left(), frame.right()).nice(5);
    double low = Math.min(FunnelLimits.lower(average, minSize, FunnelLimits.Z998),
        units.stream().mapToDouble(Unit::proportion).min().orElse(average));
    double high = Math.max(FunnelLimits.upper(average, minSize, FunnelLimits.Z998),
        units.stream().mapToDouble(Unit::proportion).max().orElse(average));
    LinearScale y = new LinearScale(Math.max(0, low - 0.02), Math.min(1, high + 0.02), frame.bottom(), frame.top())
        .nice(5);
    Svg svg = new Svg(id, "funnel-plot", WIDTH, HEIGHT, title, description);
    Axes.bottom(svg, frame, x, "Register size (people on the dementia register)", v -> Html.count(Math.round(v)));
    Axes.left(svg, frame, y, "ACP uptake", Html::percent);
    double start = Math.max(1, minSize * 0.5);
    svg.polyline(curve(x, y, average, start, x.domainMax(), FunnelLimits.Z998, false), "limit limit998", null);
    svg.polyline(curve(x, y, average, start, x.domainMax(), FunnelLimits.Z998, true), "limit limit998", null);
    svg.polyline(curve(x, y, average, start, x.domainMax(), FunnelLimits.Z95, false), "limit limit95", null);
    svg.polyline(curve(x, y, average, start, x.domainMax(), FunnelLimits.Z95, true), "limit limit95", null);
    svg.line(frame.left(), y.map(average), frame.right(), y.map(average), "average");
    for (Unit unit : units) {
      String cls = "mark pcn-point" + (unit.outlier() ? " outlier flag-" + unit.flag().toLowerCase(java.util.Locale.ROOT) : "");
      svg.circle(x.map(unit.size()), y.map(unit.proportion()), unit.outlier() ? 5 : 4, cls,
          label(unit) + ": " + Html.percent(unit.proportion()) + " of " + Html.count(unit.size())
              + (unit.flag() == null ? "" : " (" + unit.flag() + ")"));
    }
    for (Unit unit : labelled(units, average)) {
      svg.text(x.map(unit.size()) + 7, y.map(unit.proportion()) + 4, label(unit), "outlier-label", Anchor.START);
    }
    double legendX = frame.right() + 16;
    svg.legendEntry(legendX, frame.top() + 10, "average", null, "Overall average " + Html.percent(average));
    svg.legendEntry(legendX, frame.top() + 30, "limit limit95", null, "95% limits");
    svg.legendEntry(legendX, frame.top() + 50, "limit limit998", null, "99.8% limits");
    svg.circle(legendX + 9, frame.top() + 70, 5, "legend-swatch flag-high", null);
    svg.text(legendX + 22, frame.top() + 74, "High (above 99.8%)", "legend-label", Anchor.START);
    svg.circle(legendX + 9, frame.top() + 90, 5, "legend-swatch flag-low", null);
    svg.text(legendX + 22, frame.top() + 94, "Low (below 99.8%)", "legend-label", Anchor.START);
    return svg.render();
  }

  static String label(Unit unit) {
    return unit.name() == null || unit.name().isBlank() ? unit.code() : unit.name();
  }

  private static List<Unit> labelled(List<Unit> units, double average) {
    List<Unit> outliers = new ArrayList<>(units.stream().filter(Unit::outlier).toList());
    outliers.sort(Comparator.comparingDouble((Unit u) -> -Math.abs(u.proportion() - average) * Math.sqrt(u.size())));
    return outliers.subList(0, Math.min(MAX_LABELS, outliers.size()));
  }

  private static List<Point> curve(LinearScale x, LinearScale y, double average, double from, double to, double z,
      boolean upper) {
    List<Point> points = new ArrayList<>();
    double ratio = Math.pow(to / from, 1.0 / CURVE_STEPS);
    for (int i = 0; i <= CURVE_STEPS; i++) {
      double size = from * Math.pow(ratio, i);
      double value = upper ? FunnelLimits.upper(average, size, z) : FunnelLimits.lower(average, size, z);
      double clamped = Math.max(y.domainMin(), Math.min(y.domainMax(), value));
      points.add(new Point(x.map(size), y.map(clamped)));
    }
    return points;
  }
}
