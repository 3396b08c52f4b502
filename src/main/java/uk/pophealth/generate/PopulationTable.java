package uk.pophealth.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.Population;

/**
 * The population table, consistent with the generated people: for every year of the window, people registered
 * and alive on 30 June by LSOA, sex and age band (age = year - year of birth); then projections for the
 * {@code projectionYears} years after the extract year, growing the last estimate by the planted rate of its band.
 */
final class PopulationTable {
  private static final String BAND_INDEX = "band_index";
  private static final String GROWTH = "growth";
  private static final String OFFSET = "offset";

  private PopulationTable() {}

  static Dataset<Row> build(SparkSession spark, PersonTables tables, Timeline timeline, Planted planted) {
    int firstYear = timeline.firstMonth().getYear();
    int lastYear = timeline.extractYear();
    List<Row> years = new ArrayList<>();
    for (int y = firstYear; y <= lastYear; y++) {
      years.add(RowFactory.create(y, java.sql.Date.valueOf(java.time.LocalDate.of(y, 6, 30))));
    }
    Dataset<Row> midYears = spark.createDataFrame(years, new StructType().add(Population.YEAR, DataTypes.IntegerType)
        .add("mid_year", DataTypes.DateType));
    Column start = to_date(col(GpPatients.REGISTRATION_START));
    Column end = to_date(col(GpPatients.REGISTRATION_END));
    Column death = to_date(col(GpPatients.DATE_OF_DEATH));
    Column mid = col("mid_year");
    Column age = col(Population.YEAR).minus(col(GpPatients.YEAR_OF_BIRTH).cast(DataTypes.IntegerType));
    Column bandIndex = when(age.lt(65), 0).when(age.lt(75), 1).when(age.lt(85), 2).otherwise(3);
    Dataset<Row> estimates = tables.good(GeneratedTable.GP_PATIENTS).crossJoin(midYears)
        .filter(start.leq(mid).and(end.isNull().or(end.geq(mid))).and(death.isNull().or(death.gt(mid))))
        .withColumn(BAND_INDEX, bandIndex)
        .groupBy(col(GpPatients.LSOA_CODE).as(Population.AREA_CODE), col(Population.YEAR), col(GpPatients.SEX),
            col(BAND_INDEX))
        .agg(count(lit(1)).as(Population.POPULATION));
    List<Row> growth = new ArrayList<>();
    for (int b = 0; b < planted.ageBands().size(); b++) {
      growth.add(RowFactory.create(b, planted.ageBands().get(b), planted.projectionGrowthPerYear()[b]));
    }
    Dataset<Row> bands = spark.createDataFrame(growth, new StructType().add(BAND_INDEX, DataTypes.IntegerType)
        .add(Population.AGE_BAND, DataTypes.StringType).add(GROWTH, DataTypes.DoubleType));
    List<Row> offsets = new ArrayList<>();
    for (int k = 1; k <= planted.projectionYears(); k++) {
      offsets.add(RowFactory.create(k));
    }
    Dataset<Row> ahead = spark.createDataFrame(offsets, new StructType().add(OFFSET, DataTypes.IntegerType));
    Dataset<Row> banded = estimates.join(bands, BAND_INDEX);
    Dataset<Row> projected = banded.filter(col(Population.YEAR).equalTo(lastYear)).crossJoin(ahead)
        .withColumn(Population.YEAR, col(Population.YEAR).plus(col(OFFSET)))
        .withColumn(Population.POPULATION, round(col(Population.POPULATION)
            .multiply(pow(lit(1.0).plus(col(GROWTH)), col(OFFSET)))).cast(DataTypes.LongType));
    Column[] columns = {col(Population.AREA_CODE), col(Population.YEAR).cast(DataTypes.StringType).as(Population.YEAR),
        col(GpPatients.SEX).as(Population.SEX), col(Population.AGE_BAND),
        col(Population.POPULATION).cast(DataTypes.StringType).as(Population.POPULATION)};
    return banded.select(columns).union(projected.select(columns))
        .orderBy(col(Population.AREA_CODE), col(Population.YEAR).cast(DataTypes.IntegerType), col(Population.SEX),
            col(Population.AGE_BAND))
        .coalesce(1);
  }
}
