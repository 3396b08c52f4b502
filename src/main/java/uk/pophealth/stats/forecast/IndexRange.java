package uk.pophealth.stats.forecast;

import java.io.Serializable;

/**
 * A run of positions in a series, {@code from} inclusive to {@code to} exclusive (0 is the first month).
 *
 * @param from first position in the range
 * @param to   one past the last position
 */
public record IndexRange(int from, int to) implements Serializable {
  public IndexRange {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          String.format("Cannot make an index range: need 0 <= from <= to (from=%d, to=%d)", from, to));
    }
  }

  boolean contains(int index) {
    return index >= from && index < to;
  }
}
