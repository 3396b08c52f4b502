package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.core.PopHealthException;

/**
 * One resolved request to run a job: the config (file values overridden by the command line) plus where the
 * config came from and the Spark settings. Resolution order: command line > config file > defaults.
 */
public record JobRequest(Path configFile, JobConfig config, boolean singlePeriod, Map<String, String> sparkConf,
    String historyFrom) {
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

  public static JobRequest fromCommandLine(Path configFile, String out, String period, String from, String to,
      String disclosureControl, Map<String, String> sparkConfOverrides) {
    JobConfig config = JobConfigLoader.load(configFile);
    return resolve(configFile, config, out, period, from, to, disclosureControl, sparkConfOverrides);
  }

  static JobRequest resolve(Path configFile, JobConfig config, String out, String period, String from, String to,
      String disclosureControl, Map<String, String> sparkConfOverrides) {
    if (period != null && (from != null || to != null)) {
      throw PopHealthException.badConfig("Cannot use --period together with --from/--to (%s)", period);
    }
    if (out != null) {
      config = config.withOutput(out);
    }
    if (config.output() == null) {
      throw PopHealthException.badConfig("Cannot run: no output location (give --out)");
    }
    String fileFrom = config.periodFrom();
    checkMonth("period_from", fileFrom);
    String periodFrom = period != null ? period : from != null ? from : config.periodFrom();
    String periodTo = period != null ? period : to != null ? to : config.periodTo();
    checkMonth("period_from", periodFrom);
    checkMonth("period_to", periodTo);
    if (periodFrom != null && periodTo != null && YearMonth.parse(periodFrom).isAfter(YearMonth.parse(periodTo))) {
      throw PopHealthException.badConfig("Cannot run: first period is after last period (%s > %s)", periodFrom, periodTo);
    }
    config = config.withPeriods(periodFrom, periodTo);
    if (disclosureControl != null) {
      config = config.withDisclosureControl(parseOnOff(disclosureControl));
    }
    Map<String, String> sparkConf = new LinkedHashMap<>(config.sparkConf());
    if (sparkConfOverrides != null) {
      sparkConf.putAll(sparkConfOverrides);
    }
    return new JobRequest(configFile, config, period != null, sparkConf, fileFrom);
  }

  private static void checkMonth(String name, String value) {
    if (value == null) {
      return;
    }
    try {
      YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw PopHealthException.badConfig("Cannot read %s: expected YYYY-MM (%s)", name, value);
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
