package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.core.PopHealthException;

/**
 * A lock file, {@code <outputRoot>/_pophealth.lock}, that stops two runs publishing into one output at once.
 * Acquire it before the first write and close it after the manifest. It holds the run id, host, process id
 * and time of the holder.
 *
 * <p>A held lock makes a second run fail fast, naming the holder. A lock is <em>stale</em>, and is broken at once
 * with a warning naming why, when it names no holder (empty or unreadable: a run that died, e.g. on a full disk,
 * while taking it), when its holder is on this host and its process is gone (a killed run), or when it is older
 * than {@code staleAfter} (a holder on another host that died; choose longer than the longest run). Breaking renames
 * the stale lock aside (only one breaker's rename succeeds) before creating a new one.
 *
 * <p>A lock is written whole to a temporary file and then put in place without replacing (a hard link locally, a
 * rename on HDFS), so a lock a live run holds is never seen empty. This relies on create-if-absent being atomic:
 * true for HDFS and local files, not for S3 through s3a (two runs starting in the same instant could both win there;
 * schedule runs so they do not).
 */
public final class OutputLock implements AutoCloseable {
  public static final String FILE_NAME = "_pophealth.lock";
  /** Default age after which a lock held from another host is considered abandoned. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(12);

  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  private static final String RUN_ID = "run_id";
  private static final String HOST = "host";
  private static final String PID = "pid";
  private static final String ACQUIRED = "acquired";

  private final FileSystem fs;
  private final Path path;
  private final String runId;

  private OutputLock(FileSystem fs, Path path, String runId) {
    this.fs = fs;
    this.path = path;
    this.runId = runId;
  }

  /** Takes the lock of {@code outputRoot} for {@code runId}, breaking a stale one; fails if a live run holds it. */
  public static OutputLock acquire(Configuration conf, String outputRoot, String runId, Duration staleAfter) {
    requireNonNull(conf, "conf is null");
    requireNonNull(runId, "runId is null");
    requireNonNull(staleAfter, "staleAfter is null");
    Path path = new Path(requireNonNull(outputRoot, "outputRoot is null"), FILE_NAME);
    try {
      FileSystem fs = path.getFileSystem(conf);
      fs.mkdirs(path.getParent());
      if (tryCreate(fs, path, runId)) {
        return new OutputLock(fs, path, runId);
      }
      Properties holder = read(fs, path);
      String why = staleReason(holder, fs, path, staleAfter);
      if (why == null) {
        throw PopHealthException.failure(
            "Cannot publish to %s: another run holds the lock (run %s on host %s, pid %s, since %s); wait for it, "
                + "or if it is dead delete %s (it is broken automatically after %s)",
            outputRoot, holder.getProperty(RUN_ID), holder.getProperty(HOST), holder.getProperty(PID),
            holder.getProperty(ACQUIRED), path, staleAfter);
      }
      LOG.warn("breaking stale lock {} of run {}: {}", path, holder.getProperty(RUN_ID, "(none named)"), why);
      Path aside = new Path(path.getParent(), FILE_NAME + ".broken-" + runId);
      if (!fs.rename(path, aside) || !tryCreate(fs, path, runId)) {
        throw PopHealthException.failure("Cannot publish to %s: another run broke the stale lock first (%s)",
            outputRoot, path);
      }
      fs.delete(aside, false);
      return new OutputLock(fs, path, runId);
    } catch (IOException | org.apache.hadoop.fs.FSError e) {
      throw new PopHealthException(uk.pophealth.core.ErrorCategory.FAILURE,
          String.format("Cannot lock output: %s (%s)", e.getMessage(), path), e);
    }
  }

  public static OutputLock acquire(Configuration conf, String outputRoot, String runId) {
    return acquire(conf, outputRoot, runId, DEFAULT_STALE_AFTER);
  }

  /** Releases the lock if this run still holds it. */
  @Override
  public void close() {
    try {
      if (fs.exists(path) && runId.equals(read(fs, path).getProperty(RUN_ID))) {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      LOG.warn("could not release lock {}: {}", path, e.getMessage());
    }
  }

  private static boolean tryCreate(FileSystem fs, Path path, String runId) throws IOException {
    Properties properties = new Properties();
    properties.setProperty(RUN_ID, runId);
    properties.setProperty(HOST, hostName());
    properties.setProperty(PID, Long.toString(ProcessHandle.current().pid()));
    properties.setProperty(ACQUIRED, Instant.now().toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    properties.store(bytes, "pophealth output lock");
    Path temp = new Path(path.getParent(), "." + FILE_NAME + "." + runId + ".tmp");
    try {
      try (FSDataOutputStream out = fs.create(temp, true)) {
        out.write(bytes.toByteArray());
      }
      if (fs instanceof LocalFileSystem local) {
        return linkLocal(local.pathToFile(temp).toPath(), local.pathToFile(path).toPath());
      }
      // HDFS: rename does not replace an existing file, and is atomic at the NameNode (one of two racers fails).
      return fs.rename(temp, path);
    } finally {
      fs.delete(temp, false);
    }
  }

  /**
   * On a local disk Hadoop's rename replaces the target, and its create-without-overwrite checks and then creates;
   * the operating system's hard link fails atomically when the lock exists. Where links are not supported, create-new
   * (O_EXCL) is atomic too, though a reader could then see the new lock for an instant before its content.
   */
  private static boolean linkLocal(java.nio.file.Path temp, java.nio.file.Path file) throws IOException {
    try {
      java.nio.file.Files.createLink(file, temp);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      if (e instanceof java.nio.file.FileSystemException && java.nio.file.Files.exists(file)) {
        return false;
      }
      try {
        java.nio.file.Files.write(file, java.nio.file.Files.readAllBytes(temp),
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException exists) {
        return false;
      }
    }
  }

  /** The lock's properties; none when it is gone or its content cannot be read as a lock. */
  private static Properties read(FileSystem fs, Path path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = fs.open(path)) {
      properties.load(new ByteArrayInputStream(in.readAllBytes()));
    } catch (java.io.FileNotFoundException e) {
      return properties;
    } catch (IllegalArgumentException e) {
      // a malformed unicode escape: garbage, not a lock
      return new Properties();
    }
    return properties;
  }

  /** Why the lock is stale, or null while its holder may be alive. */
  static String staleReason(Properties holder, FileSystem fs, Path path, Duration staleAfter) throws IOException {
    String host = holder.getProperty(HOST);
    String pid = holder.getProperty(PID);
    if (holder.getProperty(RUN_ID) == null || host == null || pid == null) {
      long bytes = fs.exists(path) ? fs.getFileStatus(path).getLen() : 0;
      return bytes == 0 ? "the lock file is empty (a run died while taking it, e.g. on a full disk)"
          : "the lock file names no run, host and pid (" + bytes + " bytes, unreadable as a lock)";
    }
    String dead = deadOnThisHost(host, pid);
    if (dead != null) {
      return dead;
    }
    Instant acquired;
    try {
      acquired = Instant.parse(holder.getProperty(ACQUIRED, ""));
    } catch (DateTimeParseException e) {
      acquired = Instant.ofEpochMilli(fs.getFileStatus(path).getModificationTime());
    }
    Duration age = Duration.between(acquired, Instant.now());
    return age.compareTo(staleAfter) > 0 ? "held for " + age + ", longer than " + staleAfter : null;
  }

  /** Why the process {@code pid} of {@code host} is known dead (on this host, and gone), or null. */
  static String deadOnThisHost(String host, String pid) {
    if (host == null || !host.equals(hostName()) || pid == null) {
      return null;
    }
    try {
      long id = Long.parseLong(pid);
      return ProcessHandle.of(id).map(p -> !p.isAlive()).orElse(true)
          ? "its process " + pid + " on this host is gone" : null;
    } catch (NumberFormatException e) {
      return "unreadable pid " + pid;
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown" : env;
    }
  }
}
