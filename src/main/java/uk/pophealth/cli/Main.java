package uk.pophealth.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

/**
 * Entry point named in the jar's manifest, so {@code spark-submit <jar> <sub-command> ...} needs no --class.
 * Command classes hold no Spark types (picocli reflects over them); each hands its options to a job class.
 */
@Command(
    name = "pophealth",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Population health planning on Spark: ACP uptake in dementia, referral deprivation, demand forecasts.",
    subcommands = {
        GenerateCommand.class, RunCommand.class, ValidateCommand.class, ReportCommand.class,
        ForecastCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ok", "1:failure", "2:bad config or usage", "3:bad or over-quarantined input"})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = execute(args);
    System.exit(code);
  }

  /** Runs a command line and returns its exit code, without exiting the JVM (tests call this). */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(Main::handleException);
    commandLine.setParameterExceptionHandler((ex, arguments) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("ERROR: " + ex.getMessage());
      ex.getCommandLine().usage(err);
      return ErrorCategory.BAD_CONFIG.exitCode();
    });
    try {
      return commandLine.execute(args);
    } catch (Error error) {
      // picocli hands only Exceptions to the handler; Hadoop reports a full or failing local disk as FSError
      return handleThrowable(error, commandLine.getErr());
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handleException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) {
    return handleThrowable(ex, commandLine.getErr());
  }

  /**
   * One {@code ERROR:} line and the exit code: a PopHealthException's category; an I/O failure (a full or read-only
   * disk, a lost filesystem) is exit 1 with its message; anything else is unexpected, with its stack trace.
   */
  static int handleThrowable(Throwable ex, PrintWriter err) {
    PopHealthException known = findKnown(ex);
    if (known != null) {
      err.println("ERROR: " + known.getMessage());
      err.flush();
      return known.category().exitCode();
    }
    Throwable io = findIo(ex);
    if (io != null) {
      err.println("ERROR: Cannot complete the command: input/output failure: " + io);
      err.flush();
      return ErrorCategory.FAILURE.exitCode();
    }
    err.println("ERROR: unexpected failure: " + ex);
    ex.printStackTrace(err);
    err.flush();
    return ErrorCategory.FAILURE.exitCode();
  }

  /** The first I/O failure in the cause chain: an IOException (also unchecked) or Hadoop's FSError. */
  static Throwable findIo(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException
          || t instanceof org.apache.hadoop.fs.FSError) {
        return t;
      }
    }
    return null;
  }

  /** Spark wraps executor-side exceptions; the first PopHealthException in the cause chain decides. */
  static PopHealthException findKnown(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof PopHealthException known) {
        return known;
      }
    }
    return null;
  }
}
