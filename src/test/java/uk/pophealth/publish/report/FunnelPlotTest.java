package uk.pophealth.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.pophealth.stats.FunnelSignificance;
import uk.pophealth.stats.ProportionFunnel;

/**
 * The drawn funnel agrees with the published flags: the curves are ProportionFunnel's limits around the average
 * the flags were tested against, so each flagged point lies on the side of the drawn curve its flag says. Read
 * back from the SVG: each point's pixel position against the curve's vertex at the same x (its denominator).
 */
class FunnelPlotTest {
  private static final double AVERAGE = 0.30;
  private static final Pattern POINT = Pattern.compile(
      "<circle class=\"(mark pcn-point[^\"]*)\" cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\" r=\"[\\d.]+\"><title>([^:<]+):");
  private static final Pattern CURVE = Pattern.compile("<path class=\"limit (limit95|limit998) (limit-upper|limit-lower)\" d=\"([^\"]+)\"/>");
  /** Pixel coordinates are written to 0.1 px. */
  private static final double ROUNDING = 0.1;

  @Test
  void aPointFlaggedHighAt0001LiesAboveTheDrawn998CurveAtItsDenominator() {
    // 90 of 200 (45%) around 30%: the PHE 99.8% upper limit at 200 is about 39.6%.
    FunnelSignificance flag = ProportionFunnel.around(AVERAGE).significance(90, 200);
    assertEquals(FunnelSignificance.HIGH_0001, flag);
    List<FunnelPlot.Unit> units = List.of(unit("High PCN", 90, 200), unit("Middling PCN", 31, 100),
        unit("Small PCN", 3, 12));
    Drawn drawn = Drawn.of(FunnelPlot.draw("test", "t", "d", units, AVERAGE));
    Drawn.Point high = drawn.points.get("High PCN");
    assertTrue(high.cssClass.contains("outlier flag-high"), high.cssClass);
    double curve = drawn.curveAt("limit998 limit-upper", high.x);
    assertTrue(high.y < curve - 5, "point y " + high.y + " is above (smaller y than) the 99.8% curve's " + curve);
    assertTrue(high.y < drawn.curveAt("limit95 limit-upper", high.x), "and above the 95% curve");
  }

  @Test
  void everyPointSitsOnTheSideOfTheDrawnCurvesItsFlagSays() {
    // Units whose flags are computed by the product's funnel (all five labels occur), drawn and read back.
    ProportionFunnel funnel = ProportionFunnel.around(AVERAGE);
    List<FunnelPlot.Unit> units = new ArrayList<>();
    Map<String, FunnelSignificance> flags = new HashMap<>();
    int[] denominators = {15, 40, 75, 120, 260, 480, 900};
    double[] proportions = {0.05, 0.15, 0.22, 0.29, 0.36, 0.44, 0.60};
    for (int d : denominators) {
      for (double p : proportions) {
        long numerator = Math.round(d * p);
        FunnelPlot.Unit unit = unit("PCN " + d + "-" + numerator, numerator, d);
        units.add(unit);
        flags.put(unit.name(), funnel.significance(numerator, d));
      }
    }
    assertEquals(FunnelSignificance.values().length, flags.values().stream().distinct().count(), "every label occurs");
    Drawn drawn = Drawn.of(FunnelPlot.draw("test", "t", "d", units, AVERAGE));
    assertEquals(units.size(), drawn.points.size());
    for (Map.Entry<String, FunnelSignificance> entry : flags.entrySet()) {
      Drawn.Point point = drawn.points.get(entry.getKey());
      double upper998 = drawn.curveAt("limit998 limit-upper", point.x);
      double upper95 = drawn.curveAt("limit95 limit-upper", point.x);
      double lower95 = drawn.curveAt("limit95 limit-lower", point.x);
      double lower998 = drawn.curveAt("limit998 limit-lower", point.x);
      String where = entry.getKey() + " " + entry.getValue().label() + " at y " + point.y;
      switch (entry.getValue()) {
        case HIGH_0001 -> assertTrue(point.y <= upper998 + ROUNDING, where + " vs 99.8% upper " + upper998);
        case HIGH_0025 -> assertTrue(point.y <= upper95 + ROUNDING && point.y >= upper998 - ROUNDING, where);
        case NOT_SIGNIFICANT -> assertTrue(point.y >= upper95 - ROUNDING && point.y <= lower95 + ROUNDING, where);
        case LOW_0025 -> assertTrue(point.y >= lower95 - ROUNDING && point.y <= lower998 + ROUNDING, where);
        case LOW_0001 -> assertTrue(point.y >= lower998 - ROUNDING, where + " vs 99.8% lower " + lower998);
        default -> throw new AssertionError(where);
      }
      assertEquals(entry.getValue().outside998(), point.cssClass.contains(" outlier "), where + ": " + point.cssClass);
    }
  }

  @Test
  void aLabelThatIsNotAPheFlagMarksNoOutlier() {
    assertEquals("mark pcn-point", new FunnelPlot.Unit("c", "n", 10, 0.9, "High").cssClass());
    assertEquals("mark pcn-point", new FunnelPlot.Unit("c", "n", 10, 0.9, null).cssClass());
    assertEquals("mark pcn-point flag-low95", new FunnelPlot.Unit("c", "n", 10, 0.1, "Low (0.025)").cssClass());
  }

  private static FunnelPlot.Unit unit(String name, long numerator, long denominator) {
    String flag = ProportionFunnel.around(AVERAGE).significance(numerator, denominator).label();
    return new FunnelPlot.Unit(name.replace(' ', '-'), name, denominator, (double) numerator / denominator, flag);
  }

  /** The points and the four limit curves of a drawn funnel, in pixels. */
  private record Drawn(Map<String, Point> points, Map<String, List<double[]>> curves) {
    record Point(String cssClass, double x, double y) {}

    static Drawn of(String svg) {
      Map<String, Point> points = new HashMap<>();
      Matcher p = POINT.matcher(svg);
      while (p.find()) {
        points.put(p.group(4), new Point(p.group(1), Double.parseDouble(p.group(2)), Double.parseDouble(p.group(3))));
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
      assertEquals(4, curves.size(), "four limit curves");
      return new Drawn(points, curves);
    }

    /** The curve's y at a vertex with exactly this x: the curve is drawn through every unit's denominator. */
    double curveAt(String curve, double x) {
      for (double[] vertex : curves.get(curve)) {
        if (vertex[0] == x) {
          return vertex[1];
        }
      }
      throw new AssertionError("The " + curve + " curve has no vertex at x " + x + ": " + curves.get(curve).size()
          + " vertices");
    }
  }
}
