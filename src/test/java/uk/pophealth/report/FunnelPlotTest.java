package uk.pophealth.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  @Test
  void aPointFlaggedHighAt0001LiesAboveTheDrawn998CurveAtItsDenominator() {
    // 90 of 200 (45%) around 30%: the PHE 99.8% upper limit at 200 is about 39.6%.
    FunnelSignificance flag = ProportionFunnel.around(AVERAGE).significance(90, 200);
    assertEquals(FunnelSignificance.HIGH_0001, flag);
    List<FunnelPlot.Unit> units = List.of(unit("High PCN", 90, 200), unit("Middling PCN", 31, 100),
        unit("Small PCN", 3, 12));
    FunnelSvg drawn = FunnelSvg.parse(FunnelPlot.draw("test", "t", "d", units, AVERAGE));
    FunnelSvg.Point high = drawn.point("High PCN");
    assertTrue(high.cssClass().contains("outlier flag-high"), high.cssClass());
    double curve = drawn.curveAt(FunnelSvg.UPPER998, high.x());
    assertTrue(high.y() < curve - 5, "point y " + high.y() + " is above (smaller y than) the 99.8% curve's " + curve);
    assertTrue(high.y() < drawn.curveAt(FunnelSvg.UPPER95, high.x()), "and above the 95% curve");
    assertEquals(List.of(), drawn.misplaced());
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
    FunnelSvg drawn = FunnelSvg.parse(FunnelPlot.draw("test", "t", "d", units, AVERAGE));
    assertEquals(units.size(), drawn.points().size());
    assertEquals(List.of(), drawn.misplaced());
    for (Map.Entry<String, FunnelSignificance> entry : flags.entrySet()) {
      String cssClass = drawn.point(entry.getKey()).cssClass();
      assertEquals(entry.getValue().outside998(), cssClass.contains(" outlier "), entry + ": " + cssClass);
    }
  }

  @Test
  void curvesAroundAnotherAverageWouldMisplaceFlaggedPoints() {
    // The check above can fail: the same flags drawn around a different centre put points on the wrong side.
    List<FunnelPlot.Unit> units = List.of(unit("High PCN", 90, 200), unit("Level PCN", 60, 200));
    assertEquals(2, FunnelSvg.parse(FunnelPlot.draw("test", "t", "d", units, 0.50)).misplaced().size());
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
}
