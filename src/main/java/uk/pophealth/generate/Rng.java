package uk.pophealth.generate;

import java.util.SplittableRandom;

/**
 * Deterministic random streams. Every person has independent streams per component (core demography, GP events,
 * social care, referrals, bad rows of each table) seeded from (seed, person index, component), so output does not
 * depend on partitioning or timing, and changing the bad-row share never changes the good rows.
 */
final class Rng {
  static final long CORE = 0x11L;
  static final long EVENTS = 0x22L;
  static final long SOCIAL_CARE = 0x33L;
  static final long REFERRALS = 0x44L;
  static final long BAD_ROWS = 0x55L;
  static final long GEOGRAPHY = 0x66L;
  static final long PLANTED = 0x77L;

  private Rng() {}

  static SplittableRandom stream(long seed, long index, long component) {
    return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * component) + index));
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Poisson draw by inversion (fine for the small means used here). */
  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      count++;
    }
    return count;
  }

  /** Uniform integer in [from, to] (inclusive); {@code from} when the range is empty. */
  static int between(SplittableRandom rng, int from, int to) {
    return to <= from ? from : from + rng.nextInt(to - from + 1);
  }

  /** Index chosen by cumulative weights (ascending, last = total). */
  static int pick(SplittableRandom rng, double[] cumulative) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  static double[] cumulative(double... weights) {
    double[] out = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      out[i] = total;
    }
    return out;
  }
}
