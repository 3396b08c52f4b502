package uk.pophealth.testing;

import java.sql.Date;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;

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
        .with(ReferralDeprivation.PERIOD_TYPE, OutputTables.PERIOD_FINANCIAL_YEAR)
        .with(ReferralDeprivation.PERIOD_START, FY_2022).with(ReferralDeprivation.MONTHS_COVERED, 12)
        .with(ReferralDeprivation.GEOGRAPHY_LEVEL, OutputTables.LEVEL_PLACE)
        .with(ReferralDeprivation.GEOGRAPHY_CODE, "P1").with(ReferralDeprivation.GEOGRAPHY_NAME, "Place 1")
        .with(ReferralDeprivation.SERVICE, "S1").with(ReferralDeprivation.IMD_BASIS, ReferralDeprivation.BASIS_NATIONAL)
        .with(ReferralDeprivation.SUPPRESSED, false);
  }
}
