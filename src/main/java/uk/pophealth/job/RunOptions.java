package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import uk.pophealth.cohort.DementiaRegister;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.config.JobConfig;
import uk.pophealth.deprivation.DeprivationOptions;
import uk.pophealth.demand.DemandOptions;
import uk.pophealth.geography.FootprintBasis;

/**
 * What each product of a run is asked to do, resolved from the config once, at the door: {@link JobRequest} builds it
 * before any input is opened, so that every bad value stops the run (exit 2) before anything is read or written, and
 * the steps receive these records instead of reading the config themselves.
 *
 * @param months the reporting months
 * @param acpLookbackMonths how far back an ACP code counts (acp_lookback_months), or null for any time before
 * @param footprintBasis the footprint every dated fact is reported on (rebase_to_current_footprint)
 * @param deprivation the referral deprivation options over the reporting months (the step widens them to whole
 *     financial years)
 * @param demand the demand forecast options over the reporting months (the step widens them to the whole history)
 */
public record RunOptions(ReportingMonths months, Integer acpLookbackMonths, FootprintBasis footprintBasis,
    DeprivationOptions deprivation, DemandOptions demand) {
  public RunOptions {
    requireNonNull(months, "months is null");
    requireNonNull(footprintBasis, "footprintBasis is null");
    requireNonNull(deprivation, "deprivation is null");
    requireNonNull(demand, "demand is null");
  }

  /** The options of a config whose reporting period is set and checked (BAD_CONFIG naming the first bad key). */
  static RunOptions resolve(JobConfig config) {
    return new RunOptions(ReportingMonths.of(config.periodFrom(), config.periodTo()),
        DementiaRegister.checkLookback(config.acpLookbackMonths()), FootprintBasis.fromConfig(config),
        DeprivationOptions.fromConfig(config), DemandOptions.fromConfig(config));
  }
}
