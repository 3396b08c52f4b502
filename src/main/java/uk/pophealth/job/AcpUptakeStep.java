package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.cohort.DementiaRegister;
import uk.pophealth.cohort.EmptyRegister;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.publish.Additivity;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.uptake.AcpUptakeProduct;
import uk.pophealth.uptake.PublishedUptake;

/**
 * Computes acp_uptake for the reporting months and the 12 before them, so that change_12m is filled; publishes
 * only the reporting months, with the figures computed from the published counts ({@link #published}).
 */
final class AcpUptakeStep {
  private AcpUptakeStep() {}

  /**
   * The register as at every month end of the range plus the 12 months before it (for change_12m), and back to
   * {@code historyFrom} when that is earlier (the demand forecast's history); {@code acpLookbackMonths} as resolved
   * by {@link RunOptions}.
   */
  static Dataset<Row> register(IngestResult ingest, Integer acpLookbackMonths, ReportingMonths months,
      String historyFrom) {
    java.time.YearMonth first = months.first().minusMonths(12);
    if (historyFrom != null && java.time.YearMonth.parse(historyFrom).isBefore(first)) {
      first = java.time.YearMonth.parse(historyFrom);
    }
    ReportingMonths withHistory = new ReportingMonths(first, months.last());
    return new DementiaRegister(withHistory, acpLookbackMonths).build(
        ingest.table(InputTables.GpPatients.NAME), ingest.table(InputTables.GpEvents.NAME),
        ingest.table(InputTables.Codelists.NAME), ingest.tableOrNull(InputTables.SocialCareEvents.NAME),
        ingest.tableOrNull(InputTables.LsoaDeprivation.NAME));
  }

  /**
   * Returns {@code register}, after stopping the run (exit 3, naming the cause) when it is empty though gp_events
   * holds rows: acp_uptake and the dementia series would otherwise be computed from nothing.
   */
  static Dataset<Row> requireNotEmpty(Dataset<Row> register, IngestResult ingest, ReportingMonths months) {
    try {
      EmptyRegister.requireNotEmpty(register, ingest.table(InputTables.GpEvents.NAME),
          ingest.table(InputTables.Codelists.NAME), months);
    } catch (RuntimeException e) {
      register.unpersist();
      throw e;
    }
    return register;
  }

  /** acp_uptake for the reporting months and the 12 months before them. */
  static Dataset<Row> compute(Dataset<Row> register, FootprintResolver geography, FootprintBasis basis,
      ReportingMonths months) {
    Dataset<Row> withFootprint = geography.withPracticeFootprint(register, CohortColumns.PRACTICE_CODE,
        CohortColumns.PERIOD_END, basis);
    return AcpUptakeProduct.compute(withFootprint)
        .filter(col(AcpUptake.PERIOD_END).geq(lit(Date.valueOf(months.first().minusMonths(12).atEndOfMonth()))));
  }

  /**
   * The reporting months of the disclosure-controlled table (all months of {@link #compute}), with every figure
   * computed again from the published counts ({@link PublishedUptake}): which rows are suppressed, and so what may
   * be published on the rows that refer to them, is known only once complementary suppression has run.
   */
  static Dataset<Row> published(Dataset<Row> disclosed, ReportingMonths months) {
    return PublishedUptake.of(disclosed)
        .filter(col(AcpUptake.PERIOD_END).geq(lit(Date.valueOf(months.firstEnd()))));
  }

  /**
   * The additive relations complementary suppression protects: every breakdown adds up to its unit's total, and
   * every level's units add up to their parent unit (practices to PCN, PCN to place, place to ICS, ICS to all).
   */
  static List<Additivity> additivities() {
    List<Additivity> relations = new ArrayList<>();
    Column none = col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE);
    for (String breakdown : List.of(AcpUptake.BREAKDOWN_AGE_BAND, AcpUptake.BREAKDOWN_SEX,
        AcpUptake.BREAKDOWN_IMD_QUINTILE, AcpUptake.BREAKDOWN_SOCIAL_CARE)) {
      relations.add(Additivity.breakdown(breakdown + " within unit", col(AcpUptake.BREAKDOWN).equalTo(breakdown), none,
          AcpUptake.PERIOD_END, AcpUptake.GEOGRAPHY_LEVEL, AcpUptake.GEOGRAPHY_CODE));
    }
    List<String> levels = List.of(OutputTables.LEVEL_PRACTICE, OutputTables.LEVEL_PCN, OutputTables.LEVEL_PLACE,
        OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL);
    for (int i = 0; i + 1 < levels.size(); i++) {
      String part = levels.get(i);
      String total = levels.get(i + 1);
      relations.add(Additivity.of(part + " within " + total,
          col(AcpUptake.GEOGRAPHY_LEVEL).equalTo(part),
          List.of(col(AcpUptake.PERIOD_END), col(AcpUptake.PARENT_CODE), col(AcpUptake.BREAKDOWN),
              col(AcpUptake.BREAKDOWN_VALUE)),
          col(AcpUptake.GEOGRAPHY_LEVEL).equalTo(total),
          List.of(col(AcpUptake.PERIOD_END), col(AcpUptake.GEOGRAPHY_CODE), col(AcpUptake.BREAKDOWN),
              col(AcpUptake.BREAKDOWN_VALUE))));
    }
    return List.copyOf(relations);
  }
}
