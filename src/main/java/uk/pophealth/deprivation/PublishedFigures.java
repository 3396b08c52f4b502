package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables.ReferralLsoaResolution;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.Projection;
import uk.pophealth.stats.WilsonInterval;

/**
 * The referral tables' rates and shares computed again from the counts as published, once disclosure control has
 * suppressed and rounded them, as NHS Digital's disclosure method computes percentages from the rounded numerator
 * and denominator. From the exact counts, a rate times the published population (or a share with its Wilson
 * limits) gave the exact count back, and a suppressed month was then the exact quarter minus its other two months:
 * on the sample, all 57 such months with a true count of 1-7 were recovered (docs/benchmarks.md). Without disclosure control the counts are
 * exact and so are these figures. The SII and RII, regressions over ten deciles, keep the exact counts
 * ({@code InequalityWithholding} withholds them where a decile is suppressed).
 */
public final class PublishedFigures {
  private static final String FIGURES = "__published_figures";
  private static final StructType SHARE = new StructType(new StructField[] {
      DataTypes.createStructField("share", DoubleType, true),
      DataTypes.createStructField("lower", DoubleType, true),
      DataTypes.createStructField("upper", DoubleType, true)});

  private PublishedFigures() {}

  /** referral_deprivation with rate_per_1000 and its limits from the published referrals and population. */
  public static Dataset<Row> deprivation(Dataset<Row> disclosed) {
    Dataset<Row> with = disclosed.withColumn(FIGURES, RateLimits.of(col(ReferralDeprivation.REFERRALS),
        col(ReferralDeprivation.POPULATION)));
    Map<String, Column> replaced = new LinkedHashMap<>();
    for (String name : List.of(ReferralDeprivation.RATE_PER_1000, OutputTables.LOWER95,
        OutputTables.UPPER95)) {
      replaced.put(name, col(FIGURES).getField(name));
    }
    return Projection.replacing(with, disclosed.columns(), replaced);
  }

  /**
   * referral_lsoa_resolution with each row's share of its service's referrals as published: its published referrals
   * over the sum of the service's published referrals (suppressed rows count for nothing). From the exact counts, a
   * share times the service's total gave back the exact count that rounding had hidden.
   */
  public static Dataset<Row> resolution(Dataset<Row> disclosed) {
    Column referrals = col(OutputTables.ReferralDeprivation.REFERRALS);
    Column total = sum(referrals).over(Window.partitionBy(col(ReferralLsoaResolution.RANGE_START),
        col(ReferralLsoaResolution.RANGE_END), col(OutputTables.SERVICE)));
    return Projection.replacing(disclosed, disclosed.columns(), Map.of(ReferralLsoaResolution.SHARE_OF_REFERRALS,
        when(total.gt(0), referrals.cast(DoubleType).divide(total))));
  }

  /**
   * referral_inequality with the share from deciles 1-4 (and its Wilson limits, its gap to the target and its ratio
   * to the population share) and the population share from the published counts.
   */
  public static Dataset<Row> inequality(Dataset<Row> disclosed) {
    Column share = udf(new Share(), SHARE).asNondeterministic()
        .apply(col(ReferralInequality.REFERRALS_MOST_DEPRIVED_40), col(ReferralInequality.REFERRALS_KNOWN_DECILE));
    Dataset<Row> with = disclosed.withColumn(FIGURES, share);
    Column proportion = col(FIGURES).getField("share");
    Column populationKnown = col(ReferralInequality.POPULATION_KNOWN_DECILE);
    Column populationShare = when(populationKnown.gt(0),
        col(ReferralInequality.POPULATION_MOST_DEPRIVED_40).cast(DoubleType).divide(populationKnown));
    Map<String, Column> replaced = new LinkedHashMap<>();
    replaced.put(ReferralInequality.SHARE_MOST_DEPRIVED_40, proportion);
    replaced.put(ReferralInequality.SHARE_LOWER95, col(FIGURES).getField("lower"));
    replaced.put(ReferralInequality.SHARE_UPPER95, col(FIGURES).getField("upper"));
    replaced.put(ReferralInequality.GAP_TO_TARGET, proportion.minus(col(ReferralInequality.TARGET_SHARE)));
    replaced.put(ReferralInequality.POPULATION_SHARE_MOST_DEPRIVED_40, populationShare);
    replaced.put(ReferralInequality.SHARE_TO_POPULATION_SHARE,
        when(populationShare.gt(0), proportion.divide(populationShare)));
    return Projection.replacing(with, disclosed.columns(), replaced);
  }

  /** Executor-side: Wilson 95% interval of (numerator, denominator); empty without both or with no denominator. */
  static final class Share implements UDF2<Long, Long, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Long numerator, Long denominator) {
      if (numerator == null || denominator == null) {
        return RowFactory.create(null, null, null);
      }
      return WilsonInterval.of((long) numerator, (long) denominator, 0.95)
          .map(s -> RowFactory.create(s.proportion(), s.lower(), s.upper()))
          .orElseGet(() -> RowFactory.create(null, null, null));
    }
  }
}
