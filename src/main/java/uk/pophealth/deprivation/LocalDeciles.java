package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.RowBuilder;
import uk.pophealth.stats.DeprivationQuantiles;

/**
 * Local IMD deciles and quintiles: the LSOAs of each ICS re-ranked within it by their national IMD rank
 * ({@link DeprivationQuantiles#fromRanks}, phe_quantile). An ICS's membership changes when its footprint does, so
 * the footprint is first cut into epochs at every date any mapping starts or ends; within an epoch membership is
 * fixed, and local quantiles are assigned per (ICS, epoch). LSOAs without a national rank get none.
 */
final class LocalDeciles {
  private static final String EPOCH_START = "_epoch_start";
  private static final String EPOCH_END = "_epoch_end";
  private static final String NEXT_START = "_next_start";
  private static final StructType KEY = new StructType(new StructField[] {
      DataTypes.createStructField(GeographyTables.ICS_CODE, StringType, true),
      DataTypes.createStructField(GeographyTables.VALID_FROM, DateType, true)});
  private static final StructType RESULT = new StructType(new StructField[] {
      DataTypes.createStructField(Columns.LSOA, StringType, true),
      DataTypes.createStructField(GeographyTables.ICS_CODE, StringType, true),
      DataTypes.createStructField(GeographyTables.VALID_FROM, DateType, true),
      DataTypes.createStructField(Columns.LOCAL_DECILE, IntegerType, true),
      DataTypes.createStructField(Columns.LOCAL_QUINTILE, IntegerType, true)});

  private LocalDeciles() {}

  /**
   * The footprint cut into epochs (same columns, valid_from / valid_to now the epoch's) with
   * {@link Columns#LOCAL_DECILE} and {@link Columns#LOCAL_QUINTILE}.
   */
  static Dataset<Row> of(Dataset<Row> footprint, Dataset<Row> national) {
    Dataset<Row> starts = footprint.select(col(GeographyTables.VALID_FROM).as(EPOCH_START))
        .union(footprint.where(col(GeographyTables.VALID_TO).isNotNull())
            .select(date_add(col(GeographyTables.VALID_TO), 1).as(EPOCH_START)))
        .distinct();
    // Each epoch ends the day before the next start; the starts are few (footprint changes), so a self-join is cheap.
    Dataset<Row> later = starts.select(col(EPOCH_START).as(NEXT_START));
    Dataset<Row> epochs = starts.join(broadcast(later), col(NEXT_START).gt(col(EPOCH_START)), "left")
        .groupBy(col(EPOCH_START))
        .agg(date_sub(min(col(NEXT_START)), 1).as(EPOCH_END));
    Column covers = col(EPOCH_START).geq(col(GeographyTables.VALID_FROM))
        .and(col(GeographyTables.VALID_TO).isNull().or(col(EPOCH_START).leq(col(GeographyTables.VALID_TO))));
    Dataset<Row> segments = footprint.join(broadcast(epochs), covers)
        .withColumn(GeographyTables.VALID_FROM, col(EPOCH_START))
        .withColumn(GeographyTables.VALID_TO, col(EPOCH_END))
        .drop(EPOCH_START, EPOCH_END);
    Dataset<Row> ranked = segments.join(national.select(col(Columns.LSOA), col(Columns.IMD_RANK)),
            segments.col(LsoaHierarchy.LSOA_CODE).equalTo(col(Columns.LSOA)), "left")
        .select(segments.col(LsoaHierarchy.LSOA_CODE).as(Columns.LSOA), col(GeographyTables.ICS_CODE),
            col(GeographyTables.VALID_FROM), col(Columns.IMD_RANK));
    Dataset<Row> quantiles = ranked.groupByKey(new IcsEpoch(), Encoders.row(KEY))
        .flatMapGroups(new AssignLocal(), Encoders.row(RESULT));
    Column match = segments.col(LsoaHierarchy.LSOA_CODE).equalTo(quantiles.col(Columns.LSOA))
        .and(segments.col(GeographyTables.ICS_CODE).equalTo(quantiles.col(GeographyTables.ICS_CODE)))
        .and(segments.col(GeographyTables.VALID_FROM).equalTo(quantiles.col(GeographyTables.VALID_FROM)));
    return segments.join(quantiles, match, "left")
        .drop(quantiles.col(Columns.LSOA)).drop(quantiles.col(GeographyTables.ICS_CODE))
        .drop(quantiles.col(GeographyTables.VALID_FROM));
  }

  /** Executor-side: the (ICS, epoch start) a segment belongs to. */
  static final class IcsEpoch implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Row row) {
      return RowFactory.create(row.getAs(GeographyTables.ICS_CODE), row.getAs(GeographyTables.VALID_FROM));
    }
  }

  /** Executor-side: local deciles and quintiles of one ICS's LSOAs in one epoch, by phe_quantile on their ranks. */
  static final class AssignLocal implements FlatMapGroupsFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Row key, Iterator<Row> rows) {
      List<String> lsoas = new ArrayList<>();
      List<Double> rankList = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        lsoas.add(row.getAs(Columns.LSOA));
        Object rank = row.getAs(Columns.IMD_RANK);
        rankList.add(rank == null ? Double.NaN : ((Number) rank).doubleValue());
      }
      double[] ranks = rankList.stream().mapToDouble(Double::doubleValue).toArray();
      int[] deciles = DeprivationQuantiles.fromRanks(ranks, 10);
      int[] quintiles = DeprivationQuantiles.fromRanks(ranks, 5);
      List<Row> result = new ArrayList<>(lsoas.size());
      for (int i = 0; i < lsoas.size(); i++) {
        result.add(RowBuilder.of("local deciles", RESULT).set(Columns.LSOA, lsoas.get(i))
            .set(GeographyTables.ICS_CODE, key.get(KEY.fieldIndex(GeographyTables.ICS_CODE)))
            .set(GeographyTables.VALID_FROM, key.get(KEY.fieldIndex(GeographyTables.VALID_FROM)))
            .set(Columns.LOCAL_DECILE, orNull(deciles[i])).set(Columns.LOCAL_QUINTILE, orNull(quintiles[i])).build());
      }
      return result.iterator();
    }

    private static Integer orNull(int quantile) {
      return quantile == DeprivationQuantiles.NO_QUANTILE ? null : quantile;
    }
  }
}
