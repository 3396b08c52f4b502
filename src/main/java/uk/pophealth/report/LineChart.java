package uk.pophealth.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import uk.pophealth.report.Svg.Anchor;
import uk.pophealth.report.Svg.Point;

/**
 * Monthly series as lines with a point per month, one Okabe-Ito colour per series. A suppressed month
 * (value null) breaks the line: nothing is drawn for it.
 */
final class LineChart {
  private static final double WIDTH = 860;
  private static final double HEIGHT = 340;

  /** One month of one series; value null means suppressed or missing. */
  record Value(YearMonth month, Double value) {}

  /** A named series. */
  record Series(String name, List<Value> values) {
    Series {
      values = List.copyOf(values);
    }
  }

  private LineChart() {}

  static String draw(ChartCaption caption, List<Series> series, String yTitle, DoubleFunction<String> format,
      String markClass) {
    Frame frame = new Frame(70, 14, WIDTH - 70 - 230, HEIGHT - 14 - 46);
    List<YearMonth> months = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (Value v : s.values()) {
        months.add(v.month());
        if (v.value() != null) {
          min = Math.min(min, v.value());
          max = Math.max(max, v.value());
        }
      }
    }
    if (!Double.isFinite(min)) {
      min = 0;
      max = 1;
    }
    double pad = (max - min) * 0.1;
    LinearScale y = new LinearScale(Math.max(0, min - pad), max + pad, frame.bottom(), frame.top()).nice(5);
    MonthAxis x = MonthAxis.over(months, frame);
    Svg svg = new Svg(caption.id(), "line-chart", WIDTH, HEIGHT, caption.title(), caption.description());
    Axes.left(svg, frame, y, yTitle, format);
    x.draw(svg, frame, 8);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String colour = Palette.series(i);
      for (List<Point> run : runs(s, x, y)) {
        svg.polyline(run, "series-line", colour);
      }
      for (Value v : s.values()) {
        if (v.value() != null) {
          svg.circle(x.map(v.month()), y.map(v.value()), 3, "mark " + markClass + " series-" + i,
              s.name() + ", " + v.month() + ": " + format.apply(v.value()));
        }
      }
      svg.legendEntry(frame.right() + 16, frame.top() + 10 + i * 18, "series-line", colour, s.name());
    }
    svg.text(frame.left() + frame.width() / 2, frame.bottom() + 34, "Month end", "axis-title", Anchor.MIDDLE);
    return svg.render();
  }

  /** The series split into unbroken runs of consecutive known values. */
  static List<List<Point>> runs(Series series, MonthAxis x, LinearScale y) {
    List<List<Point>> runs = new ArrayList<>();
    List<Point> current = new ArrayList<>();
    YearMonth previous = null;
    for (Value v : series.values()) {
      boolean adjacent = previous != null && previous.plusMonths(1).equals(v.month());
      if (v.value() == null || (!current.isEmpty() && !adjacent)) {
        if (!current.isEmpty()) {
          runs.add(current);
        }
        current = new ArrayList<>();
      }
      if (v.value() != null) {
        current.add(new Point(x.map(v.month()), y.map(v.value())));
      }
      previous = v.month();
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }
}
