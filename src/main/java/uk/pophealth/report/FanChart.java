package uk.pophealth.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import uk.pophealth.report.Svg.Point;

/**
 * A forecast fan chart for one series: actuals as a solid line, the forecast as a dashed line inside its
 * 95% and 80% prediction bands, and commissioned capacity as a line where the table gives it.
 */
final class FanChart {
  private static final double WIDTH = 420;
  private static final double HEIGHT = 240;

  /** One month: actual or forecast value with its bands; capacity null where not given. */
  /** One month of a series; suppressed: withheld by disclosure control (its empty figures show as such). */
  record Month(YearMonth month, boolean forecast, Double value, Double lower80, Double upper80, Double lower95,
      Double upper95, Double capacity, boolean suppressed) {}

  private FanChart() {}

  static String draw(String id, String title, String description, List<Month> months, String yTitle) {
    Frame frame = new Frame(66, 12, WIDTH - 66 - 12, HEIGHT - 12 - 30);
    double max = 0;
    List<YearMonth> all = new ArrayList<>();
    for (Month m : months) {
      all.add(m.month());
      for (Double v : new Double[] {m.value(), m.upper95(), m.upper80(), m.capacity()}) {
        if (v != null && Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    LinearScale y = new LinearScale(0, max > 0 ? max * 1.05 : 1, frame.bottom(), frame.top()).nice(4);
    MonthAxis x = MonthAxis.over(all, frame);
    Svg svg = new Svg(id, "fan-chart", WIDTH, HEIGHT, title, description);
    Axes.left(svg, frame, y, yTitle, v -> Html.count(Math.round(v)));
    x.draw(svg, frame, 4);
    List<Month> forecast = months.stream().filter(Month::forecast).toList();
    svg.polygon(band(forecast, x, y, true), "band band95");
    svg.polygon(band(forecast, x, y, false), "band band80");
    svg.polyline(line(months, x, y, false), "mark actual-line", null);
    svg.polyline(line(months, x, y, true), "mark forecast-line", null);
    List<Point> capacity = new ArrayList<>();
    for (Month m : months) {
      if (m.capacity() != null) {
        capacity.add(new Point(x.map(m.month()), y.map(m.capacity())));
      }
    }
    svg.polyline(capacity, "mark capacity-line", null);
    return svg.render();
  }

  private static List<Point> band(List<Month> forecast, MonthAxis x, LinearScale y, boolean wide) {
    List<Point> upper = new ArrayList<>();
    List<Point> lower = new ArrayList<>();
    for (Month m : forecast) {
      Double low = wide ? m.lower95() : m.lower80();
      Double high = wide ? m.upper95() : m.upper80();
      if (low != null && high != null) {
        upper.add(new Point(x.map(m.month()), y.map(high)));
        lower.add(0, new Point(x.map(m.month()), y.map(Math.max(y.domainMin(), low))));
      }
    }
    upper.addAll(lower);
    return upper;
  }

  private static List<Point> line(List<Month> months, MonthAxis x, LinearScale y, boolean forecast) {
    List<Point> points = new ArrayList<>();
    Month lastActual = null;
    for (Month m : months) {
      if (!m.forecast() && m.value() != null) {
        lastActual = m;
      }
      if (m.forecast() == forecast && m.value() != null) {
        points.add(new Point(x.map(m.month()), y.map(m.value())));
      }
    }
    if (forecast && lastActual != null && !points.isEmpty()) {
      // Join the forecast to the last actual so the eye follows one series.
      points.add(0, new Point(x.map(lastActual.month()), y.map(lastActual.value())));
    }
    return points;
  }
}
