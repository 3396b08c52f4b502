package uk.pophealth.deprivation;

import static java.util.Objects.requireNonNull;
import static uk.pophealth.core.PopHealthException.checkConfig;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.stats.SiiOptions;

/**
 * How to compute the referral deprivation tables.
 *
 * @param firstMonth first month of the reporting range; referrals before it are not counted
 * @param lastMonth last month of the reporting range (inclusive)
 * @param localDeciles also report deciles re-ranked within each ICS (imd_basis ics_local) beside the national ones
 * @param targetShare the commissioning target for the share of referrals from the 40% most deprived (0-1)
 * @param siiRepetitions simulation draws for the SII/RII limits (at least 1,000)
 * @param seed seed of the SII simulation: the same seed and input give the same limits
 */
public record DeprivationOptions(YearMonth firstMonth, YearMonth lastMonth, boolean localDeciles, double targetShare,
    int siiRepetitions, long seed) {
  public DeprivationOptions {
    requireNonNull(firstMonth, "firstMonth is null");
    requireNonNull(lastMonth, "lastMonth is null");
    checkConfig(!firstMonth.isAfter(lastMonth),
        "Cannot report referral deprivation: first month is after last (%s > %s)", firstMonth, lastMonth);
    checkConfig(targetShare >= 0 && targetShare <= 1,
        "Cannot report referral deprivation: target_share must be between 0 and 1 (%s)", targetShare);
    checkConfig(siiRepetitions >= SiiOptions.MINIMUM_REPETITIONS,
        "Cannot report referral deprivation: sii_repetitions must be at least %s (%s)", SiiOptions.MINIMUM_REPETITIONS,
        siiRepetitions);
  }

  /** The options of a job config: period_from / period_to (YYYY-MM), local_deciles, target_share, sii_repetitions, seed. */
  public static DeprivationOptions fromConfig(JobConfig config) {
    requireNonNull(config, "config is null");
    return new DeprivationOptions(month("period_from", config.periodFrom()), month("period_to", config.periodTo()),
        config.localDeciles(), config.targetShare(), config.siiRepetitions(), config.seed());
  }

  public LocalDate rangeStart() {
    return firstMonth.atDay(1);
  }

  public LocalDate rangeEnd() {
    return lastMonth.atEndOfMonth();
  }

  public DeprivationOptions withLocalDeciles(boolean on) {
    return new DeprivationOptions(firstMonth, lastMonth, on, targetShare, siiRepetitions, seed);
  }

  private static YearMonth month(String key, String value) {
    if (value == null) {
      throw PopHealthException.badConfig("Cannot report referral deprivation: %s is not set (%s)", key, value);
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw PopHealthException.badConfig("Cannot report referral deprivation: %s is not YYYY-MM (%s)", key, value);
    }
  }
}
