package uk.pophealth.uptake;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.AcpUptake;

/**
 * The acp_uptake columns that come from another row of the table, made safe once disclosure control has decided
 * which rows are suppressed (it nulls only what derives from a row's own counts):
 * <ul>
 *   <li>parent_uptake and funnel_flag are null where the parent unit's row (same month and breakdown value) is
 *   suppressed: its uptake times its published register would give back its suppressed count;</li>
 *   <li>change_12m is taken again from the published uptake, so it is null where the month 12 earlier is
 *   suppressed ({@link AcpUptakeProduct#withChangeFrom12MonthsEarlier}).</li>
 * </ul>
 */
public final class UptakeWithholding {
  private static final String PARENT_SUPPRESSED = "__parent_suppressed";

  private UptakeWithholding() {}

  /** {@code disclosed}: the disclosure-controlled table, with the 12 months before the ones to publish. */
  public static Dataset<Row> apply(Dataset<Row> disclosed) {
    Dataset<Row> parents = disclosed.select(col(AcpUptake.PERIOD_END).as("__parent_end"),
        col(AcpUptake.GEOGRAPHY_LEVEL).as("__parent_level"), col(AcpUptake.GEOGRAPHY_CODE).as("__parent_code"),
        col(AcpUptake.BREAKDOWN).as("__parent_breakdown"), col(AcpUptake.BREAKDOWN_VALUE).as("__parent_value"),
        col(AcpUptake.SUPPRESSED).as(PARENT_SUPPRESSED));
    Dataset<Row> joined = disclosed.join(parents, col("__parent_end").equalTo(col(AcpUptake.PERIOD_END))
        .and(col("__parent_level").equalTo(col(AcpUptake.PARENT_LEVEL)))
        .and(col("__parent_code").equalTo(col(AcpUptake.PARENT_CODE)))
        .and(col("__parent_breakdown").equalTo(col(AcpUptake.BREAKDOWN)))
        .and(col("__parent_value").equalTo(col(AcpUptake.BREAKDOWN_VALUE))), "left");
    Column parentSuppressed = coalesce(col(PARENT_SUPPRESSED), lit(false));
    List<Column> columns = new ArrayList<>();
    for (String name : disclosed.columns()) {
      Column value = col(name);
      if (name.equals(AcpUptake.PARENT_UPTAKE) || name.equals(AcpUptake.FUNNEL_FLAG)) {
        value = when(parentSuppressed, lit(null).cast(disclosed.schema().apply(name).dataType())).otherwise(value);
      }
      columns.add(value.as(name));
    }
    return AcpUptakeProduct.withChangeFrom12MonthsEarlier(joined.select(columns.toArray(new Column[0])));
  }
}
