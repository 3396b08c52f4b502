package uk.pophealth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.pophealth.job.ReportJob;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "(Re)draw the static HTML report from the output tables in DIR.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Output directory of a run.")
  String out;

  @Override
  public Integer call() {
    ReportJob.main(out);
    return 0;
  }
}
