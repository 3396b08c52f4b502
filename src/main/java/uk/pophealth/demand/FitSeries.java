package uk.pophealth.demand;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;

/**
 * Executor side: fits one series (all its months arrive as one group) and emits its month rows and accuracy rows
 * ({@link FitColumns}). Holds only the serializable options.
 */
final class FitSeries implements FlatMapGroupsFunction<String, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final DemandOptions options;
  private final boolean nonNegative;

  /** @param nonNegative true to clip forecasts and limits at zero (counts and register sizes) */
  FitSeries(DemandOptions options, boolean nonNegative) {
    this.options = requireNonNull(options, "options is null");
    this.nonNegative = nonNegative;
  }

  @Override
  public Iterator<Row> call(String key, Iterator<Row> rows) {
    return SeriesFit.rows(SeriesData.of(rows), options, nonNegative).iterator();
  }
}
