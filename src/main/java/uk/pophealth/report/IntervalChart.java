package uk.pophealth.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import uk.pophealth.report.Svg.Anchor;

/**
 * A dot-and-whisker chart, one labelled row per unit: the estimate as a point, its interval as a whisker,
 * optional reference marks on the row (a target, a population share) and an optional reference line across.
 * A suppressed row shows the suppression mark in place of the point: never a point at zero.
 */
final class IntervalChart {
  private static final double ROW_HEIGHT = 22;
  private static final double WIDTH = 860;
  private static final double LABEL_WIDTH = 230;

  /** One row: value null means suppressed (or not available); lower/upper may be null. */
  record Row(String label, Double value, Double lower, Double upper, List<Marker> markers) {
    Row {
      markers = List.copyOf(markers);
    }

    Row(String label, Double value, Double lower, Double upper) {
      this(label, value, lower, upper, List.of());
    }
  }

  /** A reference mark on one row, e.g. the target share; its CSS class gives its look. */
  record Marker(double value, String cssClass, String description) {}

  /** A named reference mark shown in the legend. */
  record LegendItem(String cssClass, String label) {}

  private final String id;
  private final String title;
  private final String description;
  private final String markClass;
  private String axisTitle = "";
  private DoubleFunction<String> format = v -> Html.decimal(v, 2);
  private Double referenceLine;
  private Double fixedMin;
  private Double fixedMax;
  private final List<LegendItem> legend = new ArrayList<>();

  IntervalChart(String id, String title, String description, String markClass) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.markClass = markClass;
  }

  IntervalChart axis(String axisTitle, DoubleFunction<String> format) {
    this.axisTitle = axisTitle;
    this.format = format;
    return this;
  }

  IntervalChart referenceLine(double value) {
    this.referenceLine = value;
    return this;
  }

  IntervalChart domain(double min, double max) {
    this.fixedMin = min;
    this.fixedMax = max;
    return this;
  }

  IntervalChart legend(String cssClass, String label) {
    legend.add(new LegendItem(cssClass, label));
    return this;
  }

  String draw(List<Row> rows) {
    double legendHeight = legend.isEmpty() ? 0 : 24;
    Frame frame = new Frame(LABEL_WIDTH, 14 + legendHeight, WIDTH - LABEL_WIDTH - 30,
        Math.max(1, rows.size()) * ROW_HEIGHT);
    LinearScale x = scale(rows, frame);
    Svg svg = new Svg(id, "interval-chart", WIDTH, frame.bottom() + 46, title, description);
    Axes.bottom(svg, frame, x, axisTitle, format);
    if (referenceLine != null) {
      svg.line(x.map(referenceLine), frame.top(), x.map(referenceLine), frame.bottom(), "reference");
    }
    for (int i = 0; i < legend.size(); i++) {
      double lx = frame.left() + i * 190;
      svg.line(lx, 12, lx, 24, "legend-swatch " + legend.get(i).cssClass());
      svg.text(lx + 8, 22, legend.get(i).label(), "legend-label", Anchor.START);
    }
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double cy = frame.top() + (i + 0.5) * ROW_HEIGHT;
      svg.text(frame.left() - 8, cy + 4, row.label(), "row-label", Anchor.END);
      for (Marker marker : row.markers()) {
        double mx = x.map(marker.value());
        svg.line(mx, cy - 8, mx, cy + 8, marker.cssClass());
      }
      if (row.value() == null) {
        svg.text(frame.left() + 6, cy + 4, Html.SUPPRESSED_MARK + " (suppressed)", "suppressed-label", Anchor.START);
        continue;
      }
      if (row.lower() != null && row.upper() != null) {
        svg.line(x.map(row.lower()), cy, x.map(row.upper()), cy, "whisker");
      }
      svg.circle(x.map(row.value()), cy, 4.5, "mark " + markClass, tooltip(row));
    }
    return svg.render();
  }

  private String tooltip(Row row) {
    String interval = row.lower() != null && row.upper() != null
        ? " (" + format.apply(row.lower()) + " to " + format.apply(row.upper()) + ")" : "";
    return row.label() + ": " + format.apply(row.value()) + interval;
  }

  private LinearScale scale(List<Row> rows, Frame frame) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Row row : rows) {
      for (Double value : new Double[] {row.value(), row.lower(), row.upper()}) {
        if (value != null && Double.isFinite(value)) {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
      for (Marker marker : row.markers()) {
        min = Math.min(min, marker.value());
        max = Math.max(max, marker.value());
      }
    }
    if (referenceLine != null) {
      min = Math.min(min, referenceLine);
      max = Math.max(max, referenceLine);
    }
    if (fixedMin != null) {
      min = fixedMin;
      max = fixedMax;
    }
    if (!Double.isFinite(min)) {
      min = 0;
      max = 1;
    }
    return new LinearScale(min, max, frame.left(), frame.right()).nice(5);
  }
}
