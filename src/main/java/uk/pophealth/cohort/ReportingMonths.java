package uk.pophealth.cohort;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import uk.pophealth.core.PopHealthException;

/** The reporting range: every month end from the first to the last month, inclusive. */
public record ReportingMonths(YearMonth first, YearMonth last) {
  public ReportingMonths {
    requireNonNull(first, "first is null");
    requireNonNull(last, "last is null");
    PopHealthException.checkArgument(!first.isAfter(last),
        "Cannot build reporting months: first month is after last (%s > %s)", first, last);
  }

  public static ReportingMonths of(String first, String last) {
    return new ReportingMonths(YearMonth.parse(first), YearMonth.parse(last));
  }

  public LocalDate firstEnd() {
    return first.atEndOfMonth();
  }

  public LocalDate lastEnd() {
    return last.atEndOfMonth();
  }

  public List<LocalDate> monthEnds() {
    List<LocalDate> ends = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      ends.add(m.atEndOfMonth());
    }
    return List.copyOf(ends);
  }

  public int size() {
    return monthEnds().size();
  }
}
