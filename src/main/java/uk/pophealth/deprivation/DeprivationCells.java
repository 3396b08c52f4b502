package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;
import static uk.pophealth.schema.OutputTables.LOWER95;
import static uk.pophealth.schema.OutputTables.PERIOD_START;
import static uk.pophealth.schema.OutputTables.PERIOD_TYPE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.IMD_BASIS;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.IMD_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.IMD_QUANTILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.POPULATION;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.POPULATION_SOURCE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_TYPE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.RATE_PER_1000;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.REFERRALS;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.SERVICE_ALL;
import static uk.pophealth.schema.OutputTables.SERVICE;
import static uk.pophealth.schema.OutputTables.SUPPRESSED;
import static uk.pophealth.schema.OutputTables.UPPER95;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables;

/**
 * The referral_deprivation table: referral counts and population summed to every period x geography x service x
 * deprivation quantile, on the full grid (a quantile with population but no referrals has 0 referrals, not a
 * missing row; referrals with no population have an empty population and rate), with the rate per 1,000 and its
 * limits.
 */
final class DeprivationCells {
  private static final String REFERRAL_NAME = "_referral_name";
  private static final String POPULATION_NAME = "_population_name";
  private static final String RATE = "_rate";
  private static final List<String> JOIN_KEYS = List.of(PERIOD_TYPE, PERIOD_START,
      GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, SERVICE,
      IMD_BASIS, QUANTILE_TYPE, IMD_QUANTILE);

  private DeprivationCells() {}

  /**
   * @param referralCells per period, footprint, quantiles and {@code service}: {@link Columns#COUNT}
   * @param populationCells per period, footprint and quantiles: {@link Columns#COUNT}
   * @param periods {@link Periods#frame}
   * @param referralServices the distinct {@code service} values of the referrals
   */
  static Dataset<Row> of(Dataset<Row> referralCells, Dataset<Row> populationCells, Dataset<Row> periods,
      Dataset<Row> referralServices, boolean local, String populationSource) {
    Dataset<Row> referrals = QuantileRollup.rollUp(referralCells, local, SERVICE)
        .withColumnRenamed(Columns.COUNT, REFERRALS)
        .withColumnRenamed(GEOGRAPHY_NAME, REFERRAL_NAME);
    Dataset<Row> services = referralServices.select(col(SERVICE))
        .union(periods.select(lit(SERVICE_ALL).as(SERVICE)))
        .distinct();
    Dataset<Row> population = QuantileRollup.rollUp(populationCells, local)
        .withColumnRenamed(Columns.COUNT, POPULATION)
        .withColumnRenamed(GEOGRAPHY_NAME, POPULATION_NAME)
        .crossJoin(broadcast(services));
    Column quantile = col(IMD_QUANTILE);
    Column knownQuantile = when(quantile.equalTo(QuantileRollup.UNKNOWN_QUANTILE), lit(null)).otherwise(quantile);
    Dataset<Row> cells = referrals
        .join(population, JOIN_KEYS.toArray(new String[0]), "full_outer")
        .join(broadcast(periods), new String[] {PERIOD_TYPE, PERIOD_START})
        .withColumn(GEOGRAPHY_NAME, coalesce(col(REFERRAL_NAME), col(POPULATION_NAME)))
        .withColumn(REFERRALS, coalesce(col(REFERRALS), lit(0L)))
        .withColumn(IMD_QUANTILE, knownQuantile)
        .withColumn(IMD_DECILE,
            when(col(QUANTILE_TYPE).equalTo(QUANTILE_DECILE), knownQuantile))
        .withColumn(POPULATION_SOURCE, lit(populationSource))
        .withColumn(RATE, RateLimits.of(col(REFERRALS), col(POPULATION)))
        .withColumn(RATE_PER_1000, col(RATE).getField(RATE_PER_1000))
        .withColumn(LOWER95, col(RATE).getField(LOWER95))
        .withColumn(UPPER95, col(RATE).getField(UPPER95))
        .withColumn(SUPPRESSED, lit(false));
    return declared(cells, OutputTables.ReferralDeprivation.SCHEMA.schema());
  }

  /** The given columns, in the given order and types. */
  static Dataset<Row> selected(Dataset<Row> rows, StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(col(field.name()).cast(field.dataType()).as(field.name(), field.metadata()));
    }
    return rows.select(columns.toArray(new Column[0]));
  }

  /**
   * Exactly the declared schema, nullability and column metadata included (what the publish layer checks): the
   * selected columns passed through the declared row encoder.
   */
  static Dataset<Row> declared(Dataset<Row> rows, StructType schema) {
    // the encoder sets the nullability; the second select restores the column metadata the encoder drops
    return selected(selected(rows, schema).map(new AsDeclared(), Encoders.row(schema)), schema);
  }

  /** Executor-side: the row unchanged; its encoder carries the declared schema. */
  static final class AsDeclared implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Row row) {
      return row;
    }
  }
}
