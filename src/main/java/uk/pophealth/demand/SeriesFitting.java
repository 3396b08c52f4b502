package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Fits every series on the executors, one group per series: the series rows are hash-partitioned on the series key
 * into a fixed number of tasks (an explicit repartition, which adaptive execution does not coalesce: the work is
 * CPU per series, not bytes), grouped by that key ({@code groupBy(key).as(..)}, a KeyValueGroupedDataset already
 * clustered, so no second shuffle) and handed to {@link FitSeries} through flatMapGroups. Nothing is collected to the
 * driver. The result is persisted: both output tables read it.
 */
final class SeriesFitting {
  /** Tasks per core when the options leave the number of partitions to the cluster. */
  static final int TASKS_PER_CORE = 3;

  private SeriesFitting() {}

  static Dataset<Row> fit(SparkSession spark, Dataset<Row> series, DemandOptions options, boolean nonNegative) {
    int partitions = options.partitions() > 0 ? options.partitions()
        : TASKS_PER_CORE * spark.sparkContext().defaultParallelism();
    Column key = col(SeriesColumns.SERIES_KEY);
    Dataset<Row> fits = series.select(Arrays.stream(SeriesColumns.SCHEMA.fieldNames()).map(c -> col(c))
            .toArray(Column[]::new))
        .repartition(partitions, key)
        .groupBy(key).as(Encoders.STRING(), Encoders.row(SeriesColumns.SCHEMA))
        .flatMapGroups(new FitSeries(options, nonNegative), Encoders.row(FitColumns.SCHEMA));
    return fits.persist(StorageLevel.MEMORY_AND_DISK());
  }
}
