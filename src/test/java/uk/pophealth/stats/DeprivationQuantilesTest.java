package uk.pophealth.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.CsvRows;
import uk.pophealth.testing.RefData;

class DeprivationQuantilesTest {
  @Test
  void evenSplitOfRanks() {
    assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5},
        DeprivationQuantiles.fromRanks(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5));
  }

  @Test
  void unevenSplitPutsTheLargerGroupAtTheMostDeprivedEndUnlikeThePublishedConvention() {
    // N = 7, q = 3, width 7/3: phe_quantile counts boundaries from the least deprived end
    assertArrayEquals(new int[] {1, 1, 1, 2, 2, 3, 3},
        DeprivationQuantiles.fromRanks(new double[] {1, 2, 3, 4, 5, 6, 7}, 3));
    // MHCLG: ceiling(rank x 3 / 7)
    int[] published = new int[7];
    for (int rank = 1; rank <= 7; rank++) {
      published[rank - 1] = DeprivationQuantiles.asPublished(rank, 3, 7);
    }
    assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 3}, published);
  }

  @Test
  void tiedAreasShareTheLowestRankAndSoOneQuantileEvenAcrossABoundary() {
    // min ranks 1, 2, 2, 2, 5, 6: the three tied areas all join quantile 1 and quantile 2 is left empty
    assertArrayEquals(new int[] {1, 1, 1, 1, 3, 3},
        DeprivationQuantiles.fromRanks(new double[] {1, 2, 2, 2, 5, 6}, 3));
  }

  @Test
  void scoresWithHighestFirstAndMissingValues() {
    assertArrayEquals(new int[] {3, 1, 2, DeprivationQuantiles.NO_QUANTILE},
        DeprivationQuantiles.assign(new double[] {10, 30, 20, Double.NaN}, 3, true));
  }

  @Test
  void fewerAreasThanQuantilesGetNone() {
    assertArrayEquals(new int[] {0, 0, 0, 0}, DeprivationQuantiles.fromRanks(new double[] {1, 2, 3, 4}, 5));
  }

  @Test
  void localQuantilesAreAssignedWithinEachGroupInInputOrder() {
    List<RankedArea> areas = List.of(
        new RankedArea("A1", "placeA", 9000), new RankedArea("B1", "placeB", 7),
        new RankedArea("A2", "placeA", 5), new RankedArea("A3", "placeA", 300),
        new RankedArea("B2", "placeB", 30000), new RankedArea("A4", "placeA", 2000),
        new RankedArea("A5", "placeA", 100));
    List<AreaQuantile> result = DeprivationQuantiles.withinGroups(areas, 5);
    assertEquals(List.of(
        new AreaQuantile("A1", "placeA", OptionalInt.of(5)), new AreaQuantile("B1", "placeB", OptionalInt.empty()),
        new AreaQuantile("A2", "placeA", OptionalInt.of(1)), new AreaQuantile("A3", "placeA", OptionalInt.of(3)),
        new AreaQuantile("B2", "placeB", OptionalInt.empty()), new AreaQuantile("A4", "placeA", OptionalInt.of(4)),
        new AreaQuantile("A5", "placeA", OptionalInt.of(2))), result);
  }

  @Test
  void imd2019RanksGiveThePublishedDecilesExceptAtEightBoundaries() throws Exception {
    List<Map<String, String>> rows = CsvRows.read(RefData.require("imd2019_lsoa11/imd2019_england_lsoa11.csv"));
    assertEquals(32_844, rows.size());
    double[] ranks = rows.stream().mapToDouble(row -> Double.parseDouble(row.get("IMD_rank"))).toArray();
    int[] published = rows.stream().mapToInt(row -> Integer.parseInt(row.get("IMD_decile"))).toArray();

    int[] phe = DeprivationQuantiles.fromRanks(ranks, 10);
    List<Long> mismatchedRanks = new ArrayList<>();
    for (int i = 0; i < ranks.length; i++) {
      if (phe[i] != published[i]) {
        assertEquals(published[i] - 1, phe[i], "rank " + ranks[i]);
        mismatchedRanks.add((long) ranks[i]);
      }
      assertEquals(published[i], DeprivationQuantiles.asPublished((long) ranks[i], 10, ranks.length),
          "published convention, rank " + ranks[i]);
    }
    // the first rank of each published decile whose lower boundary k x 3284.4 is fractional (k = 1..9, not 5)
    mismatchedRanks.sort(null);
    assertEquals(List.of(3285L, 6569L, 9854L, 13138L, 19707L, 22991L, 26276L, 29560L), mismatchedRanks);
  }

  @Test
  void badArgumentsAreRejected() {
    assertEquals("Cannot assign quantiles: the number of quantiles must be at least 1 (0)",
        assertThrows(IllegalArgumentException.class,
            () -> DeprivationQuantiles.fromRanks(new double[] {1}, 0)).getMessage());
    assertEquals("Cannot assign quantile: rank must be between 1 and the 10 areas ranked (11)",
        assertThrows(IllegalArgumentException.class, () -> DeprivationQuantiles.asPublished(11, 5, 10)).getMessage());
  }
}
