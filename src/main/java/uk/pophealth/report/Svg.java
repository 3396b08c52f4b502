package uk.pophealth.report;

import static uk.pophealth.report.Html.coordinate;
import static uk.pophealth.report.Html.escape;

import java.util.List;

/**
 * One inline SVG chart: role="img" with a title and description for screen readers, and marks appended in
 * drawing order. Every mark carries a CSS class so its look lives in the page's stylesheet and tests can
 * count marks by class.
 */
final class Svg {
  /** Text anchors. */
  enum Anchor { START, MIDDLE, END }

  private final String id;
  private final String cssClass;
  private final double width;
  private final double height;
  private final String title;
  private final String description;
  private final StringBuilder body = new StringBuilder();

  Svg(String id, String cssClass, double width, double height, String title, String description) {
    this.id = id;
    this.cssClass = cssClass;
    this.width = width;
    this.height = height;
    this.title = title;
    this.description = description;
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  Svg line(double x1, double y1, double x2, double y2, String cls) {
    body.append("<line class=\"").append(cls).append("\" x1=\"").append(coordinate(x1)).append("\" y1=\"")
        .append(coordinate(y1)).append("\" x2=\"").append(coordinate(x2)).append("\" y2=\"").append(coordinate(y2))
        .append("\"/>");
    return this;
  }

  Svg circle(double cx, double cy, double r, String cls, String tooltip) {
    body.append("<circle class=\"").append(cls).append("\" cx=\"").append(coordinate(cx)).append("\" cy=\"")
        .append(coordinate(cy)).append("\" r=\"").append(coordinate(r)).append('"');
    return closeWithTooltip("circle", tooltip);
  }

  Svg rect(double x, double y, double w, double h, String cls, String tooltip) {
    body.append("<rect class=\"").append(cls).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
        .append(coordinate(y)).append("\" width=\"").append(coordinate(Math.max(0, w))).append("\" height=\"")
        .append(coordinate(Math.max(0, h))).append('"');
    return closeWithTooltip("rect", tooltip);
  }

  /** An open polyline through the points; with fewer than two points nothing is drawn. */
  Svg polyline(List<Point> points, String cls, String stroke) {
    if (points.size() < 2) {
      return this;
    }
    body.append("<path class=\"").append(cls).append('"');
    if (stroke != null) {
      body.append(" stroke=\"").append(stroke).append('"');
    }
    body.append(" d=\"").append(pathData(points, false)).append("\"/>");
    return this;
  }

  /** A closed, filled area through the points (e.g. a prediction band). */
  Svg polygon(List<Point> points, String cls) {
    if (points.size() < 3) {
      return this;
    }
    body.append("<path class=\"").append(cls).append("\" d=\"").append(pathData(points, true)).append("\"/>");
    return this;
  }

  Svg text(double x, double y, String text, String cls, Anchor anchor) {
    body.append("<text class=\"").append(cls).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
        .append(coordinate(y)).append("\" text-anchor=\"").append(anchorName(anchor)).append("\">")
        .append(escape(text)).append("</text>");
    return this;
  }

  /** Text turned a quarter left, for a vertical axis title. */
  Svg verticalText(double x, double y, String text, String cls) {
    body.append("<text class=\"").append(cls).append("\" text-anchor=\"middle\" transform=\"translate(")
        .append(coordinate(x)).append(',').append(coordinate(y)).append(") rotate(-90)\">").append(escape(text))
        .append("</text>");
    return this;
  }

  /** A small coloured swatch and its label, for legends. */
  Svg legendEntry(double x, double y, String swatchClass, String stroke, String label) {
    body.append("<line class=\"").append(swatchClass).append('"');
    if (stroke != null) {
      body.append(" stroke=\"").append(stroke).append('"');
    }
    body.append(" x1=\"").append(coordinate(x)).append("\" y1=\"").append(coordinate(y)).append("\" x2=\"")
        .append(coordinate(x + 18)).append("\" y2=\"").append(coordinate(y)).append("\"/>");
    return text(x + 22, y + 4, label, "legend-label", Anchor.START);
  }

  String render() {
    String titleId = id + "-title";
    String descId = id + "-desc";
    return "<svg id=\"" + id + "\" class=\"chart " + cssClass + "\" role=\"img\" aria-labelledby=\"" + titleId + " "
        + descId + "\" viewBox=\"0 0 " + coordinate(width) + " " + coordinate(height) + "\" width=\""
        + coordinate(width) + "\" height=\"" + coordinate(height) + "\">"
        + "<title id=\"" + titleId + "\">" + escape(title) + "</title><desc id=\"" + descId + "\">"
        + escape(description) + "</desc>" + body + "</svg>";
  }

  private Svg closeWithTooltip(String element, String tooltip) {
    if (tooltip == null) {
      body.append("/>");
    } else {
      body.append("><title>").append(escape(tooltip)).append("</title></").append(element).append('>');
    }
    return this;
  }

  private static String pathData(List<Point> points, boolean close) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      d.append(i == 0 ? 'M' : 'L').append(coordinate(points.get(i).x())).append(',')
          .append(coordinate(points.get(i).y()));
    }
    if (close) {
      d.append('Z');
    }
    return d.toString();
  }

  private static String anchorName(Anchor anchor) {
    return switch (anchor) {
      case START -> "start";
      case MIDDLE -> "middle";
      case END -> "end";
    };
  }

  /** A point in SVG pixel space. */
  record Point(double x, double y) {}
}
