package uk.pophealth.uptake;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.Projection;

/**
 * acp_uptake's figures computed again from the counts as published, once disclosure control has suppressed and
 * rounded them (as NHS Digital's disclosure method computes percentages from the rounded numerator and
 * denominator): the uptake and its Wilson limits from the row's published counts, the parent uptake as the parent
 * row's published uptake, the funnel flag against it, and change_12m from the published uptakes
 * ({@link AcpUptakeProduct#withChangeFrom12MonthsEarlier}). From the exact counts an uptake with its limits gave the
 * exact counts back, which voids the rounding; and disclosure control nulls only what derives from a row's own
 * counts, so a suppressed parent's uptake times its published register gave its count back, as did a change against
 * a suppressed month. Without disclosure control the counts are exact and so is every figure.
 */
public final class PublishedUptake {
  private static final String PARENT_PUBLISHED = "__parent_uptake";

  private PublishedUptake() {}

  /** {@code disclosed}: the disclosure-controlled table, with the 12 months before the ones to publish. */
  public static Dataset<Row> of(Dataset<Row> disclosed) {
    String[] columns = disclosed.columns();
    Dataset<Row> uptake = disclosed.withColumn(AcpUptake.UPTAKE,
        col(AcpUptake.WITH_ACP).divide(col(AcpUptake.REGISTER)));
    Dataset<Row> parents = uptake.select(col(AcpUptake.PERIOD_END).as("__parent_end"),
        col(OutputTables.GEOGRAPHY_LEVEL).as("__parent_level"), col(OutputTables.GEOGRAPHY_CODE).as("__parent_code"),
        col(AcpUptake.BREAKDOWN).as("__parent_breakdown"), col(AcpUptake.BREAKDOWN_VALUE).as("__parent_value"),
        col(AcpUptake.UPTAKE).as(PARENT_PUBLISHED));
    Dataset<Row> withParent = uptake.join(parents, col("__parent_end").equalTo(col(AcpUptake.PERIOD_END))
            .and(col("__parent_level").equalTo(col(AcpUptake.PARENT_LEVEL)))
            .and(col("__parent_code").equalTo(col(OutputTables.PARENT_CODE)))
            .and(col("__parent_breakdown").equalTo(col(AcpUptake.BREAKDOWN)))
            .and(col("__parent_value").equalTo(col(AcpUptake.BREAKDOWN_VALUE))), "left")
        .withColumn(AcpUptake.PARENT_UPTAKE, col(PARENT_PUBLISHED));
    Dataset<Row> figures = AcpUptakeProduct.withChangeFrom12MonthsEarlier(UptakeIntervals.add(withParent));
    return Projection.replacing(figures, columns, Map.of());
  }
}
