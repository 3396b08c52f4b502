package uk.pophealth.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import uk.pophealth.report.Svg.Anchor;
import uk.pophealth.report.Svg.Point;
import uk.pophealth.stats.FunnelLimits;
import uk.pophealth.stats.FunnelSignificance;
import uk.pophealth.stats.ProportionFunnel;

/**
 * A funnel plot: one point per unit (uptake against register size) inside the 95% and 99.8% control limits
 * around the average the units are compared with. The limits are {@link ProportionFunnel}'s (the PHE funnel the
 * product's funnel_flag is computed from), drawn through PHE's plotting denominators and through each unit's own
 * denominator, so a point flagged High (0.001) lies above the drawn 99.8% curve and a point flagged Not
 * significant between the 95% curves. The points' classes come from the published flags, never from the curves.
 */
final class FunnelPlot {
  /** Beyond this many outliers only the most extreme are labelled, so labels stay readable. */
  static final int MAX_LABELS = 20;
  static final double WIDTH = 560;
  static final double HEIGHT = 360;

  /** One unit: its size, its proportion and the significance flag from the output table. */
  record Unit(String code, String name, long size, double proportion, String flag) {
    Optional<FunnelSignificance> significance() {
      return FunnelSignificance.ofLabel(flag);
    }

    /** Outside the 99.8% limits by the published flag: drawn in the flag's colour and labelled. */
    boolean outlier() {
      return significance().map(FunnelSignificance::outside998).orElse(false);
    }

    /** The point's CSS classes: "mark pcn-point", then the flag's (outlier flag-high, flag-low95, ...). */
    String cssClass() {
      return "mark pcn-point" + significance().map(s -> switch (s) {
        case HIGH_0001 -> " outlier flag-high";
        case LOW_0001 -> " outlier flag-low";
        case HIGH_0025 -> " flag-high95";
        case LOW_0025 -> " flag-low95";
        case NOT_SIGNIFICANT -> "";
      }).orElse("");
    }
  }

  private FunnelPlot() {}

  static String draw(String id, String title, String description, List<Unit> units, double average) {
    ProportionFunnel funnel = ProportionFunnel.around(average);
    Frame frame = new Frame(64, 40, WIDTH - 64 - 16, HEIGHT - 40 - 46);
    long maxSize = Math.max(1, units.stream().mapToLong(Unit::size).max().orElse(1));
    long minSize = Math.max(1, units.stream().mapToLong(Unit::size).min().orElse(1));
    LinearScale x = new LinearScale(0, maxSize * 1.05, frame.left(), frame.right()).nice(5);
    FunnelLimits narrowest = funnel.limitsAt(minSize);
    double low = Math.min(narrowest.lower998(), units.stream().mapToDouble(Unit::proportion).min().orElse(average));
    double high = Math.max(narrowest.upper998(), units.stream().mapToDouble(Unit::proportion).max().orElse(average));
    LinearScale y = new LinearScale(Math.max(0, low - 0.02), Math.min(1, high + 0.02), frame.bottom(), frame.top())
        .nice(5);
    Svg svg = new Svg(id, "funnel-plot", WIDTH, HEIGHT, title, description);
    Axes.bottom(svg, frame, x, "Register size (people on the dementia register)", v -> Html.count(Math.round(v)));
    Axes.left(svg, frame, y, "ACP uptake", Html::percent);
    List<FunnelLimits> limits = curveLimits(funnel, units, minSize, maxSize, x.domainMax());
    svg.polyline(curve(x, y, limits, FunnelLimits::lower998), "limit limit998 limit-lower", null);
    svg.polyline(curve(x, y, limits, FunnelLimits::upper998), "limit limit998 limit-upper", null);
    svg.polyline(curve(x, y, limits, FunnelLimits::lower95), "limit limit95 limit-lower", null);
    svg.polyline(curve(x, y, limits, FunnelLimits::upper95), "limit limit95 limit-upper", null);
    svg.line(frame.left(), y.map(average), frame.right(), y.map(average), "average");
    for (Unit unit : units) {
      svg.circle(x.map(unit.size()), y.map(unit.proportion()), unit.outlier() ? 5 : 4, unit.cssClass(),
          label(unit) + ": " + Html.percent(unit.proportion()) + " of " + Html.count(unit.size())
              + (unit.flag() == null ? "" : " (" + unit.flag() + ")"));
    }
    for (Unit unit : labelled(units, average)) {
      svg.text(x.map(unit.size()) + 7, y.map(unit.proportion()) + 4, label(unit), "outlier-label", Anchor.START);
    }
    double legendY = 16;
    svg.legendEntry(frame.left(), legendY, "average", null, "Average " + Html.percent(average));
    svg.legendEntry(frame.left() + 120, legendY, "limit limit95", null, "95% limits");
    svg.legendEntry(frame.left() + 215, legendY, "limit limit998", null, "99.8% limits");
    svg.circle(frame.left() + 320, legendY, 5, "legend-swatch flag-high", null);
    svg.text(frame.left() + 330, legendY + 4, "High (0.001)", "legend-label", Anchor.START);
    svg.circle(frame.left() + 410, legendY, 5, "legend-swatch flag-low", null);
    svg.text(frame.left() + 420, legendY + 4, "Low (0.001)", "legend-label", Anchor.START);
    return svg.render();
  }

  static String label(Unit unit) {
    return unit.name() == null || unit.name().isBlank() ? unit.code() : unit.name();
  }

  /**
   * The limits at PHE's plotting denominators up to the axis end, and at every unit's own denominator, in
   * increasing order: the drawn curve passes exactly through the limit each unit's flag was tested against.
   */
  private static List<FunnelLimits> curveLimits(ProportionFunnel funnel, List<Unit> units, long minSize, long maxSize,
      double axisEnd) {
    TreeSet<Double> denominators = new TreeSet<>();
    for (FunnelLimits point : funnel.plotPoints(minSize, maxSize)) {
      if (point.denominator() <= axisEnd) {
        denominators.add(point.denominator());
      }
    }
    for (Unit unit : units) {
      denominators.add((double) unit.size());
    }
    denominators.add(axisEnd);
    List<FunnelLimits> limits = new ArrayList<>();
    for (double denominator : denominators) {
      limits.add(funnel.limitsAt(denominator));
    }
    return limits;
  }

  private static List<Unit> labelled(List<Unit> units, double average) {
    List<Unit> outliers = new ArrayList<>(units.stream().filter(Unit::outlier).toList());
    outliers.sort(Comparator.comparingDouble((Unit u) -> -Math.abs(u.proportion() - average) * Math.sqrt(u.size())));
    return outliers.subList(0, Math.min(MAX_LABELS, outliers.size()));
  }

  private static List<Point> curve(LinearScale x, LinearScale y, List<FunnelLimits> limits,
      java.util.function.ToDoubleFunction<FunnelLimits> line) {
    List<Point> points = new ArrayList<>();
    for (FunnelLimits at : limits) {
      double clamped = Math.max(y.domainMin(), Math.min(y.domainMax(), line.applyAsDouble(at)));
      points.add(new Point(x.map(at.denominator()), y.map(clamped)));
    }
    return points;
  }
}
