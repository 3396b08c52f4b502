package uk.pophealth.uptake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.OutputTables.AcpUptake.FUNNEL_FLAG;
import static uk.pophealth.schema.OutputTables.AcpUptake.LOWER998;
import static uk.pophealth.schema.OutputTables.AcpUptake.PARENT_UPTAKE;
import static uk.pophealth.schema.OutputTables.AcpUptake.REGISTER;
import static uk.pophealth.schema.OutputTables.AcpUptake.UPPER998;
import static uk.pophealth.schema.OutputTables.AcpUptake.WITH_ACP;
import static uk.pophealth.schema.OutputTables.LOWER95;
import static uk.pophealth.schema.OutputTables.UPPER95;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.RowBuilder;
import uk.pophealth.stats.FunnelSignificance;
import uk.pophealth.stats.ProportionFunnel;
import uk.pophealth.stats.ProportionInterval;
import uk.pophealth.stats.WilsonInterval;

/**
 * Adds the Wilson 95% and 99.8% limits and the funnel label to each row, calling the plain-Java statistics
 * per row (the per-group figures are small: two counts and the parent's proportion).
 */
final class UptakeIntervals {
  private static final String RESULT_NAME = "acp_uptake intervals";
  private static final StructType RESULT = new StructType(new StructField[] {
      DataTypes.createStructField(LOWER95, DoubleType, true),
      DataTypes.createStructField(UPPER95, DoubleType, true),
      DataTypes.createStructField(LOWER998, DoubleType, true),
      DataTypes.createStructField(UPPER998, DoubleType, true),
      DataTypes.createStructField(FUNNEL_FLAG, StringType, true)});

  private UptakeIntervals() {}

  static Dataset<Row> add(Dataset<Row> counts) {
    // Non-deterministic only so the optimiser calls it once per row instead of once per extracted field.
    UserDefinedFunction intervals = udf(new Compute(), RESULT).asNondeterministic();
    return counts
        .withColumn("_s", intervals.apply(col(WITH_ACP), col(REGISTER),
            col(PARENT_UPTAKE)))
        .withColumn(LOWER95, col("_s." + LOWER95))
        .withColumn(UPPER95, col("_s." + UPPER95))
        .withColumn(LOWER998, col("_s." + LOWER998))
        .withColumn(UPPER998, col("_s." + UPPER998))
        .withColumn(FUNNEL_FLAG, col("_s." + FUNNEL_FLAG))
        .drop("_s");
  }

  /** Executor-side: Wilson limits and funnel label from (with_acp, register, parent_uptake). */
  static final class Compute implements UDF3<Long, Long, Double, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Long withAcp, Long register, Double parentUptake) {
      if (withAcp == null || register == null || register == 0) {
        return RowBuilder.of(RESULT_NAME, RESULT).build();
      }
      Optional<ProportionInterval> i95 = WilsonInterval.of(withAcp, register, 0.95);
      Optional<ProportionInterval> i998 = WilsonInterval.of(withAcp, register, 0.998);
      String flag = null;
      if (parentUptake != null) {
        FunnelSignificance significance = ProportionFunnel.around(parentUptake).significance(withAcp, register);
        flag = significance.label();
      }
      return RowBuilder.of(RESULT_NAME, RESULT)
          .set(LOWER95, i95.map(ProportionInterval::lower).orElse(null))
          .set(UPPER95, i95.map(ProportionInterval::upper).orElse(null))
          .set(LOWER998, i998.map(ProportionInterval::lower).orElse(null))
          .set(UPPER998, i998.map(ProportionInterval::upper).orElse(null)).set(FUNNEL_FLAG, flag).build();
    }
  }
}
