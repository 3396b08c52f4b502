package uk.pophealth.demand;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The demand product's first stage: every monthly series of the history, before any model is fitted
 * ({@link DemandForecast#series}).
 *
 * @param inputs      the product's inputs
 * @param options     the product's options over the whole history
 * @param cachedFacts the located facts, persisted (released with the fitted result)
 * @param facts       the same facts, on a short plan
 * @param grid        the series ({@link SeriesColumns}): every area, activity and month, zeros filled
 */
record DemandSeries(DemandInputs inputs, DemandOptions options, Dataset<Row> cachedFacts, Dataset<Row> facts,
    Dataset<Row> grid) {
  /** demand_forecast's actual rows of the series, exact counts: what disclosure control publishes. */
  Dataset<Row> actualRows() {
    return PublishedSeries.actualRows(grid, options.lastMonth());
  }
}
