package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.testing.LogCapture;

class OutputLockTest {
  @TempDir
  Path out;

  private final Configuration conf = new Configuration();

  @Test
  void aSecondRunFailsFastWhileTheFirstHoldsTheLock() {
    try (OutputLock first = OutputLock.acquire(conf, out.toString(), "run-1")) {
      PopHealthException e = assertThrows(PopHealthException.class,
          () -> OutputLock.acquire(conf, out.toString(), "run-2"));
      assertTrue(e.getMessage().startsWith("Cannot publish to " + out + ": another run holds the lock (run run-1 on host "),
          e.getMessage());
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
    }
    assertFalse(Files.exists(out.resolve(OutputLock.FILE_NAME)), "lock not released");
    OutputLock.acquire(conf, out.toString(), "run-2").close();
  }

  /** Runs started by the same scheduler tick race for the lock: exactly one may win, every round. */
  @Test
  void runsStartingTogetherNeverBothTakeTheLock() throws Exception {
    int racers = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
    try {
      for (int round = 0; round < 50; round++) {
        Path root = out.resolve("round-" + round);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.List<java.util.concurrent.Future<OutputLock>> attempts = new java.util.ArrayList<>();
        for (int r = 0; r < racers; r++) {
          String runId = "run-" + round + "-" + r;
          attempts.add(pool.submit(() -> {
            start.await();
            try {
              return OutputLock.acquire(conf, root.toString(), runId);
            } catch (PopHealthException e) {
              return null;
            }
          }));
        }
        java.util.List<OutputLock> won = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<OutputLock> attempt : attempts) {
          OutputLock lock = attempt.get();
          if (lock != null) {
            won.add(lock);
          }
        }
        assertEquals(1, won.size(), "winners in round " + round);
        won.forEach(OutputLock::close);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLockWhoseProcessIsGoneIsBroken() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writeLock("dead-run", InetAddress.getLocalHost().getHostName(), gone.pid(), Instant.now());
    try (OutputLock lock = OutputLock.acquire(conf, out.toString(), "next")) {
      assertTrue(Files.readString(out.resolve(OutputLock.FILE_NAME)).contains("run_id=next"));
    }
  }

  @Test
  void aLockFromAnotherHostIsBrokenOnlyWhenOlderThanTheStaleTime() throws Exception {
    writeLock("remote-run", "another-host", 1, Instant.now().minus(Duration.ofMinutes(30)));
    assertThrows(PopHealthException.class, () -> OutputLock.acquire(conf, out.toString(), "next", Duration.ofHours(1)));
    try (OutputLock lock = OutputLock.acquire(conf, out.toString(), "next", Duration.ofMinutes(10))) {
      assertTrue(Files.readString(out.resolve(OutputLock.FILE_NAME)).contains("run_id=next"));
    }
    assertEquals(0, Files.list(out).filter(p -> p.getFileName().toString().startsWith(OutputLock.FILE_NAME)).count());
  }

  /** A run that died on a full disk while taking the lock left it empty: broken at once, with a WARN saying so. */
  @Test
  void aZeroByteLockIsBrokenAtOnceWithAWarning() throws Exception {
    Files.write(out.resolve(OutputLock.FILE_NAME), new byte[0]);
    try (LogCapture log = LogCapture.open(); OutputLock lock = OutputLock.acquire(conf, out.toString(), "next")) {
      assertTrue(Files.readString(out.resolve(OutputLock.FILE_NAME)).contains("run_id=next"));
      assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("WARN ") && line.contains("breaking stale lock")
          && line.contains("the lock file is empty")), String.join("\n", log.lines()));
    }
  }

  @Test
  void anUnreadableLockIsBrokenAtOnce() throws Exception {
    Files.write(out.resolve(OutputLock.FILE_NAME), new byte[] {(byte) 0xff, '\\', 'u', 'z', 'z', '\n'});
    try (LogCapture log = LogCapture.open(); OutputLock lock = OutputLock.acquire(conf, out.toString(), "next")) {
      assertTrue(Files.readString(out.resolve(OutputLock.FILE_NAME)).contains("run_id=next"));
      assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("WARN ")
          && line.contains("names no run, host and pid")), String.join("\n", log.lines()));
    }
  }

  @Test
  void aDeadPidLockIsBrokenWithAWarningNamingThePid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writeLock("dead-run", InetAddress.getLocalHost().getHostName(), gone.pid(), Instant.now());
    try (LogCapture log = LogCapture.open(); OutputLock lock = OutputLock.acquire(conf, out.toString(), "next")) {
      assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("WARN ") && line.contains("dead-run")
          && line.contains("its process " + gone.pid() + " on this host is gone")), String.join("\n", log.lines()));
    }
  }

  /**
   * A full disk while taking the lock (the lock's temporary file is /dev/full here): Hadoop's FSError becomes a
   * failure naming the cause (one ERROR line, exit 1), and no empty lock is left to block the next run.
   */
  @Test
  void aFullDiskWhileTakingTheLockIsAnErrorAndLeavesNoLock() throws Exception {
    Path devFull = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devFull), "needs /dev/full");
    Files.createSymbolicLink(out.resolve("." + OutputLock.FILE_NAME + ".full-run.tmp"), devFull);
    PopHealthException e = assertThrows(PopHealthException.class,
        () -> OutputLock.acquire(conf, out.toString(), "full-run"));
    assertEquals(uk.pophealth.core.ErrorCategory.FAILURE, e.category());
    assertTrue(e.getMessage().startsWith("Cannot lock output: ") && e.getMessage().contains("No space left on device"),
        e.getMessage());
    assertFalse(Files.exists(out.resolve(OutputLock.FILE_NAME)), "a lock was left");
    OutputLock.acquire(conf, out.toString(), "next").close();
  }

  private void writeLock(String runId, String host, long pid, Instant acquired) throws Exception {
    Files.writeString(out.resolve(OutputLock.FILE_NAME),
        "run_id=" + runId + "\nhost=" + host + "\npid=" + pid + "\nacquired=" + acquired + "\n");
  }
}
