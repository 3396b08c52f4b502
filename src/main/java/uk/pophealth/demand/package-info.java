/**
 * The demand forecast product. Entry points: {@link uk.pophealth.demand.DemandForecast#compute} (from the canonical
 * input tables) and {@link uk.pophealth.demand.DemandForecast#forecastSeries} (an analyst's own series, read and
 * checked by {@link uk.pophealth.demand.AnalystSeries#read}); both return the demand_forecast and
 * forecast_accuracy tables of {@link uk.pophealth.schema.OutputTables}.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li><b>Series</b> ({@link uk.pophealth.schema.Activities}): adult social care requests, assessments, reviews
 *       and new services (all, and per service type) by event_start_date; referrals per service by referral_date;
 *       the dementia register size and the number with an ACP at each month end. Every month of history is present:
 *       a month without activity is a zero.</li>
 *   <li><b>Location</b>: an event is placed by the LSOA it recorded, else by the LSOA of the person's GP
 *       registration in force on the event date (person_id linkage to gp_patients), through the LSOA footprint
 *       (resident population, as councils commission); failing that by that registration's practice through the
 *       practice footprint; failing both it stays in place and ICS "unknown" so totals stay whole. The register is
 *       placed by practice. All history is re-based onto the footprint in force at the end of the last month of
 *       history, so a district that moved ICS (Bassetlaw, July 2022) is in its current ICS for every month and the
 *       series do not break. A place the current footprint splits between ICSs is one series per part
 *       (place_code/ics_code).</li>
 *   <li><b>Fitting</b> ({@link uk.pophealth.demand.SeriesFitting}): one group per series on the executors; ETS
 *       chosen by AICc, 80% and 95% intervals, rolling-origin backtest (3 origins 3 months apart, horizon up to 12)
 *       of the chosen procedure and of seasonal naive; an exclusion window is left out of fitting and scoring.
 *       Forecasts of activity are clipped at zero; an analyst's series are not.</li>
 *   <li><b>Coherence</b> ({@link uk.pophealth.demand.Reconciliation}): bottom-up from places, or top-down from
 *       the all-areas forecast by forecast proportions, chosen per activity by backtest: the chosen models'
 *       rolling-origin backtest forecasts are reconciled both ways and the method with the lower mean over levels of
 *       the level's mean MASE wins (ties: bottom-up). Each method's per-series backtest is in forecast_accuracy
 *       (role reconciliation); ICS and all-areas forecasts are the sums of their places' either way, so they add up
 *       exactly. A reconciled series keeps its own model's interval widths, recentred on the reconciled point.</li>
 *   <li><b>Demographic projection</b> ({@link uk.pophealth.demand.DemographicProjection}) and <b>capacity</b>
 *       ({@link uk.pophealth.demand.CapacityUtilisation}) are columns of demand_forecast.</li>
 * </ul>
 * Counts are published through the publish layer's disclosure control by the job, not here.
 */
package uk.pophealth.demand;
