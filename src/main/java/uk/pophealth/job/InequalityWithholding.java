package uk.pophealth.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;

/**
 * Withholds the referral_inequality figures that would give back a suppressed cell of referral_deprivation. The
 * decile 1 : decile 10 rate ratio times the published rate of one end decile is the other's rate, and with its
 * population its referrals. The SII is a weighted least-squares slope, linear in the ten decile rates, so with nine
 * of them published it gives the tenth. So, per row: the rate ratio is null when decile 1 or 10 is suppressed in the
 * published referral_deprivation (same period, area, service and IMD basis), and the SII, the RII and their limits
 * are null, with sii_status {@value #WITHHELD}, when any decile is. Disclosure control of each table alone cannot
 * see this: the deciles are rows of the other table.
 */
final class InequalityWithholding {
  static final String WITHHELD = "withheld: a decile's referrals or population are suppressed";
  private static final String ANY = "__any_decile_suppressed";
  private static final String ENDS = "__end_decile_suppressed";
  private static final List<String> KEY = List.of(ReferralDeprivation.PERIOD_TYPE, ReferralDeprivation.PERIOD_START,
      ReferralDeprivation.GEOGRAPHY_LEVEL, ReferralDeprivation.GEOGRAPHY_CODE, ReferralDeprivation.SERVICE,
      ReferralDeprivation.IMD_BASIS);
  private static final List<String> SII_FIGURES = List.of(ReferralInequality.SII, ReferralInequality.SII_LOWER95,
      ReferralInequality.SII_UPPER95, ReferralInequality.RII, ReferralInequality.RII_LOWER95,
      ReferralInequality.RII_UPPER95);

  private InequalityWithholding() {}

  /**
   * @param inequality the disclosure-controlled referral_inequality rows to publish
   * @param deprivation the published referral_deprivation (any periods; only the rows' own keys are used)
   */
  static Dataset<Row> withhold(Dataset<Row> inequality, Dataset<Row> deprivation) {
    Column decile = col(ReferralDeprivation.QUANTILE_TYPE).equalTo(ReferralDeprivation.QUANTILE_DECILE)
        .and(col(ReferralDeprivation.IMD_QUANTILE).isNotNull());
    Column suppressed = col(ReferralDeprivation.SUPPRESSED);
    Column end = col(ReferralDeprivation.IMD_QUANTILE).isin(1, 10);
    List<Column> keys = new ArrayList<>();
    KEY.forEach(k -> keys.add(col(k)));
    Dataset<Row> deciles = deprivation.filter(decile)
        .groupBy(keys.toArray(new Column[0]))
        .agg(max(suppressed).as(ANY), max(suppressed.and(end)).as(ENDS));
    Dataset<Row> joined = inequality.join(deciles, JavaConverters.asScalaBuffer(KEY).toSeq(), "left");
    Column any = coalesce(col(ANY), lit(false));
    Column ends = coalesce(col(ENDS), lit(false));
    List<Column> columns = new ArrayList<>();
    for (String name : inequality.columns()) {
      Column value = col(name);
      if (SII_FIGURES.contains(name)) {
        value = when(any, lit(null).cast(DataTypes.DoubleType)).otherwise(value);
      } else if (name.equals(ReferralInequality.RATE_RATIO_D1_D10)) {
        value = when(ends, lit(null).cast(DataTypes.DoubleType)).otherwise(value);
      } else if (name.equals(ReferralInequality.SII_STATUS)) {
        value = when(any.and(col(name).equalTo(lit(ReferralInequality.SII_OK))), lit(WITHHELD)).otherwise(value);
      }
      columns.add(value.as(name));
    }
    return joined.select(columns.toArray(new Column[0]));
  }
}
