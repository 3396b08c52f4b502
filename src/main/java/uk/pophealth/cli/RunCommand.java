package uk.pophealth.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.pophealth.job.JobRequest;
import uk.pophealth.job.RunJob;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Ingest the inputs named in the config, compute every product and publish the output tables.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "Job config file (YAML).")
  Path config;

  @Option(names = "--out",
      description = "Output directory (any Hadoop URI); one sub-directory per table. Default: the config's output.")
  String out;

  @Option(names = "--period", description = "Compute and replace only this month (YYYY-MM).")
  String period;

  @Option(names = "--from", description = "First reporting month (YYYY-MM).")
  String from;

  @Option(names = "--to", description = "Last reporting month (YYYY-MM).")
  String to;

  @Option(names = "--disclosure-control", description = "on (default) or off; off is for internal analyst runs only.")
  String disclosureControl;

  @Option(names = "--conf", description = "Spark setting key=value; repeatable.")
  Map<String, String> sparkConf;

  @Override
  public Integer call() {
    JobRequest request = JobRequest.fromCommandLine(config,
        new JobRequest.CommandLine(out, period, from, to, disclosureControl, sparkConf));
    request.runOptions(); // refuses a run without a reporting period here, before Spark starts
    RunJob.main(request);
    return 0;
  }
}
