package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sums a count from fine cells (period x district, place, ICS x deprivation quantiles x extra keys) up to every
 * geography level (place, ICS, district, all) and every deprivation grouping (national deciles and quintiles, and
 * ICS-local ones when asked for), in one aggregation. An unknown quantile is {@link #UNKNOWN_QUANTILE} here, so
 * that cells join on it without null handling.
 */
final class QuantileRollup {
  static final int UNKNOWN_QUANTILE = 0;
  private static final String LEVEL = "_level";
  private static final String GROUPING = "_grouping";

  private QuantileRollup() {}

  static Dataset<Row> rollUp(Dataset<Row> fine, boolean local, String... extraKeys) {
    Column levels = array(
        level(DeprivationTables.PLACE, col(FootprintColumns.PLACE_CODE), col(FootprintColumns.PLACE_NAME)),
        level(DeprivationTables.ICS, col(FootprintColumns.ICS_CODE), col(FootprintColumns.ICS_NAME)),
        level(DeprivationTables.DISTRICT, col(FootprintColumns.LAD_CODE), col(FootprintColumns.LAD_CODE)),
        level(DeprivationTables.ALL, lit(DeprivationTables.ALL_CODE), lit(DeprivationTables.ALL_NAME)));
    Column decile = col(Columns.NATIONAL_DECILE);
    List<Column> groupings = new ArrayList<>(List.of(
        grouping(DeprivationTables.NATIONAL, DeprivationTables.DECILE, decile),
        grouping(DeprivationTables.NATIONAL, DeprivationTables.QUINTILE, ceil(decile.divide(2)))));
    if (local) {
      groupings.add(grouping(DeprivationTables.ICS_LOCAL, DeprivationTables.DECILE, col(Columns.LOCAL_DECILE)));
      groupings.add(grouping(DeprivationTables.ICS_LOCAL, DeprivationTables.QUINTILE, col(Columns.LOCAL_QUINTILE)));
    }
    List<Column> keys = new ArrayList<>(List.of(col(DeprivationTables.PERIOD_TYPE),
        col(DeprivationTables.PERIOD_START), col(LEVEL + "." + DeprivationTables.GEOGRAPHY_LEVEL)
            .as(DeprivationTables.GEOGRAPHY_LEVEL),
        col(LEVEL + "." + DeprivationTables.GEOGRAPHY_CODE).as(DeprivationTables.GEOGRAPHY_CODE)));
    for (String extra : extraKeys) {
      keys.add(col(extra));
    }
    keys.add(col(GROUPING + "." + DeprivationTables.IMD_BASIS).as(DeprivationTables.IMD_BASIS));
    keys.add(col(GROUPING + "." + DeprivationTables.QUANTILE_TYPE).as(DeprivationTables.QUANTILE_TYPE));
    keys.add(col(GROUPING + "." + DeprivationTables.IMD_QUANTILE).as(DeprivationTables.IMD_QUANTILE));
    return fine
        .withColumn(LEVEL, explode(levels))
        .withColumn(GROUPING, explode(array(groupings.toArray(new Column[0]))))
        .groupBy(keys.toArray(new Column[0]))
        .agg(sum(col(Columns.COUNT)).as(Columns.COUNT),
            max(col(LEVEL + "." + DeprivationTables.GEOGRAPHY_NAME)).as(DeprivationTables.GEOGRAPHY_NAME));
  }

  private static Column level(String level, Column code, Column name) {
    return struct(lit(level).as(DeprivationTables.GEOGRAPHY_LEVEL), code.as(DeprivationTables.GEOGRAPHY_CODE),
        name.as(DeprivationTables.GEOGRAPHY_NAME));
  }

  private static Column grouping(String basis, String type, Column quantile) {
    return struct(lit(basis).as(DeprivationTables.IMD_BASIS), lit(type).as(DeprivationTables.QUANTILE_TYPE),
        coalesce(quantile.cast("int"), lit(UNKNOWN_QUANTILE)).as(DeprivationTables.IMD_QUANTILE));
  }
}
