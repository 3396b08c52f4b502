package uk.pophealth.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.pophealth.publication.Additivity;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.SharedSpark;

class DisclosureControlTest {
  private static final Date MONTH_END = Date.valueOf("2024-03-31");
  private static final List<String> SEXES = List.of("M", "F", "U");

  /** acp_uptake's relations: sex values add up to the unit's total; children add up to their parent. */
  static List<Additivity> acpAdditivities() {
    return List.of(
        Additivity.breakdown("sex within unit", col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_SEX),
            col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE),
            AcpUptake.PERIOD_END, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE),
        Additivity.of("unit within parent", col(OutputTables.PARENT_CODE).isNotNull(),
            List.of(col(AcpUptake.PERIOD_END), col(AcpUptake.PARENT_LEVEL), col(OutputTables.PARENT_CODE),
                col(AcpUptake.BREAKDOWN), col(AcpUptake.BREAKDOWN_VALUE)),
            lit(true),
            List.of(col(AcpUptake.PERIOD_END), col(GEOGRAPHY_LEVEL), col(GEOGRAPHY_CODE),
                col(AcpUptake.BREAKDOWN), col(AcpUptake.BREAKDOWN_VALUE))));
  }

  @Test
  void suppressesOneToSevenRoundsTheRestAndSuppressesTheNextSmallestPart() {
    // One practice: total 105 (30 with ACP); M 5 (2), F 100 (28), U 0 (0).
    Dataset<Row> input = frame(List.of(
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 105L, 30L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "M", 5L, 2L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "F", 100L, 28L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "U", 0L, 0L)));
    try (DisclosureControl.Disclosed result = DisclosureControl.enabled()
        .apply(AcpUptake.TABLE, input, acpAdditivities())) {
      // M is suppressed (5 and 2 are in 1-7); F is then the smallest non-zero part left and goes too, so
      // neither can be had from 105 - 0 - F or 105 - 0 - M. Published counts round to 5; 0 stays 0.
      Dataset<Row> expected = frame(List.of(
          published("P1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 105L, 30L, false),
          published("P1", AcpUptake.BREAKDOWN_SEX, "M", null, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "F", null, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "U", 0L, 0L, false)));
      SharedSpark.frames().assertDataFrameNoOrderEquals(expected, result.data());
    }
  }

  /** P1's registers as another table publishes them: key, exact count, whether it suppressed it. */
  private static List<SameCounts> registersElsewhere(Object[]... cells) {
    StructType schema = new StructType().add(GEOGRAPHY_CODE, "string").add(AcpUptake.BREAKDOWN, "string")
        .add(AcpUptake.BREAKDOWN_VALUE, "string").add(SameCounts.EXACT, "long").add(SameCounts.SUPPRESSED, "boolean");
    List<Row> rows = new ArrayList<>();
    for (Object[] cell : cells) {
      rows.add(RowFactory.create(cell));
    }
    return List.of(new SameCounts(AcpUptake.REGISTER, SharedSpark.spark().createDataFrame(rows, schema),
        List.of(GEOGRAPHY_CODE, AcpUptake.BREAKDOWN, AcpUptake.BREAKDOWN_VALUE)));
  }

  private static Dataset<Row> practiceP1() {
    // One practice: total 105 (30 with ACP); M 5 (2), F 100 (28), U 0 (0).
    return frame(List.of(
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 105L, 30L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "M", 5L, 2L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "F", 100L, 28L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "U", 0L, 0L)));
  }

  @Test
  void neverChoosesACellAnotherTablePublishesAsTheComplementaryOne() {
    // F's register (100) is published by another table: suppressing it here would hide nothing, so the register
    // equation 105 = M + F + U takes U's zero as its second cell; U's with_acp goes with its register, and the
    // with_acp equation 30 = 2 + 28 + 0 still takes F's 28 (the other table does not publish with_acp).
    try (DisclosureControl.Disclosed result = DisclosureControl.enabled().apply(AcpUptake.TABLE, practiceP1(),
        acpAdditivities(), registersElsewhere(new Object[] {"P1", AcpUptake.BREAKDOWN_SEX, "F", 100L, false}))) {
      SharedSpark.frames().assertDataFrameNoOrderEquals(frame(List.of(
          published("P1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 105L, 30L, false),
          published("P1", AcpUptake.BREAKDOWN_SEX, "M", null, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "F", 100L, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "U", null, null, true))), result.data());
    }
  }

  @Test
  void suppressesWhatAnotherTableSuppressedOfTheSameCountsAndOnlyOfTheSame() {
    // The other table suppressed the total's register (105): suppressed here too, with its with_acp; with M the
    // equations then have two suppressed cells each and F and U are published. Its F of 99 is another count (the
    // two resolve an area differently): its "suppressed" is not taken.
    try (DisclosureControl.Disclosed result = DisclosureControl.enabled().apply(AcpUptake.TABLE, practiceP1(),
        acpAdditivities(), registersElsewhere(
            new Object[] {"P1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 105L, true},
            new Object[] {"P1", AcpUptake.BREAKDOWN_SEX, "F", 99L, true}))) {
      SharedSpark.frames().assertDataFrameNoOrderEquals(frame(List.of(
          published("P1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, null, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "M", null, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "F", 100L, 30L, false),
          published("P1", AcpUptake.BREAKDOWN_SEX, "U", 0L, 0L, false))), result.data());
      assertEquals(2, result.cells().orElseThrow().filter(col(DisclosureControl.suppressedCell(AcpUptake.REGISTER)))
          .count(), "the cells a later table reads: the total's and M's registers suppressed");
    }
  }

  @Test
  void roundsToNearestFiveAndSuppressesDerivedColumnsWithTheirCount() {
    Dataset<Row> input = frame(List.of(
        uptakeRow("A", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 8L, 0L),
        uptakeRow("B", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 12L, 7L),
        uptakeRow("C", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 13L, 1L),
        uptakeRow("D", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 1_234_567L, 17L)));
    try (DisclosureControl.Disclosed result = DisclosureControl.enabled().apply(AcpUptake.TABLE, input, List.of())) {
      Map<String, Row> byCode = byCode(result.data().collectAsList());
      assertRow(byCode.get("A"), 10L, 0L, false);
      assertRow(byCode.get("B"), 10L, null, true);
      assertRow(byCode.get("C"), 15L, null, true);
      assertRow(byCode.get("D"), 1_234_565L, 15L, false);
      Row b = byCode.get("B");
      for (String derived : AcpUptake.TABLE.derivedFrom().keySet()) {
        assertTrue(b.isNullAt(b.fieldIndex(derived)), "derived column kept beside a suppressed count: " + derived);
      }
      Row d = byCode.get("D");
      assertEquals(17.0 / 1_234_567, d.getDouble(d.fieldIndex(AcpUptake.UPTAKE)), 1e-15, "rate kept as computed");
      assertEquals("Not significant", d.getString(d.fieldIndex(AcpUptake.FUNNEL_FLAG)));
    }
  }

  @Test
  void suppressesANumeratorWhereverItsDenominatorIsSuppressed() {
    // A: register 5 (primary), with_acp 0 would say "none of these 5 has a plan". P1's sex breakdown: M 5 with 0
    // plans is suppressed, with_acp too; F 100 (30) is then taken as the register's complementary cell, and its
    // with_acp goes with it (which also protects M's 0 in the with_acp equation); U 0 (0) stays.
    Dataset<Row> input = frame(List.of(
        uptakeRow("A", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 5L, 0L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 105L, 30L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "M", 5L, 0L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "F", 100L, 30L),
        uptakeRow("P1", null, null, AcpUptake.BREAKDOWN_SEX, "U", 0L, 0L)));
    try (DisclosureControl.Disclosed result = DisclosureControl.enabled()
        .apply(AcpUptake.TABLE, input, acpAdditivities())) {
      Dataset<Row> expected = frame(List.of(
          published("A", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, null, null, true),
          published("P1", AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 105L, 30L, false),
          published("P1", AcpUptake.BREAKDOWN_SEX, "M", null, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "F", null, null, true),
          published("P1", AcpUptake.BREAKDOWN_SEX, "U", 0L, 0L, false)));
      SharedSpark.frames().assertDataFrameNoOrderEquals(expected, result.data());
    }
  }

  @Test
  void offLeavesCountsUntouched() {
    Dataset<Row> input = frame(List.of(
        uptakeRow("A", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 3L, 1L),
        uptakeRow("B", null, null, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL, 12L, 6L)));
    try (DisclosureControl.Disclosed result = DisclosureControl.disabled()
        .apply(AcpUptake.TABLE, input, acpAdditivities())) {
      SharedSpark.frames().assertDataFrameNoOrderEquals(input, result.data());
    }
  }

  /**
   * Random three-level tables (ICS, PCNs, practices, each with a sex breakdown) full of small counts: after
   * disclosure control no published count is in 1-7, and no suppressed cell can be had by differencing a
   * published total and its published parts. The check enumerates the equations from the generated structure
   * itself, not from the additivities given to the code under test.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void noSuppressedCellIsDerivableByDifferencing(long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    Map<String, List<String>> children = new HashMap<>();
    Map<String, long[]> raw = new HashMap<>();
    String ics = "ICS";
    buildUnit(rows, raw, children, random, ics, null, null, 2, 0);
    Dataset<Row> input = frame(rows);
    try (DisclosureControl.Disclosed result = DisclosureControl.enabled()
        .apply(AcpUptake.TABLE, input, acpAdditivities())) {
      Map<String, Row> out = new HashMap<>();
      for (Row row : result.data().collectAsList()) {
        out.put(cellKey(row.getString(row.fieldIndex(GEOGRAPHY_CODE)),
            row.getString(row.fieldIndex(AcpUptake.BREAKDOWN_VALUE))), row);
      }
      assertEquals(raw.size(), out.size());
      long complementary = out.entrySet().stream().filter(e -> {
        long original = raw.get(e.getKey())[0];
        return e.getValue().isNullAt(e.getValue().fieldIndex(AcpUptake.REGISTER)) && (original == 0 || original > 7);
      }).count();
      assertTrue(complementary > 0, "the random table exercised no complementary suppression");
      for (String count : List.of(AcpUptake.REGISTER, AcpUptake.WITH_ACP)) {
        int index = count.equals(AcpUptake.REGISTER) ? 0 : 1;
        out.forEach((key, row) -> {
          long original = raw.get(key)[index];
          boolean suppressed = row.isNullAt(row.fieldIndex(count));
          if (original >= 1 && original <= 7) {
            assertTrue(suppressed, "primary cell published: " + key + " " + count + "=" + original);
          }
          if (!suppressed) {
            long value = row.getLong(row.fieldIndex(count));
            assertFalse(value >= 1 && value <= 7, "published count in 1-7: " + key);
            assertEquals(0, value % 5, "published count not a multiple of 5: " + key);
            assertTrue(Math.abs(value - original) <= 2, "rounding moved " + original + " to " + value);
          } else {
            assertTrue(row.getBoolean(row.fieldIndex(OutputTables.SUPPRESSED)), "suppressed flag unset: " + key);
            assertNull(row.get(row.fieldIndex(AcpUptake.UPTAKE)), "uptake kept beside a suppressed count: " + key);
          }
        });
        // Every equation: a unit's total = its sex values; a parent's cell = its children's cells.
        for (String unit : allUnits(children, ics)) {
          List<String> parts = SEXES.stream().map(s -> cellKey(unit, s)).toList();
          checkEquation(out, count, cellKey(unit, AcpUptake.VALUE_ALL), parts);
          List<String> kids = children.getOrDefault(unit, List.of());
          if (!kids.isEmpty()) {
            for (String value : allValues()) {
              checkEquation(out, count, cellKey(unit, value), kids.stream().map(k -> cellKey(k, value)).toList());
            }
          }
        }
      }
    }
  }

  private static void checkEquation(Map<String, Row> out, String count, String total, List<String> parts) {
    List<String> cells = new ArrayList<>(parts);
    cells.add(total);
    List<String> suppressed = cells.stream().filter(c -> out.get(c).isNullAt(out.get(c).fieldIndex(count))).toList();
    if (suppressed.size() == 1) {
      fail("suppressed cell " + suppressed.get(0) + " (" + count + ") is the only unknown of " + total + " = " + parts);
    }
  }

  private static List<String> allValues() {
    List<String> values = new ArrayList<>(SEXES);
    values.add(AcpUptake.VALUE_ALL);
    return values;
  }

  private static List<String> allUnits(Map<String, List<String>> children, String root) {
    List<String> units = new ArrayList<>();
    units.add(root);
    for (int i = 0; i < units.size(); i++) {
      units.addAll(children.getOrDefault(units.get(i), List.of()));
    }
    return units;
  }

  /** Builds a unit, its sex breakdown and (depth permitting) its children; returns its [register, with_acp] per sex. */
  private static long[][] buildUnit(List<Row> rows, Map<String, long[]> raw, Map<String, List<String>> children,
      Random random, String code, String parentLevel, String parentCode, int depth, int level) {
    String[] levels = {"ics", "pcn", "practice"};
    long[][] bySex = new long[SEXES.size()][2];
    if (depth == 0) {
      for (int s = 0; s < SEXES.size(); s++) {
        long register = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 10 : 40);
        bySex[s][0] = register;
        bySex[s][1] = register == 0 ? 0 : random.nextInt((int) register + 1);
      }
    } else {
      int n = 2 + random.nextInt(3);
      List<String> kids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String kid = code + "." + i;
        kids.add(kid);
        long[][] kidSex = buildUnit(rows, raw, children, random, kid, levels[level], code, depth - 1, level + 1);
        for (int s = 0; s < SEXES.size(); s++) {
          bySex[s][0] += kidSex[s][0];
          bySex[s][1] += kidSex[s][1];
        }
      }
      children.put(code, kids);
    }
    long register = 0;
    long withAcp = 0;
    for (int s = 0; s < SEXES.size(); s++) {
      rows.add(uptakeRow(code, levels[level], parentLevel, parentCode, AcpUptake.BREAKDOWN_SEX, SEXES.get(s),
          bySex[s][0], bySex[s][1]));
      raw.put(cellKey(code, SEXES.get(s)), bySex[s]);
      register += bySex[s][0];
      withAcp += bySex[s][1];
    }
    rows.add(uptakeRow(code, levels[level], parentLevel, parentCode, AcpUptake.BREAKDOWN_NONE, AcpUptake.VALUE_ALL,
        register, withAcp));
    raw.put(cellKey(code, AcpUptake.VALUE_ALL), new long[] {register, withAcp});
    return bySex;
  }

  private static String cellKey(String code, String value) {
    return code + "|" + value;
  }

  private static Map<String, Row> byCode(List<Row> rows) {
    Map<String, Row> map = new HashMap<>();
    rows.forEach(r -> map.put(r.getString(r.fieldIndex(GEOGRAPHY_CODE)), r));
    return map;
  }

  private static void assertRow(Row row, Long register, Long withAcp, boolean suppressed) {
    assertEquals(register, row.isNullAt(row.fieldIndex(AcpUptake.REGISTER)) ? null : row.getLong(row.fieldIndex(AcpUptake.REGISTER)));
    assertEquals(withAcp, row.isNullAt(row.fieldIndex(AcpUptake.WITH_ACP)) ? null : row.getLong(row.fieldIndex(AcpUptake.WITH_ACP)));
    assertEquals(suppressed, row.getBoolean(row.fieldIndex(OutputTables.SUPPRESSED)));
  }

  static Dataset<Row> frame(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, AcpUptake.SCHEMA.schema());
  }

  static Row uptakeRow(String code, String parentLevel, String parentCode, String breakdown, String value,
      Long register, Long withAcp) {
    return uptakeRow(code, "practice", parentLevel, parentCode, breakdown, value, register, withAcp);
  }

  static Row uptakeRow(String code, String level, String parentLevel, String parentCode, String breakdown,
      String value, Long register, Long withAcp) {
    Double uptake = register == null || register == 0 ? null : (double) withAcp / register;
    return RowFactory.create(MONTH_END, level, code, "Unit " + code, breakdown, value, register, withAcp,
        uptake, uptake, uptake, uptake, uptake, uptake == null ? null : "Not significant", false,
        parentLevel, parentCode, 0.3, 0.01);
  }

  /** The published row of a practice-level uptakeRow with the given counts (rates as computed from raw counts). */
  private static Row published(String code, String breakdown, String value, Long register, Long withAcp,
      boolean suppressed) {
    Map<String, long[]> raw = Map.of(
        AcpUptake.VALUE_ALL, new long[] {105, 30}, "M", new long[] {5, 2}, "F", new long[] {100, 28},
        "U", new long[] {0, 0});
    Row source = uptakeRow(code, null, null, breakdown, value, raw.get(value)[0], raw.get(value)[1]);
    Object[] values = new Object[source.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = source.get(i);
    }
    StructType schema = AcpUptake.SCHEMA.schema();
    values[schema.fieldIndex(AcpUptake.REGISTER)] = register;
    values[schema.fieldIndex(AcpUptake.WITH_ACP)] = withAcp;
    values[schema.fieldIndex(OutputTables.SUPPRESSED)] = suppressed;
    if (suppressed) {
      for (String derived : AcpUptake.TABLE.derivedFrom().keySet()) {
        values[schema.fieldIndex(derived)] = null;
      }
    }
    return RowFactory.create(values);
  }
}
