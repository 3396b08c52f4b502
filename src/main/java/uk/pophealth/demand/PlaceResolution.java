package uk.pophealth.demand;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * Places facts on the re-based footprint: by LSOA (the resident footprint councils commission on) where the LSOA
 * resolves, else by practice (the registered footprint); facts neither resolves keep place and ICS "unknown", so
 * the total stays whole and nothing is lost. Then sums per place, activity, month and age band.
 */
final class PlaceResolution {
  private static final String PREFIX = "_by_lsoa_";
  private static final String[] CHAIN = {GeographyTables.PLACE_CODE, GeographyTables.PLACE_NAME,
      GeographyTables.ICS_CODE, GeographyTables.ICS_NAME};

  private PlaceResolution() {}

  /** @param facts rows with lsoa and practice columns (either may be null), activity, series_kind, month, age_band, value */
  static Dataset<Row> toPlaces(Dataset<Row> facts, String lsoaColumn, String practiceColumn,
      FootprintResolver geography, FootprintBasis basis) {
    Dataset<Row> byLsoa = geography.withLsoaFootprint(facts, lsoaColumn, DemandForecast.MONTH, basis);
    List<Column> renamed = new ArrayList<>();
    for (String column : byLsoa.columns()) {
      boolean lsoaAttribute = GeographyTables.LsoaHierarchy.ATTRIBUTES.contains(column);
      renamed.add(lsoaAttribute ? col(column).as(PREFIX + column) : col(column));
    }
    Dataset<Row> both = geography.withPracticeFootprint(byLsoa.select(renamed.toArray(new Column[0])), practiceColumn,
        DemandForecast.MONTH, basis);
    Column lsoaResolved = col(PREFIX + GeographyTables.PLACE_CODE).isNotNull();
    List<Column> out = new ArrayList<>();
    for (String part : CHAIN) {
      Column chosen = when(lsoaResolved, col(PREFIX + part)).otherwise(col(part));
      boolean isCode = part.equals(GeographyTables.PLACE_CODE) || part.equals(GeographyTables.ICS_CODE);
      out.add((isCode ? coalesce(chosen, lit(Activities.UNKNOWN)) : chosen).as(part));
    }
    for (String column : new String[] {OutputTables.ACTIVITY_NAME, DemandForecast.SERIES_KIND, DemandForecast.MONTH,
        FactColumns.AGE_BAND}) {
      out.add(col(column));
    }
    out.add(col(DemandForecast.VALUE));
    return both.select(out.toArray(new Column[0]))
        .groupBy(col(GeographyTables.PLACE_CODE), col(GeographyTables.ICS_CODE), col(OutputTables.ACTIVITY_NAME),
            col(DemandForecast.SERIES_KIND), col(DemandForecast.MONTH), col(FactColumns.AGE_BAND))
        .agg(max(col(GeographyTables.PLACE_NAME)).as(GeographyTables.PLACE_NAME),
            max(col(GeographyTables.ICS_NAME)).as(GeographyTables.ICS_NAME),
            sum(col(DemandForecast.VALUE)).as(DemandForecast.VALUE))
        .select(FactColumns.ALL[0], java.util.Arrays.copyOfRange(FactColumns.ALL, 1, FactColumns.ALL.length));
  }
}
