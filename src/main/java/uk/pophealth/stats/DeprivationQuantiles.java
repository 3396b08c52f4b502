package uk.pophealth.stats;

import static java.util.Objects.requireNonNull;
import static uk.pophealth.core.PopHealthException.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Deprivation quantiles (deciles, quintiles, ...) of small areas, quantile 1 = most deprived.
 *
 * <p>{@link #assign} is PHEindicatormethods {@code phe_quantile}, the method of the OHID technical guide "Assigning
 * Deprivation Categories": values are ranked with ties sharing the lowest rank ({@code ties.method = "min"}), the
 * N ranked areas are cut with
 * <pre>
 *   quantile = floor((q + 1) - ceiling(((N + 1) - rank) / (N / q))),  0 becoming 1
 * </pre>
 * and a group with fewer areas than quantiles gets none (R: NA). Missing values (NaN) get no quantile and do not
 * count in N. Because tied areas share a rank, equal areas always land in the same quantile; the guide advises a
 * manual look where many tie across a boundary.
 *
 * <p>{@link #fromRanks} applies that method to published ranks (1 = most deprived): national quantiles from all
 * ranks of the country, or "local" quantiles from the ranks of the areas of one place, re-ranked within it
 * ({@link #withinGroups}). The formula counts its fractional group boundaries from the least deprived end, so on the
 * 32,844 LSOAs of IMD 2019 it puts the first area of 8 of the published 10 decile boundaries one decile more
 * deprived than MHCLG does. {@link #asPublished} reproduces MHCLG's published national deciles exactly:
 * quantile = ceiling(rank * q / N). Use the published decile (or {@code asPublished}) for national IMD deciles,
 * and {@code phe_quantile} where an analysis must match Fingertips.
 */
public final class DeprivationQuantiles {
  /** The value in an {@code int[]} result for an area that gets no quantile. */
  public static final int NO_QUANTILE = 0;

  private DeprivationQuantiles() {}

  /**
   * {@code phe_quantile(values, nquantiles, invert)}: with {@code highestIsFirst} (R's default invert = TRUE, e.g.
   * IMD scores) the highest value gets quantile 1; otherwise the lowest (e.g. IMD ranks).
   */
  public static int[] assign(double[] values, int quantiles, boolean highestIsFirst) {
    requireNonNull(values, "values is null");
    checkArgument(quantiles >= 1, "Cannot assign quantiles: the number of quantiles must be at least 1 (%s)", quantiles);
    int[] result = new int[values.length];
    int present = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      checkArgument(!Double.isInfinite(value), "Cannot assign quantiles: values must be finite or NaN (%s)", value);
      if (!Double.isNaN(value)) {
        present++;
        max = Math.max(max, value);
      }
    }
    if (present < quantiles) {
      return result;
    }
    double[] adjusted = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      adjusted[i] = highestIsFirst ? max - values[i] : values[i];
    }
    double[] sorted = presentSorted(adjusted, present);
    double width = (double) present / quantiles;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(adjusted[i])) {
        continue;
      }
      long rank = minRank(sorted, adjusted[i]);
      double quantile = Math.floor((quantiles + 1) - Math.ceil(((present + 1) - rank) / width));
      result[i] = quantile == 0 ? 1 : (int) quantile;
    }
    return result;
  }

  /** phe_quantile on ranks where 1 = most deprived (invert = FALSE): quantile 1 holds the lowest ranks. */
  public static int[] fromRanks(double[] ranks, int quantiles) {
    return assign(ranks, quantiles, false);
  }

  /**
   * MHCLG's convention for the published IoD deciles: quantile = ceiling(rank * q / N), rank 1 = most deprived,
   * N = the number of areas ranked (32,844 LSOAs for IMD 2019).
   */
  public static int asPublished(long rank, int quantiles, long areasRanked) {
    checkArgument(quantiles >= 1, "Cannot assign quantile: the number of quantiles must be at least 1 (%s)", quantiles);
    checkArgument(rank >= 1 && rank <= areasRanked,
        "Cannot assign quantile: rank must be between 1 and the %s areas ranked (%s)", areasRanked, rank);
    return (int) ((rank * quantiles + areasRanked - 1) / areasRanked);
  }

  /**
   * Quantiles within each group (e.g. "local" deciles of the LSOAs of each place, or national ones with a single
   * group), by {@link #fromRanks} on the areas' ranks within their group. Areas come back in input order; an area
   * of a group smaller than {@code quantiles} gets an empty quantile, never vanishes.
   */
  public static List<AreaQuantile> withinGroups(List<RankedArea> areas, int quantiles) {
    requireNonNull(areas, "areas is null");
    Map<String, List<Integer>> positionsByGroup = new LinkedHashMap<>();
    for (int i = 0; i < areas.size(); i++) {
      positionsByGroup.computeIfAbsent(areas.get(i).groupCode(), group -> new ArrayList<>()).add(i);
    }
    OptionalInt[] assigned = new OptionalInt[areas.size()];
    for (List<Integer> positions : positionsByGroup.values()) {
      double[] ranks = new double[positions.size()];
      for (int i = 0; i < ranks.length; i++) {
        ranks[i] = areas.get(positions.get(i)).rank();
      }
      int[] groupQuantiles = fromRanks(ranks, quantiles);
      for (int i = 0; i < ranks.length; i++) {
        assigned[positions.get(i)] =
            groupQuantiles[i] == NO_QUANTILE ? OptionalInt.empty() : OptionalInt.of(groupQuantiles[i]);
      }
    }
    List<AreaQuantile> result = new ArrayList<>(areas.size());
    for (int i = 0; i < areas.size(); i++) {
      RankedArea area = areas.get(i);
      result.add(new AreaQuantile(area.areaCode(), area.groupCode(), assigned[i]));
    }
    return List.copyOf(result);
  }

  private static double[] presentSorted(double[] values, int present) {
    double[] sorted = new double[present];
    int next = 0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        sorted[next++] = value;
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }

  /** 1 + the number of values strictly below {@code value}: R's rank with ties.method = "min". */
  private static long minRank(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low + 1L;
  }
}
