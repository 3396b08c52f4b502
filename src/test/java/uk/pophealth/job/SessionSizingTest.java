package uk.pophealth.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Shuffle partitions from the input size: hand-worked at the sample's, 10M people's and 60M people's sizes. */
class SessionSizingTest {
  private static final long MIB = 1L << 20;

  @Test
  void smallInputsKeepTheFloorOfEightOrTwiceTheCores() {
    assertEquals(8, SessionSizing.partitionsFor(5 * MIB, 2)); // the bundled sample
    assertEquals(8, SessionSizing.partitionsFor(0, 2));
    assertEquals(64, SessionSizing.partitionsFor(5 * MIB, 32)); // a cluster: twice its cores
  }

  @Test
  void largeInputsGetOnePartitionPerEightMebibytes() {
    assertEquals(28, SessionSizing.partitionsFor(223 * MIB, 2)); // 10M people: 223 MiB -> 27.9 -> 28
    assertEquals(192, SessionSizing.partitionsFor(1536 * MIB, 2)); // 60M people: 1.5 GiB
    assertEquals(193, SessionSizing.partitionsFor(1536 * MIB + 1, 2)); // a byte over rounds up
    assertEquals(2000, SessionSizing.partitionsFor(1L << 40, 2)); // 1 TiB: the ceiling
  }
}
