package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * One area of one level in one month, e.g. (place, ZP003, 2022-03).
 *
 * @param level {@link #PLACE} or {@link #ICS}
 * @param code the area's code; null for facts the footprint does not place
 * @param month the month
 */
public record AreaMonth(String level, String code, YearMonth month) {
  public static final String PLACE = "place";
  public static final String ICS = "ics";

  public AreaMonth {
    requireNonNull(level, "level is null");
    requireNonNull(month, "month is null");
  }
}
