package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.config.JobConfig;
import uk.pophealth.deprivation.DeprivationInputs;
import uk.pophealth.deprivation.DeprivationOptions;
import uk.pophealth.deprivation.DeprivationResult;
import uk.pophealth.deprivation.ReferralDeprivation;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.publish.Additivity;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTables;

/**
 * Computes and publishes referral_deprivation, referral_inequality and referral_lsoa_resolution. The range
 * starts at the financial year holding the first reporting month, so that quarter and financial-year partitions
 * are always recomputed whole (a scheduled single-month run never replaces a full quarter by a partial one).
 */
final class ReferralDeprivationStep {
  private ReferralDeprivationStep() {}

  static void run(SparkSession spark, IngestResult ingest, FootprintResolver geography, JobConfig config,
      ReportingMonths months, Stage stage, TableWriter writer, DisclosureControl disclosure,
      RunManifest.Builder manifest) {
    if (!ingest.hasTable(InputTables.ServiceReferrals.NAME) && !ingest.hasTable(InputTables.SocialCareEvents.NAME)) {
      manifest.warning("referral deprivation skipped: neither service_referrals nor social_care_events was given");
      return;
    }
    DeprivationOptions configured = DeprivationOptions.fromConfig(config);
    DeprivationOptions options = new DeprivationOptions(financialYearStart(months.first()), months.last(),
        configured.localDeciles(), configured.targetShare(), configured.siiRepetitions(), configured.seed());
    DeprivationInputs inputs = new DeprivationInputs(
        ingest.tableOrEmpty(spark, InputTables.SocialCareEvents.TABLE),
        ingest.tableOrEmpty(spark, InputTables.ServiceReferrals.TABLE),
        ingest.table(InputTables.GpPatients.NAME),
        ingest.table(InputTables.LsoaDeprivation.NAME),
        geography.lsoaHierarchy(FootprintBasis.fromConfig(config)),
        ingest.hasTable(InputTables.Population.NAME)
            ? Optional.of(ingest.table(InputTables.Population.NAME)) : Optional.empty());
    DeprivationResult result = stage.run("referral_deprivation compute",
        () -> ReferralDeprivation.compute(spark, inputs, options));
    Dataset<Row> deprivation = result.referralDeprivation().persist();
    stage.run("referral_deprivation publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralDeprivation.TABLE, deprivation, deprivationAdditivities(), manifest));
    stage.run("referral_inequality publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralInequality.TABLE, result.referralInequality(), List.of(), manifest));
    stage.run("referral_lsoa_resolution publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralLsoaResolution.TABLE, result.lsoaResolution(), List.of(), manifest));
    deprivation.unpersist();
  }

  /** Deciles (and quintiles) of one period, geography and service add up to that group's referrals. */
  private static List<Additivity> deprivationAdditivities() {
    return List.of(Additivity.partsOnly("quantiles within group", col(OutputTables.ReferralDeprivation.PERIOD_TYPE).isNotNull(),
        OutputTables.ReferralDeprivation.PERIOD_TYPE, OutputTables.ReferralDeprivation.PERIOD_START,
        OutputTables.ReferralDeprivation.GEOGRAPHY_LEVEL, OutputTables.ReferralDeprivation.GEOGRAPHY_CODE,
        OutputTables.ReferralDeprivation.SERVICE, OutputTables.ReferralDeprivation.IMD_BASIS,
        OutputTables.ReferralDeprivation.QUANTILE_TYPE)
        .forCounts(OutputTables.ReferralDeprivation.REFERRALS));
  }

  static YearMonth financialYearStart(YearMonth month) {
    int year = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    return YearMonth.of(year, 4);
  }
}
