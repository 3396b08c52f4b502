package uk.pophealth.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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

  @Test
  void everyTableHasDesignsColumnsInDesignsOrder() {
    assertEquals(DESIGN.keySet(), Set.copyOf(OutputTables.ALL.stream().map(OutputTable::name).toList()));
    for (OutputTable table : OutputTables.ALL) {
      List<String> declared = table.table().columnNames();
      List<String> fixed = DESIGN.get(table.name());
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
