package uk.pophealth.report;

import java.util.function.DoubleFunction;
import uk.pophealth.report.Svg.Anchor;

/** Draws numeric axes with gridlines, tick labels and axis titles around a frame. */
final class Axes {
  private static final int TICKS = 5;

  private Axes() {}

  static void bottom(Svg svg, Frame frame, LinearScale x, String title, DoubleFunction<String> format) {
    svg.line(frame.left(), frame.bottom(), frame.right(), frame.bottom(), "axis");
    for (double tick : x.ticks(TICKS)) {
      double px = x.map(tick);
      svg.line(px, frame.top(), px, frame.bottom(), "grid");
      svg.line(px, frame.bottom(), px, frame.bottom() + 4, "axis");
      svg.text(px, frame.bottom() + 16, format.apply(tick), "tick-label", Anchor.MIDDLE);
    }
    svg.text(frame.left() + frame.width() / 2, frame.bottom() + 34, title, "axis-title", Anchor.MIDDLE);
  }

  static void left(Svg svg, Frame frame, LinearScale y, String title, DoubleFunction<String> format) {
    svg.line(frame.left(), frame.top(), frame.left(), frame.bottom(), "axis");
    for (double tick : y.ticks(TICKS)) {
      double py = y.map(tick);
      svg.line(frame.left(), py, frame.right(), py, "grid");
      svg.line(frame.left() - 4, py, frame.left(), py, "axis");
      svg.text(frame.left() - 7, py + 4, format.apply(tick), "tick-label", Anchor.END);
    }
    svg.verticalText(frame.left() - 46, frame.top() + frame.height() / 2, title, "axis-title");
  }
}
