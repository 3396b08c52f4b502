package uk.pophealth.publish.report;

import static uk.pophealth.publish.report.ReportColumns.GEOGRAPHY_CODE;
import static uk.pophealth.publish.report.ReportColumns.GEOGRAPHY_NAME;
import static uk.pophealth.publish.report.ReportColumns.LOWER95;
import static uk.pophealth.publish.report.ReportColumns.SUPPRESSED;
import static uk.pophealth.publish.report.ReportColumns.UPPER95;

import org.apache.spark.sql.Row;
import uk.pophealth.publish.report.ReportColumns.AcpUptake;

/** One collected acp_uptake row (one unit at one period, no breakdown). */
record UnitRow(String code, String name, String period, Long register, Long withAcp, Double uptake, Double lower95,
    Double upper95, String flag, boolean suppressed) {

  static UnitRow of(Row row) {
    Long register = Values.count(row, AcpUptake.REGISTER);
    Double uptake = Values.decimal(row, AcpUptake.UPTAKE);
    boolean suppressed = Values.flag(row, SUPPRESSED) || register == null || uptake == null;
    return new UnitRow(Values.string(row, GEOGRAPHY_CODE), Values.string(row, GEOGRAPHY_NAME),
        Values.period(Values.get(row, AcpUptake.PERIOD_END)), register, Values.count(row, AcpUptake.WITH_ACP),
        uptake, Values.decimal(row, LOWER95), Values.decimal(row, UPPER95), Values.string(row, AcpUptake.FUNNEL_FLAG),
        suppressed);
  }

  /** Whether the row can be drawn: not suppressed, with a register and an uptake. */
  boolean plotted() {
    return !suppressed;
  }

  String label() {
    return name == null || name.isBlank() ? code : name;
  }
}
