package uk.pophealth.uptake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.stats.ProportionFunnel;
import uk.pophealth.stats.WilsonInterval;
import uk.pophealth.testing.SharedSpark;

/** Uptake aggregation on a hand-built register: counts, parent averages, 12-month change and limits by hand. */
class AcpUptakeProductTest {
  private static Dataset<Row> uptake;

  @BeforeAll
  static void compute() {
    StructType schema = CohortColumns.REGISTER.schema()
        .add("practice_name", DataTypes.StringType).add("pcn_code", DataTypes.StringType)
        .add("pcn_name", DataTypes.StringType).add("place_code", DataTypes.StringType)
        .add("place_name", DataTypes.StringType).add("ics_code", DataTypes.StringType)
        .add("ics_name", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    // 2023-03-31: practice P1 (PCN N1) 40 people, 10 with ACP; P2 (N1) 60 people, 30 with ACP; P3 (N2) 100, 20.
    addPeople(rows, "2023-03-31", "P1", "N1", 40, 10);
    addPeople(rows, "2023-03-31", "P2", "N1", 60, 30);
    addPeople(rows, "2023-03-31", "P3", "N2", 100, 20);
    // 2022-03-31: P1 only, 50 people, 5 with ACP.
    addPeople(rows, "2022-03-31", "P1", "N1", 50, 5);
    uptake = AcpUptakeProduct.compute(SharedSpark.spark().createDataFrame(rows, schema)).cache();
  }

  private static void addPeople(List<Row> rows, String periodEnd, String practice, String pcn, int people, int withAcp) {
    for (int i = 0; i < people; i++) {
      rows.add(RowFactory.create(practice + "-" + periodEnd + "-" + i, Date.valueOf(periodEnd), practice, 1940,
          i % 2 == 0 ? "F" : "M", "L1", "75-84", 3, i < 5, i < withAcp,
          practice + " Surgery", pcn, pcn + " PCN", "PL1", "Place One", "ICS1", "ICS One"));
    }
  }

  private static Row row(String period, String level, String code, String breakdown, String value) {
    return uptake.filter(String.format("period_end = date'%s' and geography_level = '%s' and geography_code = '%s'"
        + " and breakdown = '%s' and breakdown_value = '%s'", period, level, code, breakdown, value)).first();
  }

  @Test
  void countsRollUpThroughTheLevels() {
    Row p1 = row("2023-03-31", "practice", "P1", "none", "all");
    assertEquals(40L, (long) p1.getAs("register"));
    assertEquals(10L, (long) p1.getAs("with_acp"));
    Row n1 = row("2023-03-31", "pcn", "N1", "none", "all");
    assertEquals(100L, (long) n1.getAs("register"));
    assertEquals(40L, (long) n1.getAs("with_acp"));
    Row all = row("2023-03-31", "all", "all", "none", "all");
    assertEquals(200L, (long) all.getAs("register"));
    assertEquals(60L, (long) all.getAs("with_acp"));
    Row females = row("2023-03-31", "ics", "ICS1", "sex", "F");
    assertEquals(100L, (long) females.getAs("register"));
    Row known = row("2023-03-31", "practice", "P3", "social_care", "yes");
    assertEquals(5L, (long) known.getAs("register"));
  }

  @Test
  void parentUptakeAndFunnelFlagComeFromTheParentUnit() {
    Row p2 = row("2023-03-31", "practice", "P2", "none", "all");
    assertEquals(0.4, (double) p2.getAs("parent_uptake"), 1e-12);
    String expected = ProportionFunnel.around(0.4).significance(30, 60).label();
    assertEquals(expected, p2.getAs("funnel_flag"));
    Row n2 = row("2023-03-31", "pcn", "N2", "none", "all");
    assertEquals(0.3, (double) n2.getAs("parent_uptake"), 1e-12); // place PL1: 60 / 200
    assertNull(row("2023-03-31", "all", "all", "none", "all").getAs("funnel_flag"));
    // the top level has no parent: the sibling window would otherwise give it its own uptake
    assertNull(row("2023-03-31", "all", "all", "none", "all").getAs("parent_uptake"));
  }

  @Test
  void wilsonLimitsAndTwelveMonthChange() {
    Row p1 = row("2023-03-31", "practice", "P1", "none", "all");
    assertEquals(0.25, (double) p1.getAs("uptake"), 1e-12);
    assertEquals(WilsonInterval.of(10, 40, 0.95).orElseThrow().lower(), (double) p1.getAs("lower95"), 1e-12);
    assertEquals(WilsonInterval.of(10, 40, 0.998).orElseThrow().upper(), (double) p1.getAs("upper998"), 1e-12);
    assertEquals(0.25 - 0.10, (double) p1.getAs("change_12m"), 1e-12);
    assertNull(row("2023-03-31", "practice", "P2", "none", "all").getAs("change_12m"));
    assertTrue((double) p1.getAs("lower95") < 0.25 && (double) p1.getAs("upper95") > 0.25);
  }

  /** Run on a published table: no change against a month whose uptake was withheld (suppressed). */
  @Test
  void twelveMonthChangeIsNullWhereTheEarlierUptakeIsWithheld() {
    Dataset<Row> withheld = uptake.withColumn("uptake", functions.when(functions.col("period_end")
        .equalTo(functions.lit(Date.valueOf("2022-03-31"))), functions.lit(null).cast(DataTypes.DoubleType))
        .otherwise(functions.col("uptake")));
    Dataset<Row> again = AcpUptakeProduct.withChangeFrom12MonthsEarlier(withheld);
    String p1 = "period_end = date'2023-03-31' and geography_level = 'practice' and geography_code = 'P1' "
        + "and breakdown = 'none'";
    assertNull(again.filter(p1).first().getAs("change_12m"));
    assertEquals(0.25 - 0.10, (double) AcpUptakeProduct.withChangeFrom12MonthsEarlier(uptake).filter(p1).first()
        .getAs("change_12m"), 1e-12);
  }

  @Test
  void aSuppressedParentsUptakeAndTheFunnelFlagAgainstItAreWithheld() {
    Column n1 = functions.expr("geography_level = 'pcn' and geography_code = 'N1'");
    Column nullLong = functions.lit(null).cast(DataTypes.LongType);
    Dataset<Row> disclosed = uptake.withColumn("suppressed", n1)
        .withColumn("with_acp", functions.when(n1, nullLong).otherwise(functions.col("with_acp")))
        .withColumn("register", functions.when(n1, nullLong).otherwise(functions.col("register")));
    Dataset<Row> published = PublishedUptake.of(disclosed);
    String child = "period_end = date'2023-03-31' and geography_level = 'practice' and breakdown = 'none' "
        + "and geography_code = ";
    Row p1 = published.filter(child + "'P1'").first();
    assertNull(p1.getAs("parent_uptake"));
    assertNull(p1.getAs("funnel_flag"));
    assertEquals(0.25, (double) p1.getAs("uptake"), 1e-12);
    Row p3 = published.filter(child + "'P3'").first(); // in N2, not suppressed
    assertEquals(0.2, (double) p3.getAs("parent_uptake"), 1e-12);
    assertEquals(uptake.filter(child + "'P3'").first().<String>getAs("funnel_flag"), p3.getAs("funnel_flag"));
    assertEquals(uptake.count(), published.count(), "rows");
  }

  /** From rounded counts: the figures are those of the counts as published, not of the exact ones. */
  @Test
  void publishedFiguresAreThoseOfThePublishedCounts() {
    String p1 = "period_end = date'2023-03-31' and geography_level = 'practice' and geography_code = 'P1' "
        + "and breakdown = 'none'";
    Dataset<Row> rounded = uptake.withColumn("with_acp", functions.expr("case when " + p1 + " then 15L else with_acp end"));
    Row row = PublishedUptake.of(rounded).filter(p1).first();
    assertEquals(15.0 / 40, (double) row.getAs("uptake"), 1e-12);
    assertEquals(WilsonInterval.of(15, 40, 0.95).orElseThrow().lower(), (double) row.getAs("lower95"), 1e-12);
    assertEquals(15.0 / 40 - 0.10, (double) row.getAs("change_12m"), 1e-12);
    Row exact = PublishedUptake.of(uptake).filter(p1).first();
    assertEquals(0.25, (double) exact.getAs("uptake"), 1e-12);
    assertEquals((double) uptake.filter(p1).first().getAs("upper998"), (double) exact.getAs("upper998"), 1e-15);
  }
}
