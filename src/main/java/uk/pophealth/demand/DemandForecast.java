package uk.pophealth.demand;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.spark.JobLabel;

/**
 * The demand forecast product: monthly activity series per place, ICS and all areas (history re-based onto the
 * footprint in force at the end of the last month of history), forecast on the executors with the stats library
 * (ETS chosen by AICc, 80% and 95% intervals, rolling-origin backtest beside seasonal naive), reconciled so places
 * add up to their ICS and ICSs to the total (bottom-up or top-down, chosen per activity by backtest:
 * {@link Reconciliation}), with an optional demographic projection and capacity
 * utilisation. Counts are not disclosure-controlled here: under control, the run controls the series' actual rows
 * once and the models are fitted on them as published ({@link DemandTables}).
 */
public final class DemandForecast {
  private static final Logger LOG = LoggerFactory.getLogger(DemandForecast.class);
  private DemandForecast() {}

  /** The product from canonical input tables, every model fitted on the exact counts. */
  public static DemandResult compute(SparkSession spark, DemandInputs inputs, DemandOptions options) {
    return fit(spark, series(spark, inputs, options), null);
  }

  /**
   * The monthly series of every place, ICS and all areas over the history, before any model is fitted: the
   * product's first stage. Its actual rows ({@link DemandSeries#actualRows}) are what disclosure control publishes.
   */
  static DemandSeries series(SparkSession spark, DemandInputs inputs, DemandOptions options) {
    requireNonNull(spark, "spark is null");
    requireNonNull(inputs, "inputs is null");
    requireNonNull(options, "options is null");
    options.requireHistory();
    JobLabel label = JobLabel.save(spark);
    spark.sparkContext().setJobDescription("forecast: build monthly demand series");
    try {
      Dataset<Row> cachedFacts = placeFacts(inputs, rebasedBasis(options)).persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> facts = withShortPlan(spark, cachedFacts);
      Dataset<Row> grid = SeriesGrid.build(spark, facts, options.firstMonth(), options.lastMonth());
      return new DemandSeries(inputs, options, cachedFacts, facts, grid);
    } finally {
      label.restore();
    }
  }

  /**
   * Every model fitted, reconciled and shaped as the product's two tables.
   *
   * @param published the series' actual rows as disclosure control publishes them, for the models to be fitted on
   *     ({@link PublishedSeries}); null fits the exact counts
   */
  static DemandResult fit(SparkSession spark, DemandSeries demand, Dataset<Row> published) {
    DemandOptions options = demand.options();
    DemandInputs inputs = demand.inputs();
    JobLabel label = JobLabel.save(spark);
    try {
      Dataset<Row> series = published == null ? demand.grid() : PublishedSeries.of(demand.grid(), published);
      spark.sparkContext().setJobDescription("forecast: fit, forecast and backtest every series");
      Dataset<Row> fits = SeriesFitting.fit(spark, series, options, true);
      Dataset<Row> shortFits = withShortPlan(spark, fits);
      spark.sparkContext().setJobDescription("forecast: choose the reconciliation by backtest");
      // read twice (the choice, and forecast_accuracy at publish): small, one row per series
      Dataset<Row> scores = Reconciliation.scores(shortFits).persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> choice = Reconciliation.choose(scores);
      // one row per activity: logged, and kept so the choice is made once
      List<Row> choices = choice.collectAsList();
      choices.forEach(c -> LOG.info("Reconciliation of {}", Reconciliation.describe(c)));
      Dataset<Row> rows = Reconciliation.reconcile(OutputRows.monthRecords(shortFits),
          spark.createDataFrame(choices, choice.schema()));
      if (inputs.population() != null) {
        rows = DemographicProjection.add(rows, demand.facts(), inputs.population(), inputs.geography(),
            rebasedBasis(options), options.lastMonth());
      }
      if (inputs.capacity() != null) {
        rows = CapacityUtilisation.add(rows, inputs.capacity());
      }
      Dataset<Row> accuracy = OutputRows.accuracy(fits)
          .union(OutputRows.accuracyOf(Reconciliation.accuracy(scores, options.backtestHorizon())));
      return new DemandResult(OutputRows.demand(rows), accuracy, List.of(demand.cachedFacts(), fits, scores));
    } finally {
      label.restore();
    }
  }

  /** All history re-based onto the footprint in force at the end of the last month of history. */
  private static FootprintBasis rebasedBasis(DemandOptions options) {
    return FootprintBasis.rebasedTo(options.lastMonth().atEndOfMonth());
  }

  /**
   * Any monthly series an analyst brings ({@link AnalystSeries#read}): each forecast on its own, geography_level
   * "series", geography_code = series_id, activity "series"; values are not clipped at zero and a month missing
   * inside a series is missing, not zero.
   */
  public static DemandResult forecastSeries(SparkSession spark, Dataset<Row> series, DemandOptions options) {
    requireNonNull(spark, "spark is null");
    requireNonNull(series, "series is null");
    requireNonNull(options, "options is null");
    JobLabel label = JobLabel.save(spark);
    spark.sparkContext().setJobDescription("forecast: fit, forecast and backtest analyst series");
    try {
      Dataset<Row> fits = SeriesFitting.fit(spark, AnalystSeries.toSeries(series), options, false);
      return new DemandResult(OutputRows.demand(OutputRows.monthRecords(fits)), OutputRows.accuracy(fits),
          List.of(fits));
    } finally {
      label.restore();
    }
  }

  /**
   * The same rows as a frame whose logical plan is one leaf over the (cached) data. Reconciliation, projection and
   * capacity each join a frame with an aggregate of itself; Catalyst copies the whole plan into both sides, so
   * without this cut the plan doubles at every step down to the ingested files, and analysing it took minutes and
   * gigabytes on the sample. The RDD lineage is unchanged: a lost partition is still recomputed (from the cache,
   * else from the source), so this is not a checkpoint and needs no checkpoint directory. Only small, per-series
   * frames go through it (their rows are converted once).
   */
  private static Dataset<Row> withShortPlan(SparkSession spark, Dataset<Row> cached) {
    return spark.createDataFrame(cached.javaRDD(), cached.schema());
  }

  private static Dataset<Row> placeFacts(DemandInputs inputs, FootprintBasis basis) {
    Dataset<Row> located = null;
    Dataset<Row> events = EventFacts.of(inputs.socialCare(), inputs.referrals());
    if (events != null) {
      located = PersonLocation.attach(events, inputs.gpPatients());
    }
    if (inputs.register() != null) {
      Dataset<Row> register = RegisterFacts.of(inputs.register());
      located = located == null ? register : located.unionByName(register);
    }
    return PlaceResolution.toPlaces(located, PersonLocation.LSOA, PersonLocation.PRACTICE, inputs.geography(), basis);
  }
}
