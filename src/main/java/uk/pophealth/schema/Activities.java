package uk.pophealth.schema;

/**
 * The activities the demand product forecasts, as written in demand_forecast.activity. Counts are events whose
 * start date falls in the month; levels are people at the month end. Part of the output vocabulary, beside the
 * table's declaration in {@link OutputTables.DemandForecast}, so the test-data generator plants its truths in the
 * same words without depending on the product.
 */
public final class Activities {
  /** Adult social care requests for support (social_care_events event_type Request). */
  public static final String ASC_REQUEST = "asc_request";
  /** Adult social care assessments started (event_type Assessment). */
  public static final String ASC_ASSESSMENT = "asc_assessment";
  /** New adult social care services starting, every service type (event_type Service). */
  public static final String ASC_NEW_SERVICE = "asc_new_service";
  /** New services of one type: this prefix then the service_type ("unknown" when empty). */
  public static final String ASC_NEW_SERVICE_OF_TYPE = "asc_new_service:";
  /** Adult social care reviews (event_type Review). */
  public static final String ASC_REVIEW = "asc_review";
  /** Referrals to one service: this prefix then service_referrals.service. */
  public static final String REFERRAL_TO = "referral:";
  /** People on the GP dementia register at the month end (a level). */
  public static final String DEMENTIA_REGISTER = "dementia_register";
  /** People on the dementia register with an advance care plan at the month end (a level). */
  public static final String DEMENTIA_REGISTER_WITH_ACP = "dementia_register_with_acp";
  /** Activity of an analyst's own series (the forecast sub-command). */
  public static final String ANALYST_SERIES = "series";

  /** Geography code of facts whose place (or ICS) could not be resolved: kept, so totals stay whole. */
  public static final String UNKNOWN = "unknown";
  /** Code of the England / all-areas total. */
  public static final String ALL = "all";

  private Activities() {}
}
