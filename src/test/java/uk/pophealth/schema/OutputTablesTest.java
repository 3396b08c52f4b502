package uk.pophealth.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class OutputTablesTest {
  /** The key columns DESIGN.md fixes for each table, in its order. */
  private static final Map<String, List<String>> DESIGN = Map.of(
      "acp_uptake", List.of("period_end", "geography_level", "geography_code", "geography_name", "breakdown",
          "breakdown_value", "register", "with_acp", "uptake", "lower95", "upper95", "lower998", "upper998",
          "funnel_flag", "suppressed"),
      "referral_deprivation", List.of("period_type", "period_start", "geography_level", "geography_code", "service",
          "imd_decile", "referrals", "population", "rate_per_1000", "lower95", "upper95", "suppressed"),
      "referral_inequality", List.of("period_type", "period_start", "geography_level", "geography_code", "service",
          "share_most_deprived_40", "share_lower95", "share_upper95", "population_share_most_deprived_40",
          "target_share", "sii", "sii_lower95", "sii_upper95", "rii", "rii_lower95", "rii_upper95", "rate_ratio_d1_d10"),
      "demand_forecast", List.of("forecast_origin", "geography_level", "geography_code", "activity", "month", "kind",
          "value", "lower80", "upper80", "lower95", "upper95", "model"),
      "forecast_accuracy", List.of("forecast_origin", "geography_level", "geography_code", "activity", "model", "mase",
          "smape", "coverage80", "coverage95", "origins"));

  /** Product tables beyond DESIGN.md's list. */
  private static final Set<String> EXTRA = Set.of("referral_lsoa_resolution");

  @Test
  void everyTableHasDesignsColumnsInDesignsOrder() {
    Set<String> expected = new java.util.HashSet<>(DESIGN.keySet());
    expected.addAll(EXTRA);
    assertEquals(expected, Set.copyOf(OutputTables.ALL.stream().map(OutputTable::name).toList()));
    for (OutputTable table : OutputTables.ALL) {
      List<String> declared = table.table().columnNames();
      List<String> fixed = DESIGN.getOrDefault(table.name(), List.of());
      List<String> inOrder = declared.stream().filter(fixed::contains).toList();
      assertEquals(fixed, inOrder, table.name());
    }
  }

  @Test
  void typesFollowTheContract() {
    for (OutputTable table : OutputTables.ALL) {
      assertTrue(table.partitionColumn().isPresent(), table.name());
      assertEquals(DataTypes.DateType, table.field(table.partitionColumn().get()).dataType(), table.name());
      for (StructField field : table.schema().fields()) {
        String name = field.name();
        if (name.equals("period_start") || name.equals("period_end") || name.equals("month") || name.equals("forecast_origin")) {
          assertEquals(DataTypes.DateType, field.dataType(), table.name() + "." + name);
        }
        if (name.contains("lower") || name.contains("upper") || name.contains("share") || name.equals("uptake")) {
          assertEquals(DataTypes.DoubleType, field.dataType(), table.name() + "." + name);
        }
      }
      table.countColumns().forEach(c -> assertEquals(DataTypes.LongType, table.field(c).dataType()));
    }
  }

  @Test
  void referralTablesSuppressEveryCountAndWhatDerivesFromIt() {
    assertEquals(List.of("referrals", "population"), OutputTables.ReferralDeprivation.TABLE.countColumns());
    assertEquals(List.of("referrals", "referrals_known_decile", "referrals_most_deprived_40", "population_known_decile",
        "population_most_deprived_40"), OutputTables.ReferralInequality.TABLE.countColumns());
    assertEquals(List.of("referrals", "referrals_with_imd_decile"),
        OutputTables.ReferralLsoaResolution.TABLE.countColumns());
    // every nullable Long column of a referral table is a count, and every nullable Double derives from counts
    for (OutputTable table : List.of(OutputTables.ReferralDeprivation.TABLE, OutputTables.ReferralInequality.TABLE,
        OutputTables.ReferralLsoaResolution.TABLE)) {
      for (StructField field : table.schema().fields()) {
        if (field.dataType().equals(DataTypes.LongType)) {
          assertTrue(table.countColumns().contains(field.name()), table.name() + "." + field.name());
        }
        if (field.dataType().equals(DataTypes.DoubleType) && field.nullable()) {
          assertTrue(table.derivedFrom().containsKey(field.name()), table.name() + "." + field.name());
        }
      }
      assertEquals(Optional.of("suppressed"), table.suppressedColumn(), table.name());
    }
    assertEquals(List.of("referrals_most_deprived_40", "referrals_known_decile"),
        OutputTables.ReferralInequality.TABLE.derivedFrom().get("share_most_deprived_40"));
    assertEquals(List.of("referrals"), OutputTables.ReferralInequality.TABLE.derivedFrom().get("sii"));
    // the inequality table's key is the deprivation table's leading columns, as the product groups them
    List<String> key = OutputTables.ReferralInequality.TABLE.keyColumns();
    assertEquals(key, OutputTables.ReferralDeprivation.TABLE.keyColumns().subList(0, key.size()));
  }

  @Test
  void declarationChecksItsColumns() {
    TableSchema schema = new TableSchema("t", new StructType(new StructField[] {
        Fields.field("n", DataTypes.IntegerType, true, "a count", "people"),
        Fields.field("rate", DataTypes.DoubleType, false, "a rate", "")}), Set.of(), "test");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputTable.builder(schema)
        .partitionedBy("when").counts("n").derived(List.of("rate"), "n").build());
    assertEquals("Cannot declare output table t: partition column not in schema (when); count column is not LongType "
        + "(n: int); derived column must be nullable to hold a suppressed value (rate); a table with counts needs a "
        + "suppressed column ([n])", e.getMessage());
  }
}
