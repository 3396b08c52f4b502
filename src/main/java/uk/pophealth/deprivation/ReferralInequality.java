package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.IMD_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.POPULATION;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_TYPE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.REFERRALS;
import static uk.pophealth.schema.OutputTables.ReferralInequality.GAP_TO_TARGET;
import static uk.pophealth.schema.OutputTables.ReferralInequality.POPULATION_KNOWN_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralInequality.POPULATION_MOST_DEPRIVED_40;
import static uk.pophealth.schema.OutputTables.ReferralInequality.POPULATION_SHARE_MOST_DEPRIVED_40;
import static uk.pophealth.schema.OutputTables.ReferralInequality.RATE_RATIO_D1_D10;
import static uk.pophealth.schema.OutputTables.ReferralInequality.REFERRALS_KNOWN_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralInequality.REFERRALS_MOST_DEPRIVED_40;
import static uk.pophealth.schema.OutputTables.ReferralInequality.RII;
import static uk.pophealth.schema.OutputTables.ReferralInequality.RII_LOWER95;
import static uk.pophealth.schema.OutputTables.ReferralInequality.RII_UPPER95;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SHARE_LOWER95;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SHARE_MOST_DEPRIVED_40;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SHARE_TO_POPULATION_SHARE;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SHARE_UPPER95;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SII;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SII_LOWER95;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SII_STATUS;
import static uk.pophealth.schema.OutputTables.ReferralInequality.SII_UPPER95;
import static uk.pophealth.schema.OutputTables.ReferralInequality.TARGET_SHARE;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.RowBuilder;
import uk.pophealth.stats.ProportionInterval;
import uk.pophealth.stats.SiiOptions;
import uk.pophealth.stats.SiiResult;
import uk.pophealth.stats.ValueType;

/**
 * The referral_inequality table: the decile rows of referral_deprivation grouped per period x geography x service x
 * IMD basis on the executors (each group is at most 11 rows: ten deciles and unknown), each turned into one row of
 * {@link InequalityMeasures}.
 */
final class ReferralInequality {
  private static final int KEY_COLUMNS = 8;
  static final StructType KEY = new StructType(
      Arrays.copyOf(OutputTables.ReferralInequality.SCHEMA.schema().fields(), KEY_COLUMNS, StructField[].class));

  private ReferralInequality() {}

  static Dataset<Row> of(Dataset<Row> referralDeprivation, DeprivationOptions options) {
    Dataset<Row> rows = referralDeprivation
        .where(col(QUANTILE_TYPE).equalTo(QUANTILE_DECILE))
        .groupByKey(new GroupKey(), Encoders.row(KEY))
        .mapGroups(new Measure(options.targetShare(), options.siiRepetitions(), options.seed()), Encoders.row(OutputTables.ReferralInequality.SCHEMA.schema()));
    // the row encoder drops the column metadata (meaning, unit); select it back
    return DeprivationCells.selected(rows, OutputTables.ReferralInequality.SCHEMA.schema());
  }

  /** Executor-side: the group key, the first {@value #KEY_COLUMNS} columns of referral_inequality. */
  static final class GroupKey implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Row row) {
      Object[] key = new Object[KEY_COLUMNS];
      for (int i = 0; i < KEY_COLUMNS; i++) {
        key[i] = row.getAs(KEY.fields()[i].name());
      }
      return RowFactory.create(key);
    }
  }

  /** Executor-side: one group's decile rows to its inequality row. */
  static final class Measure implements MapGroupsFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final double targetShare;
    private final int repetitions;
    private final long seed;

    Measure(double targetShare, int repetitions, long seed) {
      this.targetShare = targetShare;
      this.repetitions = repetitions;
      this.seed = seed;
    }

    /** phe_sii on rates per 1,000 from counts, untransformed, 95% limits, seeded. */
    SiiOptions siiOptions() {
      return new SiiOptions(ValueType.RATE, RateLimits.PER, repetitions, 0.95, false, seed);
    }

    @Override
    public Row call(Row key, Iterator<Row> rows) {
      long[] referrals = new long[InequalityMeasures.DECILES + 1];
      double[] population = new double[InequalityMeasures.DECILES + 1];
      Arrays.fill(population, Double.NaN);
      while (rows.hasNext()) {
        Row row = rows.next();
        Integer decile = row.getAs(IMD_DECILE);
        int index = decile == null ? 0 : decile;
        referrals[index] += row.<Long>getAs(REFERRALS);
        Long people = row.getAs(POPULATION);
        if (people != null) {
          population[index] = people;
        }
      }
      InequalityMeasures m = InequalityMeasures.of(referrals, population, targetShare, siiOptions());
      Optional<ProportionInterval> share = m.share();
      Optional<SiiResult> sii = m.sii();
      RowBuilder row = RowBuilder.of(OutputTables.ReferralInequality.SCHEMA);
      for (int i = 0; i < KEY_COLUMNS; i++) {
        row.set(KEY.fields()[i].name(), key.get(i));
      }
      row.set(REFERRALS, m.referrals());
      row.set(REFERRALS_KNOWN_DECILE, m.referralsKnown());
      row.set(REFERRALS_MOST_DEPRIVED_40, m.referralsMostDeprived());
      row.set(SHARE_MOST_DEPRIVED_40, share.map(ProportionInterval::proportion).orElse(null));
      row.set(SHARE_LOWER95, share.map(ProportionInterval::lower).orElse(null));
      row.set(SHARE_UPPER95, share.map(ProportionInterval::upper).orElse(null));
      row.set(POPULATION_KNOWN_DECILE, m.populationKnown());
      row.set(POPULATION_MOST_DEPRIVED_40, m.populationMostDeprived());
      row.set(POPULATION_SHARE_MOST_DEPRIVED_40, m.populationShare());
      row.set(SHARE_TO_POPULATION_SHARE, m.shareToPopulationShare());
      row.set(TARGET_SHARE, m.targetShare());
      row.set(GAP_TO_TARGET, m.gapToTarget());
      row.set(SII, sii.map(SiiResult::sii).orElse(null));
      row.set(SII_LOWER95, sii.map(SiiResult::siiLower).orElse(null));
      row.set(SII_UPPER95, sii.map(SiiResult::siiUpper).orElse(null));
      row.set(RII, sii.map(SiiResult::rii).orElse(null));
      row.set(RII_LOWER95, sii.map(SiiResult::riiLower).orElse(null));
      row.set(RII_UPPER95, sii.map(SiiResult::riiUpper).orElse(null));
      row.set(SII_STATUS, m.siiStatus());
      row.set(RATE_RATIO_D1_D10, m.rateRatio());
      row.set(OutputTables.SUPPRESSED, false);
      return row.build();
    }
  }
}
