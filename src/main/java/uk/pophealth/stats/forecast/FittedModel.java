package uk.pophealth.stats.forecast;

import java.util.Map;

/**
 * What a {@link ForecastResult} says about the model behind it, gathered so that the one place that builds a result
 * from limits ({@link PredictionIntervals#toResult}) takes it as one value.
 *
 * @param method     the method asked for
 * @param name       the model fitted, e.g. {@code ETS(A,Ad,M)}, {@code Theta(OTM)}, {@code SeasonalNaive}
 * @param parameters parameter name to value, in a stable order
 * @param aicc       AICc of an ETS model; NaN for other models
 */
record FittedModel(ForecastMethod method, String name, Map<String, Double> parameters, double aicc) {

  /** A model without a likelihood (benchmarks, Theta): AICc NaN. */
  static FittedModel withoutAicc(ForecastMethod method, String name, Map<String, Double> parameters) {
    return new FittedModel(method, name, parameters, Double.NaN);
  }
}
