package uk.pophealth.uptake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.cohort.CohortColumns;
import uk.pophealth.cohort.ReportingMonths;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.publication.Additivity;
import uk.pophealth.publication.FromPublished;
import uk.pophealth.publication.ProductTables;
import uk.pophealth.publication.PublishedTable;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.schema.OutputTables;

/**
 * What the ACP uptake product publishes: acp_uptake, computed for the reporting months and the 12 before them (so
 * that change_12m is filled and the earlier months are controlled with the rest), published for the reporting
 * months only, every derived figure computed again from the published counts ({@link PublishedUptake}).
 */
public final class AcpUptakeTables {
  private AcpUptakeTables() {}

  /**
   * @param register the dementia register at every month end from 12 months before the first reporting month
   *     ({@code cohort.DementiaRegister}), with each person's practice
   * @param geography the run's footprints
   * @param basis the footprint every month is reported on
   * @param months the reporting months
   */
  public static ProductTables of(Dataset<Row> register, FootprintResolver geography, FootprintBasis basis,
      ReportingMonths months) {
    Dataset<Row> uptake = compute(register, geography, basis, months).persist();
    return new ProductTables(List.of(PublishedTable.of(AcpUptake.TABLE, uptake, additivities(),
        FromPublished.of(controlled -> published(controlled, months)))), List.of(uptake));
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
  static Dataset<Row> published(Dataset<Row> controlled, ReportingMonths months) {
    return PublishedUptake.of(controlled)
        .filter(col(AcpUptake.PERIOD_END).geq(lit(Date.valueOf(months.firstEnd()))));
  }

  /**
   * The additive relations complementary suppression protects: every breakdown adds up to its unit's total, and
   * every level's units add up to their parent unit (practices to PCN, PCN to place, place to ICS, ICS to all).
   */
  public static List<Additivity> additivities() {
    List<Additivity> relations = new ArrayList<>();
    Column none = col(AcpUptake.BREAKDOWN).equalTo(AcpUptake.BREAKDOWN_NONE);
    for (String breakdown : List.of(AcpUptake.BREAKDOWN_AGE_BAND, AcpUptake.BREAKDOWN_SEX,
        AcpUptake.BREAKDOWN_IMD_QUINTILE, AcpUptake.BREAKDOWN_SOCIAL_CARE)) {
      relations.add(Additivity.breakdown(breakdown + " within unit", col(AcpUptake.BREAKDOWN).equalTo(breakdown), none,
          AcpUptake.PERIOD_END, OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE));
    }
    List<String> levels = List.of(OutputTables.LEVEL_PRACTICE, OutputTables.LEVEL_PCN, OutputTables.LEVEL_PLACE,
        OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL);
    for (int i = 0; i + 1 < levels.size(); i++) {
      String part = levels.get(i);
      String total = levels.get(i + 1);
      relations.add(Additivity.of(part + " within " + total,
          col(OutputTables.GEOGRAPHY_LEVEL).equalTo(part),
          List.of(col(AcpUptake.PERIOD_END), col(OutputTables.PARENT_CODE), col(AcpUptake.BREAKDOWN),
              col(AcpUptake.BREAKDOWN_VALUE)),
          col(OutputTables.GEOGRAPHY_LEVEL).equalTo(total),
          List.of(col(AcpUptake.PERIOD_END), col(OutputTables.GEOGRAPHY_CODE), col(AcpUptake.BREAKDOWN),
              col(AcpUptake.BREAKDOWN_VALUE))));
    }
    return List.copyOf(relations);
  }
}
