package uk.pophealth.core;

/** What kind of failure an error is; each maps to one process exit code (DESIGN.md "Interfaces"). */
public enum ErrorCategory {
  /** Anything unexpected: a bug, a lost executor that Spark could not recover, a full disk. */
  FAILURE(1),
  /** The command line or the config file is wrong; nothing was read. */
  BAD_CONFIG(2),
  /** An input file is missing, unreadable, malformed, or quarantined more rows than allowed. */
  BAD_INPUT(3);

  private final int exitCode;

  ErrorCategory(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
