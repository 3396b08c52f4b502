package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import uk.pophealth.cohort.DementiaRegister;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.Ingestion;

/**
 * One resolved request to run a job: the config (file values overridden by the command line), where the config came
 * from, the Spark settings, and the per-product {@link RunOptions}. Resolution order: command line > config file >
 * defaults. Every value is checked here, before any input is opened, and a bad one is refused (BAD_CONFIG, exit 2)
 * naming the key as the user wrote it: {@code --from} when it came from the command line, {@code period_from} when
 * from the file.
 *
 * @param options the run's options, or null when no reporting period is given (enough for validate, whose product
 *     options are checked all the same; a run is refused by {@link #runOptions()})
 */
public record JobRequest(Path configFile, JobConfig config, boolean singlePeriod, Map<String, String> sparkConf,
    String historyFrom, RunOptions options) {
  /** The month product options are checked over when the config gives no reporting period ({@link #resolve}). */
  private static final YearMonth STAND_IN_MONTH = YearMonth.of(2000, 1);

  public JobRequest {
    requireNonNull(config, "config is null");
    sparkConf = Map.copyOf(sparkConf);
  }

  /**
   * The first month of history for forecasting: the earlier of the config file's period_from and the first
   * reporting month, so a scheduled single-month run still forecasts from the whole history.
   */
  public String forecastHistoryFrom() {
    if (historyFrom == null || config.periodFrom() == null) {
      return config.periodFrom();
    }
    return YearMonth.parse(historyFrom).isBefore(YearMonth.parse(config.periodFrom())) ? historyFrom : config.periodFrom();
  }

  /**
   * The run's options; BAD_CONFIG when no reporting period was given. The run sub-command asks for them as soon as
   * the request is made, so that a run without a period is refused before a Spark session starts.
   */
  public RunOptions runOptions() {
    PopHealthException.checkConfig(options != null, "Cannot run: no reporting period; set period_from and period_to "
        + "in the config, or give --period or --from/--to (%s)", configFile);
    return options;
  }

  /**
   * What the command line gives, each null when not given: {@code --out}, {@code --period}, {@code --from},
   * {@code --to}, {@code --disclosure-control} (as written) and the {@code --conf} Spark settings.
   */
  public record CommandLine(String out, String period, String from, String to, String disclosureControl,
      Map<String, String> sparkConf) {
    /** Nothing given on the command line: the config file alone. */
    public static CommandLine none() {
      return new CommandLine(null, null, null, null, null, null);
    }
  }

  public static JobRequest fromCommandLine(Path configFile, CommandLine commandLine) {
    JobConfig config = JobConfigLoader.load(configFile);
    return resolve(configFile, config, commandLine);
  }

  static JobRequest resolve(Path configFile, JobConfig config, CommandLine commandLine) {
    String out = commandLine.out();
    String period = commandLine.period();
    String from = commandLine.from();
    String to = commandLine.to();
    if (period != null && (from != null || to != null)) {
      throw PopHealthException.badConfig("Cannot use --period together with --from/--to (%s)", period);
    }
    JobConfig.Builder resolved = config.toBuilder();
    if (out != null) {
      resolved.output(out);
    }
    if (out == null && config.output() == null) {
      throw PopHealthException.badConfig("Cannot run: no output location; give --out or output in the config (%s)",
          configFile);
    }
    checkQuarantineOutside(out != null ? out : config.output(), config.quarantine());
    String fileFrom = config.periodFrom();
    YearMonth historyStart = month("period_from", fileFrom);
    String fromKey = period != null ? "--period" : from != null ? "--from" : "period_from";
    String toKey = period != null ? "--period" : to != null ? "--to" : "period_to";
    String periodFrom = period != null ? period : from != null ? from : config.periodFrom();
    String periodTo = period != null ? period : to != null ? to : config.periodTo();
    YearMonth first = fromKey.equals("period_from") ? historyStart : month(fromKey, periodFrom);
    YearMonth last = month(toKey, periodTo);
    if (first != null && last != null && first.isAfter(last)) {
      throw PopHealthException.badConfig("Cannot run: the first reporting month is after the last (%s %s > %s %s)",
          fromKey, periodFrom, toKey, periodTo);
    }
    resolved.periodFrom(periodFrom).periodTo(periodTo);
    if (commandLine.disclosureControl() != null) {
      resolved.disclosureControl(parseOnOff(commandLine.disclosureControl()));
    }
    JobConfig checked = resolved.build();
    Ingestion.checkConfig(checked);
    DementiaRegister.checkLookback(checked.acpLookbackMonths());
    RunOptions options;
    if (first != null && last != null) {
      options = RunOptions.resolve(checked);
    } else {
      checkProductOptions(checked, first != null ? first : last);
      options = null;
    }
    Map<String, String> sparkConf = new LinkedHashMap<>(checked.sparkConf());
    if (commandLine.sparkConf() != null) {
      sparkConf.putAll(commandLine.sparkConf());
    }
    return new JobRequest(configFile, checked, period != null, sparkConf, fileFrom, options);
  }

  /**
   * Checks every product option of a config without a whole reporting period (validate needs none), so that a bad
   * value exits 2 whichever sub-command is given: the options are resolved as a run would resolve them, over the one
   * month given or a stand-in month (no option's check depends on which months are reported), and dropped.
   */
  private static void checkProductOptions(JobConfig config, YearMonth given) {
    String month = (given != null ? given : STAND_IN_MONTH).toString();
    RunOptions.resolve(config.toBuilder().periodFrom(month).periodTo(month).build());
  }

  /**
   * The quarantine holds person-level rows, so it is a restricted location of its own: refused (BAD_CONFIG) when it is
   * the output folder or inside it, where everyone who reads the published tables could read it too.
   */
  private static void checkQuarantineOutside(String output, String quarantine) {
    if (quarantine == null) {
      return;
    }
    String outputFolder = output.replaceAll("/+$", "");
    String quarantineFolder = quarantine.replaceAll("/+$", "");
    PopHealthException.checkConfig(!quarantineFolder.equals(outputFolder)
            && !quarantineFolder.startsWith(outputFolder + "/"),
        "Cannot read quarantine: it holds person-level rows, so it must lie outside the output folder %s (%s)",
        outputFolder, quarantine);
  }

  /** The month a key holds, or null when it is not set; BAD_CONFIG naming the key unless it is YYYY-MM. */
  private static YearMonth month(String key, String value) {
    if (value == null) {
      return null;
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw PopHealthException.badConfig("Cannot read %s: expected YYYY-MM (%s)", key, value);
    }
  }

  private static boolean parseOnOff(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes" -> true;
      case "off", "false", "no" -> false;
      default -> throw PopHealthException.badConfig("Cannot read --disclosure-control: expected on or off (%s)", value);
    };
  }
}
