package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.config.JobConfig;
import uk.pophealth.deprivation.DeprivationInputs;
import uk.pophealth.deprivation.DeprivationOptions;
import uk.pophealth.deprivation.DeprivationResult;
import uk.pophealth.deprivation.FootprintColumns;
import uk.pophealth.deprivation.ReferralDeprivation;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;
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
        Optional.ofNullable(ingest.tableOrNull(InputTables.Population.NAME)),
        Optional.ofNullable(ingest.tableOrNull(InputTables.LsoaLookup.NAME)));
    DeprivationResult result = stage.run("referral_deprivation compute",
        () -> ReferralDeprivation.compute(spark, inputs, options));
    ReferralAdditivities.Nesting nesting = stage.run("referral footprint nesting", () -> nesting(inputs.lsoaFootprint()));
    Dataset<Row> deprivation = result.referralDeprivation().persist();
    stage.run("referral_deprivation publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralDeprivation.TABLE, deprivation, ReferralAdditivities.deprivation(nesting), manifest));
    stage.run("referral_inequality publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralInequality.TABLE, result.referralInequality(), ReferralAdditivities.inequality(nesting),
        manifest));
    stage.run("referral_lsoa_resolution publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralLsoaResolution.TABLE, result.lsoaResolution(), ReferralAdditivities.resolution(),
        manifest));
    deprivation.unpersist();
  }

  /**
   * Which places lie in one ICS, and districts in one place, over every interval of the LSOA footprint (one row
   * per place-ICS and district-place pair reaches the driver: grows with the geography, not the population).
   * Unknown nests in unknown: an LSOA outside the footprint has neither place nor ICS.
   */
  static ReferralAdditivities.Nesting nesting(Dataset<Row> footprint) {
    return new ReferralAdditivities.Nesting(
        singleParents(footprint, FootprintColumns.PLACE_CODE, FootprintColumns.ICS_CODE),
        singleParents(footprint, FootprintColumns.LAD_CODE, FootprintColumns.PLACE_CODE));
  }

  private static Map<String, String> singleParents(Dataset<Row> footprint, String child, String parent) {
    Map<String, Set<String>> parents = new HashMap<>();
    for (Row pair : footprint.select(col(child), col(parent)).distinct().collectAsList()) {
      parents.computeIfAbsent(pair.getString(0), k -> new HashSet<>()).add(pair.getString(1));
    }
    Map<String, String> single = new HashMap<>();
    parents.forEach((code, of) -> {
      if (of.size() == 1) {
        single.put(code, of.iterator().next());
      }
    });
    single.put(OutputTables.ReferralDeprivation.CODE_UNKNOWN, OutputTables.ReferralDeprivation.CODE_UNKNOWN);
    return single;
  }

  static YearMonth financialYearStart(YearMonth month) {
    int year = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    return YearMonth.of(year, 4);
  }
}
