package uk.pophealth.job;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.deprivation.DeprivationInputs;
import uk.pophealth.deprivation.DeprivationOptions;
import uk.pophealth.deprivation.DeprivationResult;
import uk.pophealth.deprivation.PublishedFigures;
import uk.pophealth.deprivation.ReferralDeprivation;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.publish.WrittenTable;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTables;

/**
 * Computes and publishes referral_deprivation, referral_inequality and referral_lsoa_resolution. The range
 * starts at the financial year holding the first reporting month, so that quarter and financial-year partitions
 * are always recomputed whole (a scheduled single-month run never replaces a full quarter by a partial one).
 */
final class ReferralDeprivationStep {
  private ReferralDeprivationStep() {}

  static void run(SparkSession spark, IngestResult ingest, FootprintResolver geography, RunOptions run,
      Stage stage, TableWriter writer, DisclosureControl disclosure, RunManifest.Builder manifest,
      CountsPublishedElsewhere elsewhere) {
    ReportingMonths months = run.months();
    FootprintBasis basis = run.footprintBasis();
    if (!ingest.hasTable(InputTables.ServiceReferrals.NAME) && !ingest.hasTable(InputTables.SocialCareEvents.NAME)) {
      manifest.warning("referral deprivation skipped: neither service_referrals nor social_care_events was given");
      return;
    }
    DeprivationOptions configured = run.deprivation();
    DeprivationOptions options = new DeprivationOptions(financialYearStart(months.first()), months.last(),
        configured.localDeciles(), configured.targetShare(), configured.siiRepetitions(), configured.seed());
    DeprivationInputs inputs = new DeprivationInputs(
        ingest.tableOrEmpty(spark, InputTables.SocialCareEvents.TABLE),
        ingest.tableOrEmpty(spark, InputTables.ServiceReferrals.TABLE),
        ingest.table(InputTables.GpPatients.NAME),
        ingest.table(InputTables.LsoaDeprivation.NAME),
        geography.lsoaHierarchy(basis),
        Optional.ofNullable(ingest.tableOrNull(InputTables.Population.NAME)),
        Optional.ofNullable(ingest.tableOrNull(InputTables.LsoaLookup.NAME)));
    DeprivationResult result = stage.run("referral_deprivation compute",
        () -> ReferralDeprivation.compute(spark, inputs, options));
    ReferralAdditivities.Nesting nesting = nesting(geography.districtPlaceIcs(basis));
    Dataset<Row> deprivation = result.referralDeprivation().persist();
    // rates and shares from the counts as published (PublishedFigures); the SII and the rate ratio against the
    // decile rows of the table just written (InequalityWithholding)
    WrittenTable deciles = stage.run("referral_deprivation publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralDeprivation.TABLE, deprivation, ReferralAdditivities.deprivation(nesting),
        PublishedFigures::deprivation, manifest));
    stage.run("referral_inequality publish", () -> RunJob.publish(writer, disclosure, new Publication(
        OutputTables.ReferralInequality.TABLE, result.referralInequality(), ReferralAdditivities.inequality(nesting),
        disclosed -> InequalityWithholding.withhold(PublishedFigures.inequality(disclosed),
            spark.read().schema(OutputTables.ReferralDeprivation.SCHEMA.schema()).parquet(deciles.location())),
        List.of(), controlled -> elsewhere.addInequality(controlled.cells())), manifest));
    stage.run("referral_lsoa_resolution publish", () -> RunJob.publish(writer, disclosure,
        OutputTables.ReferralLsoaResolution.TABLE, result.lsoaResolution(), ReferralAdditivities.resolution(),
        PublishedFigures::resolution, manifest));
    deprivation.unpersist();
  }

  /**
   * Which places lie in one ICS, and districts in one place, over every interval of the footprint. Unknown nests in
   * unknown: an LSOA outside the footprint has neither place nor ICS.
   *
   * @param links (district, place, ICS) triples
   */
  static ReferralAdditivities.Nesting nesting(Set<List<String>> links) {
    return new ReferralAdditivities.Nesting(singleParents(links, 1, 2), singleParents(links, 0, 1));
  }

  private static Map<String, String> singleParents(Set<List<String>> links, int child, int parent) {
    Map<String, Set<String>> parents = new HashMap<>();
    for (List<String> link : links) {
      parents.computeIfAbsent(link.get(child), k -> new HashSet<>()).add(link.get(parent));
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
