package uk.pophealth.ingest.layout;

import static uk.pophealth.ingest.layout.LayoutColumns.isoDate;
import static uk.pophealth.ingest.layout.LayoutColumns.optionalSource;
import static uk.pophealth.ingest.layout.LayoutColumns.source;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.PcnMembership;

/**
 * The NHS England ePCN "PCN Core Partner Details" sheet saved as CSV: one row per practice-to-PCN
 * relationship, with start and (for past memberships) end dates as ISO, dd/MM/yyyy or yyyyMMdd. The
 * practice's parent sub-ICB location is taken when the sheet has it.
 */
final class EpcnCorePartnerLayout extends PublishedLayout {
  private static final long serialVersionUID = 1L;
  static final String NAME = "epcn_core_partner";
  static final String PRACTICE = "Partner Organisation Code";
  static final String PCN_CODE = "PCN Code";
  static final String PCN_NAME = "PCN Name";
  static final String START = "Practice to PCN Relationship Start Date";
  static final String END = "Practice to PCN Relationship End Date";
  static final String SUB_ICB = "Practice Parent Sub ICB Loc Code";

  EpcnCorePartnerLayout() {
    super(NAME, PcnMembership.NAME, List.of(PRACTICE, PCN_CODE, PCN_NAME, START, END));
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    return LayoutColumns.select(raw, List.of(
        source(PRACTICE).as(PcnMembership.PRACTICE_CODE),
        source(PCN_CODE).as(PcnMembership.PCN_CODE),
        source(PCN_NAME).as(PcnMembership.PCN_NAME),
        optionalSource(raw, SUB_ICB).as(PcnMembership.SUB_ICB_CODE),
        isoDate(source(START)).as(PcnMembership.EFFECTIVE_FROM),
        isoDate(source(END)).as(PcnMembership.EFFECTIVE_TO)));
  }
}
