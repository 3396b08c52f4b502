package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;
import static uk.pophealth.schema.OutputTables.LEVEL_ALL;
import static uk.pophealth.schema.OutputTables.LEVEL_DISTRICT;
import static uk.pophealth.schema.OutputTables.LEVEL_ICS;
import static uk.pophealth.schema.OutputTables.LEVEL_PLACE;
import static uk.pophealth.schema.OutputTables.PERIOD_START;
import static uk.pophealth.schema.OutputTables.PERIOD_TYPE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.BASIS_ICS_LOCAL;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.BASIS_NATIONAL;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.CODE_ALL;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.IMD_BASIS;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.IMD_QUANTILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.NAME_ALL;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_QUINTILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_TYPE;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;

/**
 * Sums a count from fine cells (period x district, place, ICS x deprivation quantiles x extra keys) up to every
 * geography level (place, ICS, district, all) and every deprivation grouping (national deciles and quintiles, and
 * ICS-local ones when asked for), in one aggregation; each area's name per period beside it. An unknown quantile
 * is {@link #UNKNOWN_QUANTILE} here, so that cells join on it without null handling.
 */
final class QuantileRollup {
  static final int UNKNOWN_QUANTILE = 0;
  private static final String LEVEL = "_level";
  private static final String GROUPING = "_grouping";
  private static final String NAME_PREFIX = "_name_";
  private static final List<String> NAME_KEYS = List.of(PERIOD_TYPE, PERIOD_START, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE);

  private QuantileRollup() {}

  static Dataset<Row> rollUp(Dataset<Row> fine, boolean local, String... extraKeys) {
    Column levels = array(
        level(LEVEL_PLACE, col(GeographyTables.PLACE_CODE), col(GeographyTables.PLACE_NAME)),
        level(LEVEL_ICS, col(GeographyTables.ICS_CODE), col(GeographyTables.ICS_NAME)),
        level(LEVEL_DISTRICT, col(LsoaHierarchy.LAD_CODE), col(LsoaHierarchy.LAD_CODE)),
        level(LEVEL_ALL, lit(CODE_ALL), lit(NAME_ALL)));
    Column decile = col(Columns.NATIONAL_DECILE);
    List<Column> groupings = new ArrayList<>(List.of(
        grouping(BASIS_NATIONAL, QUANTILE_DECILE, decile),
        grouping(BASIS_NATIONAL, QUANTILE_QUINTILE, ceil(decile.divide(2)))));
    if (local) {
      groupings.add(grouping(BASIS_ICS_LOCAL, QUANTILE_DECILE, col(Columns.LOCAL_DECILE)));
      groupings.add(grouping(BASIS_ICS_LOCAL, QUANTILE_QUINTILE, col(Columns.LOCAL_QUINTILE)));
    }
    List<Column> keys = new ArrayList<>(List.of(col(PERIOD_TYPE),
        col(PERIOD_START), col(LEVEL + "." + GEOGRAPHY_LEVEL)
            .as(GEOGRAPHY_LEVEL),
        col(LEVEL + "." + GEOGRAPHY_CODE).as(GEOGRAPHY_CODE)));
    for (String extra : extraKeys) {
      keys.add(col(extra));
    }
    keys.add(col(GROUPING + "." + IMD_BASIS).as(IMD_BASIS));
    keys.add(col(GROUPING + "." + QUANTILE_TYPE).as(QUANTILE_TYPE));
    keys.add(col(GROUPING + "." + IMD_QUANTILE).as(IMD_QUANTILE));
    Dataset<Row> exploded = fine.withColumn(LEVEL, explode(levels));
    Dataset<Row> counts = exploded
        .withColumn(GROUPING, explode(array(groupings.toArray(new Column[0]))))
        .groupBy(keys.toArray(new Column[0]))
        .agg(sum(col(Columns.COUNT)).as(Columns.COUNT));
    // null-safe: an area outside the footprint has a null code, and its cells keep their rows
    Dataset<Row> names = names(exploded);
    Column same = lit(true);
    for (String key : NAME_KEYS) {
      same = same.and(counts.col(key).eqNullSafe(names.col(NAME_PREFIX + key)));
    }
    List<Column> kept = new ArrayList<>();
    for (String column : counts.columns()) {
      kept.add(counts.col(column));
    }
    kept.add(names.col(GEOGRAPHY_NAME));
    return counts.join(broadcast(names), same, "left").select(kept.toArray(new Column[0]));
  }

  /**
   * Each area's name per period: the largest of its fine rows' names. Taken apart from the counts because an
   * aggregate of a string has Spark sort its input (no hash aggregate with a string buffer): here that input is
   * the few distinct (period, area, name) rows, not every exploded cell.
   */
  private static Dataset<Row> names(Dataset<Row> exploded) {
    return exploded
        .select(col(PERIOD_TYPE).as(NAME_PREFIX + PERIOD_TYPE), col(PERIOD_START).as(NAME_PREFIX + PERIOD_START),
            col(LEVEL + "." + GEOGRAPHY_LEVEL).as(NAME_PREFIX + GEOGRAPHY_LEVEL),
            col(LEVEL + "." + GEOGRAPHY_CODE).as(NAME_PREFIX + GEOGRAPHY_CODE),
            col(LEVEL + "." + GEOGRAPHY_NAME).as(GEOGRAPHY_NAME))
        .distinct()
        .groupBy(NAME_KEYS.stream().map(k -> col(NAME_PREFIX + k)).toArray(Column[]::new))
        .agg(max(col(GEOGRAPHY_NAME)).as(GEOGRAPHY_NAME));
  }

  private static Column level(String level, Column code, Column name) {
    return struct(lit(level).as(GEOGRAPHY_LEVEL), code.as(GEOGRAPHY_CODE),
        name.as(GEOGRAPHY_NAME));
  }

  private static Column grouping(String basis, String type, Column quantile) {
    return struct(lit(basis).as(IMD_BASIS), lit(type).as(QUANTILE_TYPE),
        coalesce(quantile.cast("int"), lit(UNKNOWN_QUANTILE)).as(IMD_QUANTILE));
  }
}
