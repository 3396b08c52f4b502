package uk.pophealth.report;

import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;
import static uk.pophealth.schema.OutputTables.LOWER95;
import static uk.pophealth.schema.OutputTables.SUPPRESSED;
import static uk.pophealth.schema.OutputTables.UPPER95;

import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;

/**
 * One collected acp_uptake row (one unit at one period, no breakdown), with the parent its funnel flag compares
 * against (null where the table does not say).
 */
record UnitRow(String code, String name, String period, Long register, Long withAcp, Double uptake, Double lower95,
    Double upper95, String flag, boolean suppressed, String parentCode, Double parentUptake) {

  static UnitRow of(Row row) {
    Long register = Values.count(row, AcpUptake.REGISTER);
    Double uptake = Values.decimal(row, AcpUptake.UPTAKE);
    boolean suppressed = Values.flag(row, SUPPRESSED) || register == null || uptake == null;
    return new UnitRow(Values.string(row, GEOGRAPHY_CODE), Values.string(row, GEOGRAPHY_NAME),
        Values.period(Values.get(row, AcpUptake.PERIOD_END)), register, Values.count(row, AcpUptake.WITH_ACP),
        uptake, Values.decimal(row, LOWER95), Values.decimal(row, UPPER95), Values.string(row, AcpUptake.FUNNEL_FLAG),
        suppressed, Values.string(row, OutputTables.PARENT_CODE), Values.decimal(row, AcpUptake.PARENT_UPTAKE));
  }

  /** Whether the row can be drawn: not suppressed, with a register and an uptake. */
  boolean plotted() {
    return !suppressed;
  }

  String label() {
    return name == null || name.isBlank() ? code : name;
  }
}
