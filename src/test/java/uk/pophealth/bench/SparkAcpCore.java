package uk.pophealth.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.cohort.DementiaRegister;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.geography.GeographyInputs;
import uk.pophealth.schema.GeographyTables.PracticeHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;

/**
 * The ACP uptake core on Spark, through the product's own code: {@link DementiaRegister} (no look-back, no
 * breakdowns) and {@link FootprintResolver} (footprint in force at each month end), then one groupBy over the
 * person-month rows exploded into their practice, PCN, place and ICS.
 */
final class SparkAcpCore {
  private SparkAcpCore() {}

  static Dataset<Row> counts(SparkSession spark, String dir, ReportingMonths months) {
    ParquetInputs inputs = new ParquetInputs(spark, dir);
    Dataset<Row> register = new DementiaRegister(months, null).build(inputs.read(GpPatients.TABLE),
        inputs.read(GpEvents.TABLE), inputs.read(Codelists.TABLE), null, null);
    FootprintResolver geography = FootprintResolver.build(spark, new GeographyInputs(inputs.read(Practices.TABLE),
        inputs.read(PcnMembership.TABLE), inputs.read(Footprints.TABLE), inputs.read(LsoaDeprivation.TABLE)));
    Dataset<Row> placed = geography.withPracticeFootprint(register, CohortColumns.PRACTICE_CODE,
        CohortColumns.PERIOD_END, FootprintBasis.AT_EACH_DATE);
    Column levels = array(
        level(CoreCount.LEVELS.get(0), col(CohortColumns.PRACTICE_CODE)),
        level(CoreCount.LEVELS.get(1), col(PracticeHierarchy.PCN_CODE)),
        level(CoreCount.LEVELS.get(2), col(GeographyTables.PLACE_CODE)),
        level(CoreCount.LEVELS.get(3), col(GeographyTables.ICS_CODE)));
    return placed.select(col(CohortColumns.PERIOD_END), col(CohortColumns.HAS_ACP), explode(levels).as("_unit"))
        .groupBy(col(CohortColumns.PERIOD_END), col("_unit." + CoreCount.LEVEL).as(CoreCount.LEVEL),
            col("_unit." + CoreCount.CODE).as(CoreCount.CODE))
        .agg(count(lit(1)).as(CoreCount.REGISTER),
            sum(when(col(CohortColumns.HAS_ACP), lit(1L)).otherwise(lit(0L))).as(CoreCount.WITH_ACP));
  }

  /** Collects the (small, aggregated) counts on the driver. */
  static List<CoreCount> collect(Dataset<Row> counts) {
    List<CoreCount> out = new ArrayList<>();
    for (Row row : counts.collectAsList()) {
      out.add(new CoreCount(row.getDate(0).toLocalDate(), row.getString(1), row.getString(2), row.getLong(3),
          row.getLong(4)));
    }
    return CoreCount.sorted(out);
  }

  private static Column level(String level, Column code) {
    return struct(lit(level).as(CoreCount.LEVEL), coalesce(code, lit(CoreCount.UNKNOWN)).as(CoreCount.CODE));
  }
}
