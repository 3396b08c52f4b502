package uk.pophealth.job;

import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.cohort.DementiaRegister;
import uk.pophealth.cohort.EmptyRegister;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.schema.InputTables;

/**
 * The dementia register both acp_uptake and the demand forecast count: as at every month end of the reporting
 * months plus the 12 months before them (for change_12m), and back to the forecast's first month of history when
 * that is earlier.
 */
final class Register {
  private Register() {}

  /**
   * The register, persisted; the run stops (exit 3, naming the cause) when it is empty though gp_events holds
   * rows: acp_uptake and the dementia series would otherwise be computed from nothing.
   */
  static Dataset<Row> build(IngestResult ingest, RunOptions options, String historyFrom) {
    ReportingMonths months = options.months();
    YearMonth first = months.first().minusMonths(12);
    if (historyFrom != null && YearMonth.parse(historyFrom).isBefore(first)) {
      first = YearMonth.parse(historyFrom);
    }
    Dataset<Row> register = new DementiaRegister(new ReportingMonths(first, months.last()),
        options.acpLookbackMonths()).build(
        ingest.table(InputTables.GpPatients.NAME), ingest.table(InputTables.GpEvents.NAME),
        ingest.table(InputTables.Codelists.NAME), ingest.tableOrNull(InputTables.SocialCareEvents.NAME),
        ingest.tableOrNull(InputTables.LsoaDeprivation.NAME)).persist();
    try {
      EmptyRegister.requireNotEmpty(register, ingest.table(InputTables.GpEvents.NAME),
          ingest.table(InputTables.Codelists.NAME), months);
    } catch (RuntimeException e) {
      register.unpersist();
      throw e;
    }
    return register;
  }
}
