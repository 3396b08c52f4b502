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
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handleException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    PopHealthException known = findKnown(ex);
    if (known != null) {
      err.println("ERROR: " + known.getMessage());
      err.flush();
      return known.category().exitCode();
    }
    err.println("ERROR: unexpected failure: " + ex);
    ex.printStackTrace(err);
    err.flush();
    return ErrorCategory.FAILURE.exitCode();
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
