package uk.pophealth.stats;

/**
 * What an SII indicator value is, as {@code phe_sii}'s {@code value_type}: it picks the scale on which the
 * per-quantile standard errors are derived and the simulation samples (identity, log or logit).
 */
public enum ValueType {
  /** value_type 0: any other indicator, sampled on its own scale. */
  NORMAL {
    @Override
    double toSamplingScale(double value) {
      return value;
    }

    @Override
    double fromSamplingScale(double value) {
      return value;
    }
  },
  /** value_type 1: a rate; log scale. */
  RATE {
    @Override
    double toSamplingScale(double value) {
      return Math.log(value);
    }

    @Override
    double fromSamplingScale(double value) {
      return Math.exp(value);
    }
  },
  /** value_type 2: a proportion (0-1); logit scale. */
  PROPORTION {
    @Override
    double toSamplingScale(double value) {
      return Math.log(value / (1 - value));
    }

    @Override
    double fromSamplingScale(double value) {
      return Math.exp(value) / (1 + Math.exp(value));
    }
  };

  abstract double toSamplingScale(double value);

  abstract double fromSamplingScale(double value);
}
