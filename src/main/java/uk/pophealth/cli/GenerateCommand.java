package uk.pophealth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.pophealth.generate.GenerateJob;
import uk.pophealth.generate.GeneratorOptions;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write synthetic inputs with planted truth (truth.json) and a ready job.yaml.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Directory to write the input tables into.")
  String out;

  @Option(names = "--people", defaultValue = "20000", description = "Number of people (default ${DEFAULT-VALUE}).")
  long people;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--bad-rows", defaultValue = "0.002",
      description = "Share of rows planted bad, spread over the kinds of bad row; 0 for clean data (default ${DEFAULT-VALUE}).")
  double badRows;

  @Option(names = "--geography", defaultValue = "synthetic", description = "synthetic or real (default ${DEFAULT-VALUE}).")
  String geography;

  @Option(names = "--refdata", description = "Reference data folder for --geography real (default ../shared/refdata).")
  Path refdata;

  @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--months", defaultValue = "48", description = "Months of history (default ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--places", defaultValue = "3", description = "Places per ICS in synthetic geography (default ${DEFAULT-VALUE}).")
  int places;

  @Option(names = "--ics", description = "Number of ICSs: synthetic ones (default 1), or with --geography real that many "
      + "of England's ICBs: the two Bassetlaw moved between first, then by code (default all 42).")
  Integer ics;

  @Override
  public Integer call() {
    GeneratorOptions options = GeneratorOptions.fromCommandLine(new GeneratorOptions.CommandLine(
        out, people, seed, badRows, geography, refdata, format, months, places, ics));
    GenerateJob.main(options);
    return 0;
  }
}
