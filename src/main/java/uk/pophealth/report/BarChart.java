package uk.pophealth.report;

import java.util.List;
import java.util.function.DoubleFunction;
import uk.pophealth.report.Svg.Anchor;

/**
 * Vertical bars over ordered categories with interval whiskers (e.g. referral rate by IMD decile). A
 * suppressed category (value null) shows the suppression mark at the baseline instead of a bar: never a
 * zero-height bar that would read as zero.
 */
final class BarChart {
  private static final double WIDTH = 400;
  private static final double HEIGHT = 230;

  /** One category: value null means suppressed; lower/upper may be null. */
  record Bar(String category, Double value, Double lower, Double upper, String tooltip) {}

  private BarChart() {}

  static String draw(ChartCaption caption, List<Bar> bars, String xTitle, String yTitle, String markClass,
      DoubleFunction<String> format) {
    Frame frame = new Frame(60, 14, WIDTH - 60 - 12, HEIGHT - 14 - 48);
    double max = 0;
    for (Bar bar : bars) {
      for (Double value : new Double[] {bar.value(), bar.upper()}) {
        if (value != null && Double.isFinite(value)) {
          max = Math.max(max, value);
        }
      }
    }
    LinearScale y = new LinearScale(0, max > 0 ? max * 1.05 : 1, frame.bottom(), frame.top()).nice(4);
    Svg svg = new Svg(caption.id(), "bar-chart", WIDTH, HEIGHT, caption.title(), caption.description());
    Axes.left(svg, frame, y, yTitle, format);
    svg.line(frame.left(), frame.bottom(), frame.right(), frame.bottom(), "axis");
    double slot = frame.width() / Math.max(1, bars.size());
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double cx = frame.left() + (i + 0.5) * slot;
      svg.text(cx, frame.bottom() + 14, bar.category(), "tick-label", Anchor.MIDDLE);
      if (bar.value() == null) {
        svg.text(cx, frame.bottom() - 4, Html.SUPPRESSED_MARK, "suppressed-label", Anchor.MIDDLE);
        continue;
      }
      double top = y.map(bar.value());
      svg.rect(cx - slot * 0.35, top, slot * 0.7, frame.bottom() - top, "mark " + markClass, bar.tooltip());
      if (bar.lower() != null && bar.upper() != null) {
        svg.line(cx, y.map(bar.lower()), cx, y.map(bar.upper()), "whisker");
      }
    }
    svg.text(frame.left() + frame.width() / 2, frame.bottom() + 32, xTitle, "axis-title", Anchor.MIDDLE);
    return svg.render();
  }
}
