package uk.pophealth.core;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Makes the folders that hold person-level rows (the quarantine, the ingest staging) readable by the run's user
 * only: directories {@code rwx------} (0700), files {@code rw-------} (0600), through the Hadoop FileSystem API, so
 * the same calls work on the local filesystem and on HDFS.
 *
 * <p>How: the folder is created (or found) and set to 0700 <em>before</em> Spark writes into it, so nobody else can
 * enter it while files land there with the writers' default modes; after the write every directory and file below
 * it is set to 0700 / 0600, so a copy or a later change of the parent's mode exposes nothing either.
 *
 * <p>Why not a umask ({@code fs.permissions.umask-mode=077}): Hadoop caches one FileSystem per scheme, authority and
 * user, holding the configuration it was first made with, on the driver and on every executor, so a umask given to
 * one write's configuration is not reliably the one its files are created with; and a session-wide umask would make
 * the published tables owner-only too. On an object store without permissions (s3a) the calls change nothing:
 * restrict the bucket or prefix there.
 */
public final class OwnerOnly {
  public static final FsPermission DIRECTORY = new FsPermission((short) 0700);
  public static final FsPermission FILE = new FsPermission((short) 0600);

  private OwnerOnly() {}

  /**
   * Creates {@code dir} (and any missing parents) and sets it to 0700. Parents that existed keep their mode: a
   * folder the site made (e.g. one shared with a data-protection group) is theirs to set.
   */
  public static void createDirectory(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir) && !fs.mkdirs(dir)) {
      throw new IOException("mkdirs failed: " + dir);
    }
    fs.setPermission(dir, DIRECTORY);
  }

  /** Sets {@code root} and every directory below it to 0700, every file to 0600; a missing root is left alone. */
  public static void restrict(FileSystem fs, Path root) throws IOException {
    if (!fs.exists(root)) {
      return;
    }
    FileStatus status = fs.getFileStatus(root);
    if (!status.isDirectory()) {
      fs.setPermission(root, FILE);
      return;
    }
    fs.setPermission(root, DIRECTORY);
    for (FileStatus child : fs.listStatus(root)) {
      restrict(fs, child.getPath());
    }
  }
}
