package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.publish.KilledWriteTest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.testing.SharedSpark;

class TableWriterTest {
  private static final String JAN = "2024-01-31";
  private static final String FEB = "2024-02-29";

  @TempDir
  Path out;

  private final SparkSession spark = SharedSpark.spark();

  private TableWriter writer() {
    return new TableWriter(spark, out.toUri().toString());
  }

  private Path tableDir() {
    return out.resolve(TestTable.TABLE.name());
  }

  @Test
  void replacesOnlyThePeriodsItWrites() throws IOException {
    Dataset<Row> v1 = TestTable.rows(spark, 1, List.of(JAN, FEB), 30, false);
    WrittenTable first = writer().write(TestTable.TABLE, v1);
    assertEquals(60, first.rows());
    assertEquals(Map.of(JAN, 30L, FEB, 30L), first.rowsByPartition());
    Path febFile = onlyFile(tableDir().resolve("period_end=" + FEB));
    long febModified = Files.getLastModifiedTime(febFile).toMillis();

    Dataset<Row> v2 = TestTable.rows(spark, 2, List.of(JAN), 40, false);
    WrittenTable second = writer().write(TestTable.TABLE, v2);

    assertEquals(Map.of(JAN, 40L), second.rowsByPartition());
    Dataset<Row> expected = v2.union(v1.filter(functions.col(TestTable.PERIOD_END).equalTo(Date.valueOf(FEB))));
    SharedSpark.frames().assertDataFrameNoOrderEquals(TestTable.declared(expected), read(spark, tableDir()));
    assertEquals(febFile, onlyFile(tableDir().resolve("period_end=" + FEB)));
    assertEquals(febModified, Files.getLastModifiedTime(febFile).toMillis(), "February was rewritten");
    assertEquals("part-00000.snappy.parquet", onlyFile(tableDir().resolve("period_end=" + JAN)).getFileName().toString());
    assertEquals(List.of("period_end=" + JAN, "period_end=" + FEB).stream().sorted().toList(), visible(tableDir()));
    assertFalse(Files.exists(out.resolve(TableWriter.STAGING_DIR)));
  }

  @Test
  void writesRowsSortedByKeyWithinAPartition() {
    writer().write(TestTable.TABLE, TestTable.rows(spark, 1, List.of(JAN), 50, false));
    List<Row> rows = spark.read().parquet(tableDir().resolve("period_end=" + JAN).toString()).collectAsList();
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).getString(0).compareTo(rows.get(i).getString(0)) < 0, "unsorted at row " + i);
    }
  }

  @Test
  void schemaMismatchFailsWithExpectedAndActual() {
    Dataset<Row> wrong = TestTable.rows(spark, 1, List.of(JAN), 3, false)
        .withColumn(TestTable.N, functions.col(TestTable.N).cast("int"))
        .drop(TestTable.SUPPRESSED);
    PopHealthException e = assertThrows(PopHealthException.class, () -> writer().write(TestTable.TABLE, wrong));
    assertEquals("Cannot publish test_counts: schema differs from the declared one (n is int, expected bigint; "
        + "missing suppressed boolean at position 5)" + System.lineSeparator()
        + " expected: period_end date, code string, n bigint, share double, suppressed boolean" + System.lineSeparator()
        + " actual:   period_end date, code string, n int, share double", e.getMessage());
    assertFalse(Files.exists(tableDir()));
  }

  @Test
  void nullsInADeclaredNonNullColumnFailBeforeTheCommit() throws IOException {
    writer().write(TestTable.TABLE, TestTable.rows(spark, 1, List.of(JAN), 10, false));
    Path janFile = onlyFile(tableDir().resolve("period_end=" + JAN));
    Dataset<Row> nulls = TestTable.rows(spark, 2, List.of(JAN), 10, false)
        .withColumn(TestTable.CODE, functions.lit(null).cast("string"));
    PopHealthException e = assertThrows(PopHealthException.class, () -> writer().write(TestTable.TABLE, nulls));
    assertEquals("Cannot publish test_counts: declared non-null columns hold nulls ({code=10})", e.getMessage());
    assertTrue(Files.exists(janFile), "the previous partition was replaced by a failed write");
    assertEquals(10, read(spark, tableDir()).filter(functions.col(TestTable.CODE).isNotNull()).count());
  }

  /**
   * The publish staging folder is owner-only from before the write (issue 24); the published files keep the modes
   * they were written with, for their readers. A failed check leaves the staged files to look at.
   */
  @Test
  void stagingIsOwnerOnlyAndThePublishedTableIsNot() throws IOException {
    writer().write(TestTable.TABLE, TestTable.rows(spark, 1, List.of(JAN), 10, false));
    Path janFile = onlyFile(tableDir().resolve("period_end=" + JAN));
    assertFalse(PosixFilePermissions.toString(Files.getPosixFilePermissions(janFile)).equals("rw-------"),
        "a published file made owner-only");
    Dataset<Row> nulls = TestTable.rows(spark, 2, List.of(FEB), 10, false)
        .withColumn(TestTable.CODE, functions.lit(null).cast("string"));
    assertThrows(PopHealthException.class, () -> writer().write(TestTable.TABLE, nulls));
    Path staging = out.resolve(TableWriter.STAGING_DIR);
    assertTrue(Files.isDirectory(staging), "the failed write's staging");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(staging)));
  }

  @Test
  void restoresAPartitionLeftAsideAndDeletesStaleStaging() throws IOException {
    writer().write(TestTable.TABLE, TestTable.rows(spark, 1, List.of(JAN), 10, false));
    // A run killed between its two renames: January moved into trash, nothing in its place; and its staging.
    Path trash = Files.createDirectories(tableDir().resolve(TableWriter.TRASH_PREFIX + "killed"));
    Files.move(tableDir().resolve("period_end=" + JAN), trash.resolve("period_end=" + JAN));
    Path staleStaging = Files.createDirectories(
        out.resolve(TableWriter.STAGING_DIR).resolve(TestTable.TABLE.name() + "-0d9c6a41-4a8e-4bde-9df3-1bc3e2f0c111"));
    Files.writeString(staleStaging.resolve("part-0.parquet"), "partial");

    writer().write(TestTable.TABLE, TestTable.rows(spark, 1, List.of(FEB), 10, false));

    assertEquals(List.of("period_end=" + JAN, "period_end=" + FEB).stream().sorted().toList(), visible(tableDir()));
    assertFalse(Files.exists(trash));
    assertFalse(Files.exists(staleStaging));
    assertEquals(20, read(spark, tableDir()).count());
  }

  @Test
  void aTableWithoutPartitionIsReplacedWhole() throws IOException {
    var unpartitioned = uk.pophealth.schema.OutputTable.builder(TestTable.TABLE.table())
        .key(TestTable.PERIOD_END, TestTable.CODE).counts(TestTable.N).suppressedFlag(TestTable.SUPPRESSED).build();
    writer().write(unpartitioned, TestTable.rows(spark, 1, List.of(JAN, FEB), 10, false));
    WrittenTable second = writer().write(unpartitioned, TestTable.rows(spark, 2, List.of(FEB), 5, false));
    assertEquals(Map.of("", 5L), second.rowsByPartition());
    assertEquals(List.of("part-00000.snappy.parquet"), visible(tableDir()));
    assertEquals(5, spark.read().parquet(tableDir().toString()).count());
  }

  private static Path onlyFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> data = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
      assertEquals(1, data.size(), "one file per partition: " + data);
      return data.get(0);
    }
  }

  private static List<String> visible(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(".") && !n.startsWith("_")).sorted().toList();
    }
  }
}
