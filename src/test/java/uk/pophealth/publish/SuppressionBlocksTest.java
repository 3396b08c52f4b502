package uk.pophealth.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Column;
import org.junit.jupiter.api.Test;
import uk.pophealth.publication.Additivity;

/** The blocks complementary suppression splits a table into, read off the additivity declarations (no Spark). */
class SuppressionBlocksTest {
  private static final List<String> KEYS = List.of("period", "area", "breakdown", "value");

  @Test
  void aColumnEveryGroupKeyHoldsAtTheSamePositionSplitsTheBlocks() {
    List<Additivity> relations = List.of(
        Additivity.breakdown("sex within unit", col("breakdown").equalTo("sex"), col("breakdown").equalTo("none"),
            "period", "area"),
        Additivity.of("practices within PCN", col("level").equalTo("practice"),
            List.of(col("period"), col("parent"), col("breakdown"), col("value")), col("level").equalTo("pcn"),
            List.of(col("period"), col("area"), col("breakdown"), col("value"))),
        Additivity.withinRow("known within all", lit(true), "total", "known"));
    assertEquals(List.of("period"), ComplementarySuppression.blockColumns(KEYS, relations));
  }

  @Test
  void aColumnAtDifferentPositionsOrUnderAnExpressionIsNotConstant() {
    List<Additivity> swapped = List.of(Additivity.of("swapped", lit(true), List.of(col("period"), col("area")),
        lit(false), List.of(col("area"), col("period"))));
    assertEquals(List.of(), ComplementarySuppression.blockColumns(KEYS, swapped));
    List<Additivity> wrapped = List.of(Additivity.of("wrapped", lit(true),
        List.of(col("period"), col("area").substr(1, 3)), lit(false), List.of(col("period"), col("area"))));
    assertEquals(List.of("period"), ComplementarySuppression.blockColumns(KEYS, wrapped));
  }

  @Test
  void anExpressionEveryRelationHoldsSplitsTheBlocks() {
    // months within their year: the period crosses equations, its year does not
    Column year = col("period").substr(1, 4);
    List<Additivity> relations = List.of(
        Additivity.of("months within year", col("type").equalTo("month"), List.of(year, col("area")),
            col("type").equalTo("year"), List.of(year, col("area"))),
        Additivity.of("areas within all", lit(true), List.of(year, col("period"), col("parent")), lit(true),
            List.of(year, col("period"), col("area"))),
        Additivity.withinRow("known within all", lit(true), "total", "known"));
    assertEquals(List.of(), ComplementarySuppression.blockColumns(KEYS, relations));
    assertEquals(List.of(year), ComplementarySuppression.blockTerms(KEYS, relations));
    List<Additivity> notEvery = List.of(relations.get(0), Additivity.of("areas", lit(true),
        List.of(col("period"), col("parent")), lit(true), List.of(col("period"), col("area"))));
    assertEquals(List.of(), ComplementarySuppression.blockTerms(KEYS, notEvery));
  }

  @Test
  void partsOnlyGroupsAndRowSumsAlone() {
    assertEquals(List.of("period", "area"), ComplementarySuppression.blockColumns(KEYS,
        List.of(Additivity.partsOnly("areas", lit(true), "area", "period"))));
    assertEquals(KEYS, ComplementarySuppression.blockColumns(KEYS,
        List.of(Additivity.withinRow("known within all", lit(true), "total", "known"))));
  }
}
