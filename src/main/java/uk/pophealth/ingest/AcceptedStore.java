package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.objects.AssertNotNull;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.OwnerOnly;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.TableSchema;

/**
 * Where the accepted rows of every ingested table are held until the run is done, chosen by the Spark setting
 * {@value #MODE}:
 * <ul>
 *   <li>{@code parquet} (what the run and validate jobs use unless told otherwise, {@link #resolveForJob}): each
 *   table's ruled rows written once as Parquet to a staging folder, and the counts, the quarantine and the accepted
 *   rows read from there. Nothing of the table is then kept in the executors' memory, and the query that built it
 *   (with its shuffle files) is dropped, so the products' tasks do not carry the ingest's plans. Faster at every
 *   size measured (docs/benchmarks.md): the bundled sample's full run 102-105 s against 139-148 s cached, 2M people
 *   424 s against 489 s; at 60M people the cached tables filled an 8 GB heap and garbage collection took most of
 *   every later stage.</li>
 *   <li>{@code cache}: persisted in Spark's cache, memory first, spilling to local disk; for where no folder
 *   reachable by every executor can be given. The default of a session no job resolved (library use, tests).</li>
 * </ul>
 * The staging folder holds pseudonymised person-level rows (and the quarantined rows' values, masked as in the
 * quarantine): it is {@value #LOCATION} when set, else a folder beside the quarantine; either way this run's own
 * folder in it is owner-only (0700 directories, 0600 files, {@link OwnerOnly}), and {@link #release()} deletes it.
 */
public final class AcceptedStore {
  /** {@code parquet}, {@code cache}, or {@code auto} (the job's choice: {@code parquet}). */
  public static final String MODE = "spark.pophealth.ingest.staging";
  /** The staging folder for {@code parquet}: any Hadoop path the driver and executors can all reach. */
  static final String LOCATION = "spark.pophealth.ingest.stagingDir";
  static final String CACHE = "cache";
  static final String PARQUET = "parquet";
  static final String AUTO = "auto";

  private static final Logger LOG = LoggerFactory.getLogger(AcceptedStore.class);
  private static final scala.collection.immutable.List<String> NO_PATH = scala.collection.immutable.List.empty();

  private final SparkSession spark;
  private final String location;
  private final List<Dataset<Row>> persisted = new ArrayList<>();

  private AcceptedStore(SparkSession spark, String location) {
    this.spark = spark;
    this.location = location;
  }

  /** The store the session's {@value #MODE} names; missing or {@code auto} (not resolved by a job) means {@code cache}. */
  static AcceptedStore forSession(SparkSession spark, JobConfig config) {
    String mode = spark.conf().get(MODE, CACHE).trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case CACHE, AUTO -> new AcceptedStore(spark, null);
      case PARQUET -> new AcceptedStore(spark, stagingLocation(spark, config));
      default -> throw PopHealthException.badConfig("Cannot read %s: expected %s, %s or %s (%s)", MODE, CACHE, PARQUET,
          AUTO, mode);
    };
  }

  /**
   * The mode a run or validate job uses: {@code parquet} when the setting is missing or {@code auto}, else the mode
   * chosen. Records it in the session so that {@link #forSession} sees it, and returns it.
   */
  public static String resolveForJob(SparkSession spark) {
    String mode = spark.conf().get(MODE, AUTO).trim().toLowerCase(Locale.ROOT);
    if (mode.equals(AUTO)) {
      mode = PARQUET;
    }
    spark.conf().set(MODE, mode);
    return mode;
  }

  /**
   * This run's own folder under {@link #stagingBase}, named {@code <pid>@<host>-<uuid>} so that a later run can tell
   * a folder left by a dead process on its host and delete it (publish.StagingSweep).
   */
  private static String stagingLocation(SparkSession spark, JobConfig config) {
    String owner = ProcessHandle.current().pid() + "@" + hostName();
    return new Path(new Path(stagingBase(spark, config)), owner + "-" + UUID.randomUUID()).toString();
  }

  /** Where the runs' staging folders go: the configured staging location, or beside the quarantine. */
  public static String stagingBase(SparkSession spark, JobConfig config) {
    // Hadoop's Path drops a trailing slash
    return spark.conf().getOption(LOCATION)
        .getOrElse(() -> new Path(config.quarantineLocation()).toString() + "_staging");
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** True when the tables are staged as Parquet files rather than cached. */
  boolean staged() {
    return location != null;
  }

  /**
   * Holds the ruled frame of a table (every row in, with its rule: read for the counts, the quarantine and the
   * accepted rows) and returns the frame to read it from. Cached: persisted until {@link #releaseRuled}. Staged:
   * written once as Parquet, the identifier columns masked as in the quarantine, and read back; the accepted rows
   * are then read from the same files ({@link #accepted}), so nothing is written twice.
   */
  Dataset<Row> holdRuled(TableSchema table, Dataset<Row> ruled, Collection<String> identifierColumns) {
    if (!staged()) {
      return ruled.persist(StorageLevel.MEMORY_AND_DISK());
    }
    String path = location + "/" + table.name();
    Column quarantined = col(IngestColumns.RULE).isNotNull();
    List<String> values = table.columnNames();
    List<Column> columns = new ArrayList<>();
    for (String name : ruled.columns()) {
      Column value = IngestColumns.exact(name);
      if (identifierColumns.contains(name)) {
        columns.add(Quarantine.mask(value).as(name));
      } else if (values.contains(name)) {
        // a quarantined row's values as the quarantine will hold them; an accepted row's as read
        columns.add(when(quarantined, Quarantine.maskNhsNumbers(value)).otherwise(value).as(name));
      } else {
        columns.add(value);
      }
    }
    FileSystem fs = ownerOnlyFolder();
    ruled.select(columns.toArray(new Column[0])).write().mode(SaveMode.Overwrite).parquet(path);
    deleteOnExit(); // after the write: Hadoop marks only a path that exists
    try {
      OwnerOnly.restrict(fs, new Path(path));
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.FAILURE, String.format(
          "Cannot make the staging folder owner-only: %s (%s)", e.getMessage(), path), e);
    }
    return spark.read().parquet(path);
  }

  /**
   * This run's staging folder, created 0700 before anything is written into it ({@link OwnerOnly}): the default
   * parent beside the quarantine too when this run creates it (a configured {@value #LOCATION} keeps its mode).
   */
  private FileSystem ownerOnlyFolder() {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        Path parent = path.getParent();
        if (parent != null && !fs.exists(parent)) {
          OwnerOnly.createDirectory(fs, parent);
        }
        OwnerOnly.createDirectory(fs, path);
      }
      return fs;
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.FAILURE, String.format(
          "Cannot create the staging folder owner-only: %s (%s)", e.getMessage(), location), e);
    }
  }

  /** Frees the ruled frame once the table's accepted rows are held (a no-op when staged: the files stay). */
  void releaseRuled(Dataset<Row> held) {
    if (!staged()) {
      held.unpersist();
    }
  }

  /**
   * Holds the accepted rows, {@code typed} (a projection of the held ruled frame in the table's declared schema),
   * and returns the frame to read them from: persisted on their own when cached (narrow and typed, so the ruled
   * frame can go), the projection itself when staged (Parquet reads only the columns asked for).
   */
  Dataset<Row> accepted(Dataset<Row> typed) {
    if (staged()) {
      return typed;
    }
    Dataset<Row> cached = typed.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(cached);
    return cached;
  }

  /**
   * {@code value} named and described as {@code field}. A column declared not null is wrapped in Spark's own not-null
   * assertion: the schema then says not null as declared (Spark reads every Parquet column as nullable), and a null
   * the rules let through fails the query instead of reaching the products.
   */
  static Column notNullAsDeclared(Column value, StructField field) {
    Column checked = field.nullable() ? value : new Column(new AssertNotNull(value.expr(), NO_PATH));
    return checked.as(field.name(), field.metadata());
  }

  /**
   * Should the run die before {@link #release()}, the JVM's exit still deletes the staging folder (when it can).
   * Marking it again is harmless (Hadoop keeps a set).
   */
  private void deleteOnExit() {
    Path path = new Path(location);
    try {
      path.getFileSystem(spark.sparkContext().hadoopConfiguration()).deleteOnExit(path);
    } catch (IOException e) {
      LOG.warn("Cannot mark the staging folder {} for deletion at exit ({})", location, e.getMessage());
    }
  }

  /** The cached frames (empty when staged as Parquet); for tests. */
  List<Dataset<Row>> persisted() {
    return List.copyOf(persisted);
  }

  /** Frees what holds the tables: unpersists the cached frames, deletes the staging folder. */
  void release() {
    persisted.forEach(Dataset::unpersist);
    persisted.clear();
    if (staged()) {
      Path path = new Path(location);
      try {
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.delete(path, true);
        Path parent = path.getParent();
        if (parent != null && fs.exists(parent) && fs.listStatus(parent).length == 0) {
          fs.delete(parent, false);
        }
      } catch (IOException e) {
        LOG.warn("Cannot delete the staging folder {}: delete it by hand, it holds pseudonymised rows ({})",
            location, e.getMessage());
      }
    }
  }
}
