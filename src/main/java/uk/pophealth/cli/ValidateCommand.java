package uk.pophealth.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.pophealth.job.JobRequest;
import uk.pophealth.job.ValidateJob;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Ingest and check the inputs and the geography; write only data_quality (and quarantine).")
final class ValidateCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "Job config file (YAML).")
  Path config;

  @Option(names = "--out", description = "Output directory for data_quality. Default: the config's output.")
  String out;

  @Option(names = "--conf", description = "Spark setting key=value; repeatable.")
  Map<String, String> sparkConf;

  @Override
  public Integer call() {
    JobRequest request = JobRequest.fromCommandLine(config,
        new JobRequest.CommandLine(out, null, null, null, null, sparkConf));
    ValidateJob.main(request);
    return 0;
  }
}
