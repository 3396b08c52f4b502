package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

/** A value in force over a span of days. A null value marks a gap: nothing is in force over the span. */
record Dated<V>(DateSpan span, V value) {
  Dated {
    requireNonNull(span, "span is null");
  }

  boolean isGap() {
    return value == null;
  }
}
