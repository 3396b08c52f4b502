package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.IMD_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.POPULATION;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_DECILE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.QUANTILE_TYPE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.REFERRALS;

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
      Object[] values = new Object[OutputTables.ReferralInequality.SCHEMA.schema().size()];
      for (int i = 0; i < KEY_COLUMNS; i++) {
        values[i] = key.get(i);
      }
      Object[] measures = {m.referrals(), m.referralsKnown(), m.referralsMostDeprived(),
          share.map(ProportionInterval::proportion).orElse(null), share.map(ProportionInterval::lower).orElse(null),
          share.map(ProportionInterval::upper).orElse(null), m.populationKnown(), m.populationMostDeprived(),
          m.populationShare(), m.shareToPopulationShare(), m.targetShare(), m.gapToTarget(),
          sii.map(SiiResult::sii).orElse(null), sii.map(SiiResult::siiLower).orElse(null),
          sii.map(SiiResult::siiUpper).orElse(null), sii.map(SiiResult::rii).orElse(null),
          sii.map(SiiResult::riiLower).orElse(null), sii.map(SiiResult::riiUpper).orElse(null), m.siiStatus(),
          m.rateRatio(), false};
      System.arraycopy(measures, 0, values, KEY_COLUMNS, measures.length);
      return RowFactory.create(values);
    }
  }
}
