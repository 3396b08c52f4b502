package uk.pophealth.report;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import uk.pophealth.report.Svg.Anchor;

/** A time axis in whole months: positions months on a linear scale and labels a readable subset. */
final class MonthAxis {
  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

  private final YearMonth first;
  private final LinearScale scale;

  private MonthAxis(YearMonth first, LinearScale scale) {
    this.first = first;
    this.scale = scale;
  }

  static MonthAxis over(Collection<YearMonth> months, Frame frame) {
    YearMonth first = months.stream().min(YearMonth::compareTo).orElse(YearMonth.of(2000, 1));
    YearMonth last = months.stream().max(YearMonth::compareTo).orElse(first);
    double span = Math.max(1, index(first, last));
    return new MonthAxis(first, new LinearScale(0, span, frame.left(), frame.right()));
  }

  double map(YearMonth month) {
    return scale.map(index(first, month));
  }

  void draw(Svg svg, Frame frame, int maxLabels) {
    svg.line(frame.left(), frame.bottom(), frame.right(), frame.bottom(), "axis");
    int span = (int) Math.round(scale.domainMax());
    int step = 1;
    for (int candidate : new int[] {1, 2, 3, 6, 12, 24, 36, 60}) {
      step = candidate;
      if (span / candidate + 1 <= maxLabels) {
        break;
      }
    }
    for (int i = 0; i <= span; i += step) {
      double px = scale.map(i);
      svg.line(px, frame.bottom(), px, frame.bottom() + 4, "axis");
      svg.text(px, frame.bottom() + 16, LABEL.format(first.plusMonths(i)), "tick-label", Anchor.MIDDLE);
    }
  }

  private static long index(YearMonth first, YearMonth month) {
    return (month.getYear() - first.getYear()) * 12L + month.getMonthValue() - first.getMonthValue();
  }
}
