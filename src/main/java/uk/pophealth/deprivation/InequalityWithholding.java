package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.Projection;

/**
 * The referral_inequality figures taken from referral_deprivation's decile rows, made safe against that table as
 * published (same period, area, service and IMD basis). The decile 1 : decile 10 rate ratio is the ratio of the two
 * published rates, so null where either is suppressed: from the exact counts, it times one end's rate gave the
 * other's, and with its population its referrals. The SII is a weighted least-squares slope, linear in the ten
 * decile rates, so with nine of them published it gives the tenth: the SII, the RII and their limits are null,
 * with sii_status {@value #WITHHELD}, when any decile is suppressed. Disclosure control of each table alone cannot
 * see this: the deciles are rows of the other table.
 */
public final class InequalityWithholding {
  public static final String WITHHELD = "withheld: a decile's referrals or population are suppressed";
  private static final String ANY = "__any_decile_suppressed";
  private static final String FIRST = "__decile_1_rate";
  private static final String LAST = "__decile_10_rate";
  private static final List<String> KEY = List.of(OutputTables.PERIOD_TYPE, OutputTables.PERIOD_START,
      OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE, OutputTables.SERVICE,
      ReferralDeprivation.IMD_BASIS);
  private static final List<String> SII_FIGURES = List.of(ReferralInequality.SII, ReferralInequality.SII_LOWER95,
      ReferralInequality.SII_UPPER95, ReferralInequality.RII, ReferralInequality.RII_LOWER95,
      ReferralInequality.RII_UPPER95);

  private InequalityWithholding() {}

  /**
   * @param inequality the disclosure-controlled referral_inequality rows to publish
   * @param deprivation the published referral_deprivation (any periods; only the rows' own keys are used); a row
   *     without decile rows there gets no rate ratio
   */
  static Dataset<Row> withhold(Dataset<Row> inequality, Dataset<Row> deprivation) {
    Column decile = col(ReferralDeprivation.QUANTILE_TYPE).equalTo(ReferralDeprivation.QUANTILE_DECILE)
        .and(col(ReferralDeprivation.IMD_QUANTILE).isNotNull());
    Column suppressed = col(OutputTables.SUPPRESSED);
    Column rate = col(ReferralDeprivation.RATE_PER_1000);
    Column quantile = col(ReferralDeprivation.IMD_QUANTILE);
    List<Column> keys = new ArrayList<>();
    KEY.forEach(k -> keys.add(col(k)));
    Dataset<Row> deciles = deprivation.filter(decile)
        .groupBy(keys.toArray(new Column[0]))
        .agg(max(suppressed).as(ANY), max(when(quantile.equalTo(1), rate)).as(FIRST),
            max(when(quantile.equalTo(10), rate)).as(LAST));
    Dataset<Row> joined = inequality.join(deciles, JavaConverters.asScalaBuffer(KEY).toSeq(), "left");
    Column any = coalesce(col(ANY), lit(false));
    Column ratio = when(col(LAST).gt(0), col(FIRST).divide(col(LAST)));
    Map<String, Column> replaced = new HashMap<>();
    for (String name : SII_FIGURES) {
      replaced.put(name, when(any, lit(null).cast(DataTypes.DoubleType)).otherwise(col(name)));
    }
    replaced.put(ReferralInequality.RATE_RATIO_D1_D10, ratio);
    Column status = col(ReferralInequality.SII_STATUS);
    replaced.put(ReferralInequality.SII_STATUS,
        when(any.and(status.equalTo(lit(ReferralInequality.SII_OK))), lit(WITHHELD)).otherwise(status));
    return Projection.replacing(joined, inequality.columns(), replaced);
  }
}
