package uk.pophealth.job;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.pophealth.demand.DemandInputs;
import uk.pophealth.demand.DemandTables;
import uk.pophealth.deprivation.DeprivationInputs;
import uk.pophealth.deprivation.ReferralTables;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.publication.ProductTables;
import uk.pophealth.schema.InputTables;
import uk.pophealth.uptake.AcpUptakeTables;

/**
 * The run's products, in publication order, each as its factory of published tables fed from the run's context.
 * Wiring only: what a product computes and may publish is decided in its own package. The demand forecast is last,
 * because its actuals share counts with acp_uptake and referral_inequality and take their suppression
 * ({@link CountsPublishedElsewhere}).
 */
final class Products {
  /** One product: its name (for the stage) and its factory. */
  record Product(String name, Function<RunInputs, ProductTables> tables) {}

  static final List<Product> ALL = List.of(
      new Product("acp_uptake", Products::acpUptake),
      new Product("referral_deprivation", Products::referralDeprivation),
      new Product("demand_forecast", Products::demandForecast));

  private Products() {}

  private static ProductTables acpUptake(RunInputs run) {
    RunOptions options = run.options();
    return AcpUptakeTables.of(run.register(), run.geography(), options.footprintBasis(), options.months());
  }

  private static ProductTables referralDeprivation(RunInputs run) {
    IngestResult ingest = run.ingest();
    if (!ingest.hasTable(InputTables.ServiceReferrals.NAME) && !ingest.hasTable(InputTables.SocialCareEvents.NAME)) {
      return ProductTables.skipped(
          "referral deprivation skipped: neither service_referrals nor social_care_events was given");
    }
    FootprintBasis basis = run.options().footprintBasis();
    DeprivationInputs inputs = new DeprivationInputs(
        ingest.tableOrEmpty(run.spark(), InputTables.SocialCareEvents.TABLE),
        ingest.tableOrEmpty(run.spark(), InputTables.ServiceReferrals.TABLE),
        ingest.table(InputTables.GpPatients.NAME),
        ingest.table(InputTables.LsoaDeprivation.NAME),
        run.geography().lsoaHierarchy(basis),
        Optional.ofNullable(ingest.tableOrNull(InputTables.Population.NAME)),
        Optional.ofNullable(ingest.tableOrNull(InputTables.LsoaLookup.NAME)));
    return ReferralTables.of(run.spark(), inputs, run.options().deprivation(),
        run.geography().districtPlaceIcs(basis));
  }

  private static ProductTables demandForecast(RunInputs run) {
    IngestResult ingest = run.ingest();
    DemandInputs inputs = new DemandInputs(run.geography(), ingest.table(InputTables.GpPatients.NAME),
        ingest.tableOrNull(InputTables.SocialCareEvents.NAME), ingest.tableOrNull(InputTables.ServiceReferrals.NAME),
        run.register(), ingest.tableOrNull(InputTables.Population.NAME), ingest.tableOrNull(InputTables.Capacity.NAME));
    RunOptions options = run.options();
    return DemandTables.of(run.spark(), inputs, options.demand().withHistory(
        YearMonth.parse(run.request().forecastHistoryFrom()), options.months().last()),
        run.request().config().disclosureControl(), options.footprintBasis());
  }
}
