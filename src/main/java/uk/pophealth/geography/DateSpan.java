package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A closed interval of days [from, to]. An open-ended interval (empty effective_to) has {@code to == OPEN}, a
 * sentinel far beyond any real date, so that every comparison stays a plain date comparison.
 */
record DateSpan(LocalDate from, LocalDate to) {
  static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

  DateSpan {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Cannot make a date span: it ends before it starts (" + from + ".." + to + ")");
    }
  }

  /** A span from an effective_from and a nullable (open-ended) effective_to. */
  static DateSpan of(LocalDate from, LocalDate toOrNull) {
    return new DateSpan(from, toOrNull == null ? OPEN : toOrNull);
  }

  boolean isOpen() {
    return to.equals(OPEN);
  }

  /** The last day, or null when open-ended: the way it is written to a Dataset. */
  LocalDate toOrNull() {
    return isOpen() ? null : to;
  }

  boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }

  boolean covers(DateSpan other) {
    return !other.from.isBefore(from) && !other.to.isAfter(to);
  }

  boolean overlaps(DateSpan other) {
    return !other.to.isBefore(from) && !other.from.isAfter(to);
  }

  /** The days both spans share, or null when they share none. */
  DateSpan intersect(DateSpan other) {
    if (!overlaps(other)) {
      return null;
    }
    LocalDate start = from.isAfter(other.from) ? from : other.from;
    LocalDate end = to.isBefore(other.to) ? to : other.to;
    return new DateSpan(start, end);
  }

  /** The smallest span holding every entry's span, or null when there are none: the period a table covers. */
  static DateSpan hull(java.util.Collection<? extends java.util.List<? extends Dated<?>>> entries) {
    LocalDate start = null;
    LocalDate end = null;
    for (java.util.List<? extends Dated<?>> list : entries) {
      for (Dated<?> entry : list) {
        start = start == null || entry.span().from().isBefore(start) ? entry.span().from() : start;
        end = end == null || entry.span().to().isAfter(end) ? entry.span().to() : end;
      }
    }
    return start == null ? null : new DateSpan(start, end);
  }

  /** The day after this span, for adjacency checks and breakpoints. */
  LocalDate dayAfter() {
    return to.plusDays(1);
  }

  @Override
  public String toString() {
    return from + ".." + (isOpen() ? "open" : to.toString());
  }
}
