package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static uk.pophealth.schema.OutputTables.LOWER95;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.RATE_PER_1000;
import static uk.pophealth.schema.OutputTables.UPPER95;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.RowBuilder;
import uk.pophealth.stats.RateEstimate;
import uk.pophealth.stats.RateInterval;

/** The rate per 1,000 and its 95% limits (phe_rate: Byar, exact Poisson below 10 events) of each cell. */
final class RateLimits {
  static final double PER = 1_000;
  private static final StructType RESULT = new StructType(new StructField[] {
      DataTypes.createStructField(RATE_PER_1000, DoubleType, true),
      DataTypes.createStructField(LOWER95, DoubleType, true),
      DataTypes.createStructField(UPPER95, DoubleType, true)});

  private RateLimits() {}

  /** struct(rate_per_1000, lower95, upper95) of (referrals, population); all empty without a population. */
  static Column of(Column referrals, Column population) {
    // Non-deterministic only so the optimiser calls it once per row instead of once per extracted field.
    UserDefinedFunction rate = udf(new Compute(), RESULT).asNondeterministic();
    return rate.apply(referrals, population);
  }

  /** Executor-side: calls the plain-Java rate interval for one cell. */
  static final class Compute implements UDF2<Long, Long, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Long referrals, Long population) {
      if (referrals == null || population == null || population <= 0) {
        return RowBuilder.of("rate limits", RESULT).build();
      }
      Optional<RateEstimate> rate = RateInterval.of(referrals, population, PER);
      return rate.map(r -> RowBuilder.of("rate limits", RESULT).set(RATE_PER_1000, r.rate()).set(LOWER95, r.lower())
          .set(UPPER95, r.upper()).build()).orElseGet(() -> RowBuilder.of("rate limits", RESULT).build());
    }
  }
}
