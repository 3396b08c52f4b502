package uk.pophealth.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.InputTables.Population;

/**
 * The population table, consistent with the generated people: for every year of the window, people registered
 * and alive on 30 June by LSOA, sex and age band (age = year - year of birth, counted by {@link PersonFacts});
 * then projections for the
 * {@code projectionYears} years after the extract year, growing the last estimate by the planted rate of its band.
 */
final class PopulationTable {
  private static final String GROWTH = "growth";
  private static final String OFFSET = "offset";

  private PopulationTable() {}

  /** Estimates (area_code, year int, sex, age_band, population long) plus projections, as string columns, sorted. */
  static Dataset<Row> build(SparkSession spark, Dataset<Row> estimates, Timeline timeline, Planted planted) {
    int lastYear = timeline.extractYear();
    List<Row> growth = new ArrayList<>();
    for (int b = 0; b < planted.ageBands().size(); b++) {
      growth.add(RowFactory.create(planted.ageBands().get(b), planted.projectionGrowthPerYear()[b]));
    }
    Dataset<Row> bands = spark.createDataFrame(growth, new StructType()
        .add(Population.AGE_BAND, DataTypes.StringType).add(GROWTH, DataTypes.DoubleType));
    List<Row> offsets = new ArrayList<>();
    for (int k = 1; k <= planted.projectionYears(); k++) {
      offsets.add(RowFactory.create(k));
    }
    Dataset<Row> ahead = spark.createDataFrame(offsets, new StructType().add(OFFSET, DataTypes.IntegerType));
    Dataset<Row> projected = estimates.filter(col(Population.YEAR).equalTo(lastYear)).join(bands, Population.AGE_BAND)
        .crossJoin(ahead)
        .withColumn(Population.YEAR, col(Population.YEAR).plus(col(OFFSET)))
        .withColumn(Population.POPULATION, round(col(Population.POPULATION)
            .multiply(pow(lit(1.0).plus(col(GROWTH)), col(OFFSET)))).cast(DataTypes.LongType));
    Column[] columns = {col(Population.AREA_CODE), col(Population.YEAR).cast(DataTypes.StringType).as(Population.YEAR),
        col(Population.SEX), col(Population.AGE_BAND),
        col(Population.POPULATION).cast(DataTypes.StringType).as(Population.POPULATION)};
    return estimates.select(columns).union(projected.select(columns))
        .orderBy(col(Population.AREA_CODE), col(Population.YEAR).cast(DataTypes.IntegerType), col(Population.SEX),
            col(Population.AGE_BAND))
        .coalesce(1);
  }
}
