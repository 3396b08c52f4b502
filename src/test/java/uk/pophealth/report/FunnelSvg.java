package uk.pophealth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One drawn funnel plot read back from its SVG: every point (its classes, pixel position and tooltip) and the four
 * limit curves as pixel vertices. {@link #misplaced()} lists the points that sit on the wrong side of a drawn curve
 * for the flag their class shows, comparing each point with the curve's vertex at the point's own x (the funnel
 * draws its curves through every unit's denominator).
 */
record FunnelSvg(List<FunnelSvg.Point> points, Map<String, List<double[]>> curves) {
  static final String UPPER998 = "limit998 limit-upper";
  static final String UPPER95 = "limit95 limit-upper";
  static final String LOWER95 = "limit95 limit-lower";
  static final String LOWER998 = "limit998 limit-lower";
  /** Pixel coordinates are written to 0.1 px. */
  private static final double ROUNDING = 0.1;
  private static final Pattern POINT = Pattern.compile("<circle class=\"(mark pcn-point[^\"]*)\" cx=\"([-\\d.]+)\" "
      + "cy=\"([-\\d.]+)\" r=\"[\\d.]+\"><title>([^<]+)</title>");
  private static final Pattern CURVE = Pattern.compile(
      "<path class=\"limit (limit95|limit998) (limit-upper|limit-lower)\" d=\"([^\"]+)\"/>");

  /** A plotted unit: its CSS classes, its pixel centre and its tooltip ("name: 45.0% of 200 (High (0.001))"). */
  record Point(String cssClass, double x, double y, String tooltip) {
    String name() {
      return tooltip.substring(0, tooltip.lastIndexOf(": "));
    }
  }

  static FunnelSvg parse(String svg) {
    List<Point> points = new ArrayList<>();
    Matcher p = POINT.matcher(svg);
    while (p.find()) {
      points.add(new Point(p.group(1), Double.parseDouble(p.group(2)), Double.parseDouble(p.group(3)),
          p.group(4).replace("&amp;", "&")));
    }
    Map<String, List<double[]>> curves = new HashMap<>();
    Matcher c = CURVE.matcher(svg);
    while (c.find()) {
      List<double[]> vertices = new ArrayList<>();
      for (String vertex : c.group(3).substring(1).split("L")) {
        String[] xy = vertex.split(",");
        vertices.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
      }
      curves.put(c.group(1) + " " + c.group(2), vertices);
    }
    assertEquals(4, curves.size(), "four limit curves in " + svg);
    return new FunnelSvg(points, curves);
  }

  Point point(String name) {
    return points.stream().filter(point -> point.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("No point named " + name));
  }

  /** The curve's y at its vertex with exactly this x. */
  double curveAt(String curve, double x) {
    for (double[] vertex : curves.get(curve)) {
      if (vertex[0] == x) {
        return vertex[1];
      }
    }
    throw new AssertionError("The " + curve + " curve has no vertex at x " + x);
  }

  /**
   * The points on the wrong side of the drawn curves for their flag (SVG y grows downwards): High (0.001) above
   * the upper 99.8% curve, High (0.025) between the upper curves, Not significant between the 95% curves, and so
   * on. Points without a flag are not checked.
   */
  List<String> misplaced() {
    List<String> wrong = new ArrayList<>();
    for (Point point : points) {
      double upper998 = curveAt(UPPER998, point.x());
      double upper95 = curveAt(UPPER95, point.x());
      double lower95 = curveAt(LOWER95, point.x());
      double lower998 = curveAt(LOWER998, point.x());
      double y = point.y();
      boolean right;
      if (point.cssClass().contains("outlier flag-high")) {
        right = y <= upper998 + ROUNDING;
      } else if (point.cssClass().contains("flag-high95")) {
        right = y >= upper998 - ROUNDING && y <= upper95 + ROUNDING;
      } else if (point.cssClass().contains("outlier flag-low")) {
        right = y >= lower998 - ROUNDING;
      } else if (point.cssClass().contains("flag-low95")) {
        right = y >= lower95 - ROUNDING && y <= lower998 + ROUNDING;
      } else if (point.tooltip().endsWith("(Not significant)")) {
        right = y >= upper95 - ROUNDING && y <= lower95 + ROUNDING;
      } else {
        right = true;
      }
      if (!right) {
        wrong.add(point + " against curves y " + upper998 + " / " + upper95 + " / " + lower95 + " / " + lower998);
      }
    }
    return wrong;
  }
}
