package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.testing.ChildJvm;
import uk.pophealth.testing.SharedSpark;

/**
 * A real process kill during the write: a child JVM starts writing new versions of two periods and is killed
 * with SIGKILL while its staging directory exists. The previous partitions stay readable and intact, no new
 * partition appears, and a re-run (which breaks the dead child's lock) completes with identical data twice.
 */
class KilledWriteTest {
  private static final String JAN = "2024-01-31";
  private static final String FEB = "2024-02-29";
  private static final String MAR = "2024-03-31";
  private static final long CHILD_ROWS = 200_000;

  @TempDir
  Path out;

  @Test
  void killDuringWriteLeavesPreviousPartitionsAndRerunIsIdentical() throws Exception {
    SparkSession spark = SharedSpark.spark();
    String root = out.toUri().toString();
    Path tableDir = out.resolve(TestTable.TABLE.name());
    Dataset<Row> v1 = TestTable.rows(spark, 1, List.of(JAN, FEB), 500, false);
    try (OutputLock lock = OutputLock.acquire(spark.sparkContext().hadoopConfiguration(), root, "first")) {
      new TableWriter(spark, root).write(TestTable.TABLE, v1);
    }
    byte[] janBefore = Files.readAllBytes(onlyFile(tableDir.resolve("period_end=" + JAN)));

    Process child = startChild(root, tableDir);
    try {
      waitForStaging(child, tableDir);
      assertTrue(child.isAlive(), "the child finished before it could be killed: make it slower");
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }

    // The previous good data, exactly, and no partial or new partition.
    SharedSpark.frames().assertDataFrameNoOrderEquals(TestTable.declared(v1), read(spark, tableDir));
    assertArrayEquals(janBefore, Files.readAllBytes(onlyFile(tableDir.resolve("period_end=" + JAN))));
    assertFalse(Files.exists(tableDir.resolve("period_end=" + MAR)), "partial partition visible");
    assertTrue(Files.exists(out.resolve(OutputLock.FILE_NAME)), "the killed child held the lock");

    // Re-run: breaks the dead child's lock, cleans its staging, replaces January, adds March, keeps February.
    Dataset<Row> v2 = TestTable.rows(spark, 2, List.of(JAN, MAR), 2_000, false);
    WrittenTable first;
    try (OutputLock lock = OutputLock.acquire(spark.sparkContext().hadoopConfiguration(), root, "rerun")) {
      first = new TableWriter(spark, root).write(TestTable.TABLE, v2);
    }
    assertEquals(4_000, first.rows());
    Dataset<Row> expected = v2.union(v1.filter(v1.col(TestTable.PERIOD_END).equalTo(java.sql.Date.valueOf(FEB))));
    SharedSpark.frames().assertDataFrameNoOrderEquals(TestTable.declared(expected), read(spark, tableDir));
    byte[] janAfterRerun = Files.readAllBytes(onlyFile(tableDir.resolve("period_end=" + JAN)));
    try (Stream<Path> left = Files.list(tableDir)) {
      assertEquals(List.of("period_end=" + JAN, "period_end=" + FEB, "period_end=" + MAR),
          left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList(),
          "trash left in the table");
    }
    assertFalse(Files.exists(out.resolve(TableWriter.STAGING_DIR)), "staging of the killed run not cleaned up");

    // Running the same periods again yields identical data, byte for byte.
    try (OutputLock lock = OutputLock.acquire(spark.sparkContext().hadoopConfiguration(), root, "again")) {
      new TableWriter(spark, root).write(TestTable.TABLE, TestTable.rows(spark, 2, List.of(JAN, MAR), 2_000, false));
    }
    SharedSpark.frames().assertDataFrameNoOrderEquals(TestTable.declared(expected), read(spark, tableDir));
    assertArrayEquals(janAfterRerun, Files.readAllBytes(onlyFile(tableDir.resolve("period_end=" + JAN))));
  }

  /** The table as published, with the declared nullability (Parquet readers report every column nullable). */
  static Dataset<Row> read(SparkSession spark, Path tableDir) {
    return TestTable.declared(spark.read().schema(TestTable.SCHEMA).parquet(tableDir.toString()));
  }

  private static Path onlyFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> data = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
      assertEquals(1, data.size(), "one file per partition: " + data);
      return data.get(0);
    }
  }

  private static Process startChild(String root, Path tableDir) throws IOException {
    List<String> command = ChildJvm.command("1g", List.of());
    command.add(KilledWriteChild.class.getName());
    command.add(root);
    command.add(Long.toString(CHILD_ROWS));
    command.add(JAN);
    command.add(MAR);
    File log = tableDir.getParent().resolve("child.log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  /** Waits until the child's write has begun: a staging directory exists under the table. */
  private static void waitForStaging(Process child, Path tableDir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline && child.isAlive()) {
      Path staging = tableDir.getParent().resolve(TableWriter.STAGING_DIR);
      try (Stream<Path> children = Files.exists(staging) ? Files.list(staging) : Stream.empty()) {
        if (children.anyMatch(p -> p.getFileName().toString().startsWith(TestTable.TABLE.name() + "-"))) {
          Thread.sleep(1_000);
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the child never started writing; its log: "
        + Files.readString(tableDir.getParent().resolve("child.log")));
  }
}
