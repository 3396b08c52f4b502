package uk.pophealth.testing;

import java.sql.Date;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables;

/**
 * The leading columns referral_deprivation and referral_inequality share (their rows are joined on them): a row of
 * either table for financial year 2022, place P1, service S1, on national IMD deciles.
 */
public final class ReferralRows {
  public static final Date FY_2022 = Date.valueOf("2022-04-01");

  private ReferralRows() {}

  /** {@code schema} is either table's. */
  public static RowByName fy2022Place(StructType schema) {
    return RowByName.of(schema)
        .with(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_FINANCIAL_YEAR)
        .with(OutputTables.PERIOD_START, FY_2022).with(ReferralDeprivation.MONTHS_COVERED, 12)
        .with(OutputTables.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE)
        .with(OutputTables.GEOGRAPHY_CODE, "P1").with(OutputTables.GEOGRAPHY_NAME, "Place 1")
        .with(OutputTables.SERVICE, "S1").with(ReferralDeprivation.IMD_BASIS, ReferralDeprivation.BASIS_NATIONAL)
        .with(OutputTables.SUPPRESSED, false);
  }
}
