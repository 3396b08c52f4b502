/**
 * Monthly demand forecasting in plain Java (no Spark): the ETS state-space family with additive errors,
 * the optimised Theta method, simple benchmarks, and a rolling-origin backtest.
 *
 * <p>Entry points: {@link uk.pophealth.stats.forecast.AutoForecaster#forecast(double[], int, ForecastOptions)} and
 * {@link uk.pophealth.stats.forecast.Backtest#run(double[], ForecastMethod, BacktestOptions)}. Every value handed
 * back is an immutable, serializable record so a Spark product can call these per series inside
 * {@code mapGroups}.
 *
 * <p>Methods, and where they follow or depart from the public references:
 * <ul>
 *   <li><b>ETS</b> (Hyndman, Koehler, Ord and Snyder 2008; R {@code forecast::ets}): additive errors; trend none,
 *       additive or additive-damped; seasonality none, additive or multiplicative. Maximum likelihood with the
 *       usual bounds, parameterised as a box for the optimiser (alpha in [1e-4, 0.9999],
 *       beta = alpha u, gamma = (1 - alpha) v with u, v in [1e-4, 0.9999], phi in [0.8, 0.98])
 *       and, for seasonal models, the admissibility (forecastability) test of {@code forecast:::admissible}
 *       (roots of its characteristic polynomial inside the unit circle, tolerance 1e-8). For the linear models
 *       the errors are linear in the initial states, so those are estimated exactly by least squares for each
 *       trial of the smoothing parameters (the profile likelihood); only the smoothing parameters go to the
 *       optimiser (Commons Math BOBYQA, or Brent for a single parameter). Models with multiplicative
 *       seasonality are not linear: smoothing parameters and initial states are optimised jointly by Commons
 *       Math Nelder-Mead (at most 2,000 evaluations, as forecast::ets) from the heuristic start of
 *       {@code forecast:::initstate}. The model is chosen by AICc among the
 *       candidates the data allow, after a seasonality pre-test (F-test on seasonal dummies with a linear trend,
 *       5% level; {@link uk.pophealth.stats.forecast.SeasonalityTest}) that keeps only the seasonal models when
 *       seasonality is significant: on two seasons AICc alone never picks a seasonal model (departure from
 *       {@code forecast::ets}, in the manner of {@code auto.arima}'s seasonal-differencing test). Unlike {@code forecast::ets(restrict = TRUE)}, additive-error models with
 *       multiplicative seasonality are candidates, as the issue asks.</li>
 *   <li><b>Prediction intervals</b>: for the linear models the analytic variance of Hyndman et al. (2008,
 *       class 1, sigma^2 = SSE / (n - parameters), as {@code forecast::ets}) plus the variance of the
 *       least-squares initial states, sigma^2 a_h' (E'E)^-1 a_h, with Student-t quantiles on n - parameters
 *       degrees of freedom (departure from {@code forecast::ets}, which treats the fitted states as known: on
 *       series simulated from the model its 95% limits cover 85%-89% at 24-36 months, these 94%-96%;
 *       {@code EtsIntervalCalibrationTest}). For multiplicative seasonality, 5,000 simulated sample paths
 *       from a fixed seed (as {@code forecast.ets(simulate = TRUE)}), so results repeat, each starting from the
 *       fitted final states spread by the initial states' linearised covariance
 *       ({@link uk.pophealth.stats.forecast.StateUncertainty}) with sigma drawn from its scaled inverse
 *       chi-square, the same two additions. On the real A&E series the chosen models cover 0.832 at 95%
 *       (class 1 alone 0.755; {@code forecast::ets} itself 0.819-0.838), see docs/benchmarks.md.</li>
 *   <li><b>Theta</b>: the optimised Theta model (OTM) of Fiorucci et al. (2016), static version as
 *       {@code forecTheta::otm}: parameters ell0, alpha in [0.1, 0.99] and theta in [1, 10000] minimise the
 *       in-sample one-step squared error; seasonality tested as {@code forecTheta} / {@code forecast::thetaf}
 *       (90% test on the lag-m autocorrelation) and removed by classical multiplicative decomposition
 *       (additive when the data are not all positive). Intervals use the SES-based variance
 *       sigma^2 (1 + (h - 1) alpha^2), reseasonalised.</li>
 *   <li><b>Benchmarks</b>: seasonal naive, naive, random walk with drift and mean, with the variance formulas
 *       of {@code forecast::snaive}, {@code rwf} and {@code meanf}.</li>
 * </ul>
 *
 * <p>Data handling: NaN marks a missing month; {@link uk.pophealth.stats.forecast.ForecastOptions#exclusions()}
 * marks months to leave out of fitting (for example the pandemic). ETS treats both as missing in the likelihood
 * (the state is carried forward by its one-step forecast, no error is counted). Theta and the benchmarks see a
 * linearly interpolated series. Every such step is stated in {@link uk.pophealth.stats.forecast.ForecastResult#notes()}.
 *
 * <p>Robustness: no data shape makes a forecast or a backtest throw (only programmer errors do: null arguments, a
 * horizon below 1). A series with no observed month is returned not forecast (model {@code None}, NaN values); an
 * ETS fit that is not finite, or that throws, falls back to seasonal naive or the mean; a backtest origin that
 * cannot be forecast is skipped. Each is stated in a note starting {@code "not forecast: "} or
 * {@code "fallback: "} ({@link uk.pophealth.stats.forecast.ForecastResult#fallbackNotes()}).
 */
package uk.pophealth.stats.forecast;
