package uk.pophealth.stats;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * The quantile assigned to one area within its group; empty when its group has fewer areas than quantiles.
 *
 * @param areaCode the area
 * @param groupCode the group it was ranked within
 * @param quantile 1 = most deprived, or empty
 */
public record AreaQuantile(String areaCode, String groupCode, OptionalInt quantile) {
  public AreaQuantile {
    requireNonNull(areaCode, "areaCode is null");
    requireNonNull(groupCode, "groupCode is null");
    requireNonNull(quantile, "quantile is null");
  }
}
