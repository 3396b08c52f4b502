package uk.pophealth.demand;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * Event counts per person, activity and month from social_care_events (by event_type, on event_start_date) and
 * service_referrals (by service, on referral_date), with the LSOA the event itself recorded (internal columns
 * of {@link PersonLocation}). Aggregated per person and month before any join, so the person linkage joins one
 * row per person, activity and month, not one per event.
 */
final class EventFacts {
  private static final String ACTIVITIES = "_activities";

  private EventFacts() {}

  /** Rows: person_id, activity, month, _event_lsoa, _date (earliest event of the month), value (events). */
  static Dataset<Row> of(Dataset<Row> socialCare, Dataset<Row> referrals) {
    Dataset<Row> events = null;
    if (socialCare != null) {
      events = socialCareEvents(socialCare);
    }
    if (referrals != null) {
      Dataset<Row> referralEvents = referrals.select(col(ServiceReferrals.PERSON_ID).as(PersonLocation.PERSON_ID),
          concat(lit(Activities.REFERRAL_TO), col(ServiceReferrals.SERVICE)).as(OutputTables.ACTIVITY_NAME),
          col(ServiceReferrals.REFERRAL_DATE).as(PersonLocation.DATE),
          col(ServiceReferrals.LSOA_CODE).as(PersonLocation.EVENT_LSOA));
      events = events == null ? referralEvents : events.unionByName(referralEvents);
    }
    if (events == null) {
      return null;
    }
    return events.groupBy(col(PersonLocation.PERSON_ID), col(OutputTables.ACTIVITY_NAME),
            trunc(col(PersonLocation.DATE), "MM").as(DemandForecast.MONTH), col(PersonLocation.EVENT_LSOA))
        .agg(min(col(PersonLocation.DATE)).as(PersonLocation.DATE),
            count(lit(1)).cast("double").as(DemandForecast.VALUE))
        .withColumn(DemandForecast.SERIES_KIND, lit(DemandForecast.SERIES_COUNT));
  }

  private static Dataset<Row> socialCareEvents(Dataset<Row> socialCare) {
    Column type = col(SocialCareEvents.EVENT_TYPE);
    Column serviceType = coalesce(col(SocialCareEvents.SERVICE_TYPE), lit(Activities.UNKNOWN));
    Column activities = when(type.equalTo(lit("Request")), array(lit(Activities.ASC_REQUEST)))
        .when(type.equalTo(lit("Assessment")), array(lit(Activities.ASC_ASSESSMENT)))
        .when(type.equalTo(lit("Review")), array(lit(Activities.ASC_REVIEW)))
        .when(type.equalTo(lit("Service")), array(lit(Activities.ASC_NEW_SERVICE),
            concat(lit(Activities.ASC_NEW_SERVICE_OF_TYPE), serviceType)));
    return socialCare.filter(type.isin(SocialCareEvents.EVENT_TYPES.toArray()))
        .select(col(SocialCareEvents.PERSON_ID).as(PersonLocation.PERSON_ID),
            activities.as(ACTIVITIES), col(SocialCareEvents.EVENT_START_DATE).as(PersonLocation.DATE),
            col(SocialCareEvents.LSOA_CODE).as(PersonLocation.EVENT_LSOA))
        .withColumn(OutputTables.ACTIVITY_NAME, explode(col(ACTIVITIES)))
        .drop(ACTIVITIES);
  }
}
