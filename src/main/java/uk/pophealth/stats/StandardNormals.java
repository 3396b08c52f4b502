package uk.pophealth.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The stream of standard normal draws of a seeded Well19937c generator, shared by every simulation with the same
 * seed. Each simulation starts a fresh generator from the same seed, so every group of a table would otherwise draw
 * the very same numbers again; drawing them once per seed (per JVM, so once per executor) gives the same draws,
 * bit for bit, at a fraction of the cost: the Gaussian draws are most of a simulation's time.
 *
 * <p>Bounded: streams longer than {@link #MAX_CACHED} draws are not kept (the caller draws them itself), and only
 * the last few seeds are kept.
 */
final class StandardNormals {
  /** Longest stream kept (8 bytes a draw: 32 MB), enough for 100,000 repetitions of up to 40 quantiles. */
  static final int MAX_CACHED = 4_000_000;
  private static final int SEEDS = 4;

  private static final Map<Long, StandardNormals> BY_SEED = new LinkedHashMap<>(SEEDS, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, StandardNormals> eldest) {
      return size() > SEEDS;
    }
  };

  private final RandomGenerator generator;
  private double[] draws = new double[0];

  private StandardNormals(long seed) {
    this.generator = new Well19937c(seed);
  }

  /**
   * The first {@code count} draws of {@code new Well19937c(seed).nextGaussian()}, or null when {@code count} is
   * above {@link #MAX_CACHED}. The array is shared: read it, never write it.
   */
  static double[] first(long seed, long count) {
    if (count > MAX_CACHED) {
      return null;
    }
    StandardNormals stream;
    synchronized (BY_SEED) {
      stream = BY_SEED.computeIfAbsent(seed, StandardNormals::new);
    }
    return stream.atLeast((int) count);
  }

  private synchronized double[] atLeast(int count) {
    if (draws.length < count) {
      double[] longer = Arrays.copyOf(draws, count);
      for (int i = draws.length; i < count; i++) {
        longer[i] = generator.nextGaussian();
      }
      draws = longer;
    }
    return draws;
  }
}
