package uk.pophealth.deprivation;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.publication.FromPublished;
import uk.pophealth.publication.ProductTables;
import uk.pophealth.publication.PublishedTable;
import uk.pophealth.schema.OutputTables;

/**
 * What the referral deprivation product publishes, in order: referral_deprivation, referral_inequality and
 * referral_lsoa_resolution, each with the additive relations a reader could difference
 * ({@link ReferralAdditivities}) and its figures computed again from the published counts ({@link PublishedFigures});
 * referral_inequality's SII and rate ratio also against referral_deprivation's decile rows as published
 * ({@link InequalityWithholding}). The months run from the start of the financial year holding the first reporting
 * month, so that quarter and financial-year partitions are always recomputed whole (a scheduled single-month run
 * never replaces a full quarter by a partial one).
 */
public final class ReferralTables {
  private ReferralTables() {}

  /**
   * @param inputs the ingested tables and the LSOA footprint
   * @param options the options over the reporting months (widened here to whole financial years)
   * @param districtPlaceIcs every (district, place, ICS) link of the footprint, for the nesting of areas
   */
  public static ProductTables of(SparkSession spark, DeprivationInputs inputs, DeprivationOptions options,
      Set<List<String>> districtPlaceIcs) {
    DeprivationOptions wholeYears = new DeprivationOptions(Periods.financialYearStart(options.firstMonth()),
        options.lastMonth(), options.localDeciles(), options.targetShare(), options.siiRepetitions(),
        options.seed());
    DeprivationResult result = ReferralDeprivation.compute(spark, inputs, wholeYears);
    ReferralAdditivities.Nesting nesting = ReferralAdditivities.Nesting.of(districtPlaceIcs);
    Dataset<Row> deprivation = result.referralDeprivation().persist();
    return new ProductTables(List.of(
        PublishedTable.of(OutputTables.ReferralDeprivation.TABLE, deprivation,
            ReferralAdditivities.deprivation(nesting), FromPublished.of(PublishedFigures::deprivation)),
        PublishedTable.of(OutputTables.ReferralInequality.TABLE, result.referralInequality(),
            ReferralAdditivities.inequality(nesting), (controlled, earlier) -> InequalityWithholding.withhold(
                PublishedFigures.inequality(controlled), earlier.read(OutputTables.ReferralDeprivation.TABLE))),
        PublishedTable.of(OutputTables.ReferralLsoaResolution.TABLE, result.lsoaResolution(),
            ReferralAdditivities.resolution(), FromPublished.of(PublishedFigures::resolution))),
        List.of(deprivation));
  }

}
