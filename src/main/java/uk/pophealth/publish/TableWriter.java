package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.core.OwnerOnly;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.OutputTable;

/**
 * Writes an output table as Parquet under {@code <outputRoot>/<table name>/}, partitioned by the table's
 * partition column ({@code <column>=<value>/} directories), atomically per partition, through the Hadoop
 * FileSystem API (so file://, hdfs:// and s3a:// roots all work).
 *
 * <ol>
 *   <li>The Dataset's schema must equal the declared one (names, types, order), else it fails naming both.</li>
 *   <li>Data is written to {@code <outputRoot>/_staging/<table>-<id>/} on the same filesystem: one task and one
 *       file per partition, rows sorted by the table's key, so the same input gives the same data in the same
 *       order; files are then named {@code part-00000.<codec>.parquet}. Readers of a table never see it, and nobody
 *       else can: {@code _staging} is made 0700 before the write ({@link OwnerOnly}). The staged files keep the
 *       modes they were written with, since they are renamed into the published table.</li>
 *   <li>The staged files are read back: rows per partition are counted and declared non-null columns are
 *       checked; a failure here, or no rows at all, leaves the published table untouched.</li>
 *   <li>Commit, per partition: the old directory is renamed into {@code _trash-<id>/}, the staged one renamed
 *       into place, and the trash deleted at the end. Readers see the old partition or the new one, never a
 *       partial one. Partitions not in the Dataset are not touched: a re-run of one period replaces only it.</li>
 *   <li>Recovery, at the start of every write to the table: a partition left in a {@code _trash-*} directory
 *       without a replacement in place (a run killed between its two renames) is renamed back; remaining
 *       {@code _trash-*} directories and the table's staging directories of killed runs are deleted.</li>
 * </ol>
 * On an object store without atomic directory rename (plain S3 through s3a) each rename is a copy, so the
 * partition swap is not atomic there; use a committer-backed or HDFS location for scheduled runs.
 *
 * <p>The caller must hold the output's {@link OutputLock} for the whole run: recovery deletes staging
 * directories, which would break a concurrent run.
 */
public final class TableWriter {
  /** Directory under the output root holding staged writes (hidden from readers of any table). */
  static final String STAGING_DIR = "_staging";
  static final String TRASH_PREFIX = "_trash-";
  private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);
  private static final String ROWS = "__rows";
  private static final String UUID_PATTERN = "-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String NULLS = "__nulls_";

  private final SparkSession spark;
  private final Path outputRoot;
  /** The run writing, recorded in each table ({@link TableRuns}) before its commit; null records none. */
  private final String runId;

  public TableWriter(SparkSession spark, String outputRoot) {
    this(spark, outputRoot, null);
  }

  public TableWriter(SparkSession spark, String outputRoot, String runId) {
    this.spark = requireNonNull(spark, "spark is null");
    this.outputRoot = new Path(requireNonNull(outputRoot, "outputRoot is null"));
    this.runId = runId;
  }

  /** The directory a table is written to. */
  public String location(OutputTable table) {
    return new Path(outputRoot, table.name()).toString();
  }

  /** Writes {@code data} as the given partitions of {@code table}; see the class comment for the steps. */
  public WrittenTable write(OutputTable table, Dataset<Row> data) {
    requireNonNull(table, "table is null");
    requireNonNull(data, "data is null");
    SchemaCheck.requireDeclared(table, data.schema());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path tableDir = new Path(outputRoot, table.name());
    String id = UUID.randomUUID().toString();
    Path stagingRoot = new Path(outputRoot, STAGING_DIR);
    Path staging = new Path(stagingRoot, table.name() + "-" + id);
    Path trash = new Path(tableDir, TRASH_PREFIX + id);
    try {
      FileSystem fs = tableDir.getFileSystem(conf);
      recover(fs, tableDir, stagingRoot, table.name());
      OwnerOnly.createDirectory(fs, stagingRoot);
      writeStaged(table, data, staging);
      Map<String, Long> rowsByPartition = checkStaged(table, staging);
      if (rowsByPartition.isEmpty()) {
        // an empty table would leave the previous one in place (or none) looking like this run's
        fs.delete(staging, true);
        deleteIfEmpty(fs, stagingRoot);
        throw PopHealthException.badInput("Cannot publish %s: the run computed no rows for it; the published table "
            + "is left as it was (%s)", table.name(), tableDir);
      }
      if (runId != null) {
        TableRuns.mark(conf, tableDir.toString(), runId);
      }
      List<String> replaced = table.partitionColumn().isPresent()
          ? commitPartitions(fs, staging, tableDir, trash)
          : commitWhole(fs, staging, tableDir, trash);
      fs.delete(trash, true);
      fs.delete(staging, true);
      deleteIfEmpty(fs, stagingRoot);
      long rows = rowsByPartition.values().stream().mapToLong(Long::longValue).sum();
      LOG.info("published {}: {} rows in {} partition(s) at {}", table.name(), rows, replaced.size(), tableDir);
      return new WrittenTable(table.name(), tableDir.toString(), rows, rowsByPartition);
    } catch (IOException e) {
      throw new PopHealthException(uk.pophealth.core.ErrorCategory.FAILURE,
          String.format("Cannot publish %s: %s (%s)", table.name(), e.getMessage(), tableDir), e);
    }
  }

  private void writeStaged(OutputTable table, Dataset<Row> data, Path staging) {
    Dataset<Row> declared = SchemaCheck.withDeclaredMetadata(table, data);
    List<Column> order = new ArrayList<>();
    table.partitionColumn().ifPresent(p -> order.add(col(p)));
    table.keyColumns().stream().filter(k -> !table.partitionColumn().map(k::equals).orElse(false))
        .forEach(k -> order.add(col(k).asc_nulls_first()));
    Column[] sort = order.toArray(new Column[0]);
    if (table.partitionColumn().isPresent()) {
      String partition = table.partitionColumn().get();
      declared.repartition(col(partition)).sortWithinPartitions(sort)
          .write().partitionBy(partition).parquet(staging.toString());
    } else {
      declared.repartition(1).sortWithinPartitions(sort).write().parquet(staging.toString());
    }
  }

  /** Rows per partition of the staged files; fails if a declared non-null column holds nulls. */
  private Map<String, Long> checkStaged(OutputTable table, Path staging) {
    Dataset<Row> staged = spark.read().schema(table.schema()).parquet(staging.toString());
    List<String> required = Arrays.stream(table.schema().fields()).filter(f -> !f.nullable())
        .map(StructField::name).toList();
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as(ROWS));
    for (String column : required) {
      aggregates.add(sum(when(col(column).isNull(), 1L).otherwise(0L)).as(NULLS + column));
    }
    Column partition = table.partitionColumn().map(p -> col(p)).orElse(lit("").as("__all"));
    List<Row> perPartition = staged.groupBy(partition)
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
        .collectAsList();
    Map<String, Long> rows = new TreeMap<>();
    Map<String, Long> nulls = new TreeMap<>();
    for (Row row : perPartition) {
      rows.put(String.valueOf(row.get(0)), row.getLong(1));
      for (int i = 0; i < required.size(); i++) {
        long n = row.getLong(2 + i);
        if (n > 0) {
          nulls.merge(required.get(i), n, Long::sum);
        }
      }
    }
    if (!nulls.isEmpty()) {
      throw PopHealthException.failure("Cannot publish %s: declared non-null columns hold nulls (%s)",
          table.name(), nulls);
    }
    return rows;
  }

  private List<String> commitPartitions(FileSystem fs, Path staging, Path tableDir, Path trash) throws IOException {
    List<String> replaced = new ArrayList<>();
    for (FileStatus staged : visible(fs, staging)) {
      if (!staged.isDirectory()) {
        continue;
      }
      String name = staged.getPath().getName();
      renameFilesDeterministically(fs, staged.getPath());
      Path target = new Path(tableDir, name);
      if (fs.exists(target)) {
        fs.mkdirs(trash);
        rename(fs, target, new Path(trash, name));
      }
      rename(fs, staged.getPath(), target);
      replaced.add(name);
    }
    return replaced;
  }

  private List<String> commitWhole(FileSystem fs, Path staging, Path tableDir, Path trash) throws IOException {
    renameFilesDeterministically(fs, staging);
    fs.mkdirs(trash);
    for (FileStatus old : visible(fs, tableDir)) {
      rename(fs, old.getPath(), new Path(trash, old.getPath().getName()));
    }
    List<String> files = new ArrayList<>();
    for (FileStatus staged : visible(fs, staging)) {
      rename(fs, staged.getPath(), new Path(tableDir, staged.getPath().getName()));
      files.add(staged.getPath().getName());
    }
    return files;
  }

  /**
   * Puts back what a killed commit left half done, then deletes the table's trash and killed runs' staging. A
   * partition in {@code _trash-*} with nothing in its place is the previous good data: it is renamed back.
   */
  static void recover(FileSystem fs, Path tableDir, Path stagingRoot, String tableName) throws IOException {
    if (fs.exists(tableDir)) {
      for (FileStatus child : fs.listStatus(tableDir)) {
        if (!child.getPath().getName().startsWith(TRASH_PREFIX)) {
          continue;
        }
        for (FileStatus old : visible(fs, child.getPath())) {
          Path target = new Path(tableDir, old.getPath().getName());
          if (!fs.exists(target)) {
            LOG.warn("restoring {} left aside by a killed run", target);
            rename(fs, old.getPath(), target);
          }
        }
        fs.delete(child.getPath(), true);
      }
    }
    if (fs.exists(stagingRoot)) {
      java.util.regex.Pattern staged = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(tableName) + UUID_PATTERN);
      for (FileStatus child : fs.listStatus(stagingRoot)) {
        if (staged.matcher(child.getPath().getName()).matches()) {
          LOG.warn("deleting staging left by a killed run: {}", child.getPath());
          fs.delete(child.getPath(), true);
        }
      }
    }
  }

  private static void deleteIfEmpty(FileSystem fs, Path dir) {
    try {
      if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
        fs.delete(dir, false);
      }
    } catch (IOException e) {
      LOG.debug("left {} in place: {}", dir, e.getMessage());
    }
  }

  /** Names the data files of a directory part-00000.parquet, part-00001.parquet, ... in name order. */
  private static void renameFilesDeterministically(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus file : visible(fs, dir)) {
      if (file.isFile()) {
        files.add(file);
      }
    }
    for (int i = 0; i < files.size(); i++) {
      String name = files.get(i).getPath().getName();
      String compression = name.contains(".snappy.") ? ".snappy" : name.contains(".zstd.") ? ".zstd" : "";
      rename(fs, files.get(i).getPath(), new Path(dir, String.format("part-%05d%s.parquet", i, compression)));
    }
  }

  /** Children not hidden from Spark readers (names starting with _ or .), sorted by name. */
  private static List<FileStatus> visible(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return List.of();
    }
    List<FileStatus> children = new ArrayList<>();
    for (FileStatus child : fs.listStatus(dir)) {
      String name = child.getPath().getName();
      if (!name.startsWith("_") && !name.startsWith(".")) {
        children.add(child);
      }
    }
    children.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    return children;
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename failed: " + from + " -> " + to);
    }
  }
}
