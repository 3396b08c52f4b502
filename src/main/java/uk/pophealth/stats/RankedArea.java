package uk.pophealth.stats;

import static java.util.Objects.requireNonNull;
import static uk.pophealth.core.PopHealthException.checkArgument;

/**
 * A small area with its deprivation rank (1 = most deprived) and the group it is ranked within.
 *
 * @param areaCode e.g. an LSOA code
 * @param groupCode the higher area within which quantiles are assigned (e.g. a place code; one constant for national)
 * @param rank the area's rank, lower = more deprived (a national IMD rank serves for local quantiles too)
 */
public record RankedArea(String areaCode, String groupCode, double rank) {
  public RankedArea {
    requireNonNull(areaCode, "areaCode is null");
    requireNonNull(groupCode, "groupCode is null");
    checkArgument(Double.isFinite(rank), "Cannot rank area %s: rank must be a finite number (%s)", areaCode, rank);
  }
}
