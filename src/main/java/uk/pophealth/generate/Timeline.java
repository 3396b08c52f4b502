package uk.pophealth.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The generated time frame, in epoch days: {@code months} of monthly history ending with the extract date
 * (31 December 2025), the footprint change of 1 July 2022 (Bassetlaw's move) and the mid-series PCN change.
 */
record Timeline(int months, int windowStartDay, int extractDay, int footprintChangeDay, int footprintStartDay,
    int pcnChangeDay, int[] monthStartDays, int firstCalendarMonth) implements Serializable {

  static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
  static final LocalDate FOOTPRINT_CHANGE = LocalDate.of(2022, 7, 1);
  /** PCNs were established on 1 July 2019; every membership starts then at the latest. */
  static final LocalDate PCN_START = LocalDate.of(2019, 7, 1);
  /** Practices of the synthetic geography belong to their sub-ICB from this date (the 1974 NHS reorganisation). */
  static final LocalDate PRACTICE_START = LocalDate.of(1974, 4, 1);

  static Timeline of(int months) {
    YearMonth first = LAST_MONTH.minusMonths(months - 1L);
    int[] starts = new int[months + 1];
    for (int k = 0; k <= months; k++) {
      starts[k] = (int) first.plusMonths(k).atDay(1).toEpochDay();
    }
    LocalDate windowStart = first.atDay(1);
    LocalDate footprintStart = windowStart.isBefore(LocalDate.of(2022, 1, 1)) ? windowStart : LocalDate.of(2022, 1, 1);
    LocalDate pcnChange = first.plusMonths(months / 2).atDay(1);
    return new Timeline(months, (int) windowStart.toEpochDay(), (int) LAST_MONTH.atEndOfMonth().toEpochDay(),
        (int) FOOTPRINT_CHANGE.toEpochDay(), (int) footprintStart.toEpochDay(), (int) pcnChange.toEpochDay(),
        starts, first.getMonthValue());
  }

  /** First day of month {@code k} (0 = first month of the window); {@code k = months} is the day after the extract. */
  int monthStart(int k) {
    return monthStartDays[k];
  }

  /** Calendar month 1-12 of window month {@code k}. */
  int calendarMonth(int k) {
    return (firstCalendarMonth - 1 + k) % 12 + 1;
  }

  int extractYear() {
    return LocalDate.ofEpochDay(extractDay).getYear();
  }

  YearMonth firstMonth() {
    return YearMonth.from(LocalDate.ofEpochDay(windowStartDay));
  }

  static String iso(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  static int year(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).getYear();
  }
}
