package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.ASC_REQUEST_ROUTE_UNKNOWN;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.SERVICE_ALL;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.SERVICE_ASC_REQUEST;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.SERVICE_ASC_REQUEST_ROUTE_PREFIX;

import java.sql.Date;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;

/**
 * The referrals in the reporting range, one row each: adult social care {@code Request} events and
 * service_referrals, with the services each counts under. A social care request counts under
 * {@code asc_request} (all routes) and {@code asc_request:<route>} (route {@code unknown} when empty); a service
 * referral under its service; every referral once under {@code all}.
 */
final class Referrals {
  static final String REQUEST = "Request";

  private Referrals() {}

  /** Columns {@link Columns#PERSON_ID}, {@link Columns#REFERRAL_DATE}, {@link Columns#OWN_LSOA}, {@link Columns#SERVICES}. */
  static Dataset<Row> of(Dataset<Row> socialCareEvents, Dataset<Row> serviceReferrals, DeprivationOptions options) {
    Column route = coalesce(blankAsNull(col(SocialCareEvents.REQUEST_ROUTE)), lit(ASC_REQUEST_ROUTE_UNKNOWN));
    Dataset<Row> requests = socialCareEvents
        .where(col(SocialCareEvents.EVENT_TYPE).equalTo(REQUEST)
            .and(inRange(col(SocialCareEvents.EVENT_START_DATE), options)))
        .select(col(SocialCareEvents.PERSON_ID).as(Columns.PERSON_ID),
            col(SocialCareEvents.EVENT_START_DATE).as(Columns.REFERRAL_DATE),
            ownLsoa(socialCareEvents, SocialCareEvents.LSOA_CODE),
            array(lit(SERVICE_ASC_REQUEST), concat(lit(SERVICE_ASC_REQUEST_ROUTE_PREFIX), route),
                lit(SERVICE_ALL)).as(Columns.SERVICES));
    Dataset<Row> referrals = serviceReferrals
        .where(inRange(col(ServiceReferrals.REFERRAL_DATE), options))
        .select(col(ServiceReferrals.PERSON_ID).as(Columns.PERSON_ID),
            col(ServiceReferrals.REFERRAL_DATE).as(Columns.REFERRAL_DATE),
            ownLsoa(serviceReferrals, ServiceReferrals.LSOA_CODE),
            array(col(ServiceReferrals.SERVICE), lit(SERVICE_ALL)).as(Columns.SERVICES));
    return requests.unionByName(referrals);
  }

  private static Column inRange(Column date, DeprivationOptions options) {
    return date.between(lit(Date.valueOf(options.rangeStart())), lit(Date.valueOf(options.rangeEnd())));
  }

  /** The optional lsoa_code column, blank treated as absent; a table without the column has none. */
  private static Column ownLsoa(Dataset<Row> table, String column) {
    Column own = Arrays.asList(table.columns()).contains(column)
        ? blankAsNull(col(column)) : lit(null).cast("string");
    return own.as(Columns.OWN_LSOA);
  }

  private static Column blankAsNull(Column value) {
    return when(trim(value).equalTo(""), lit(null).cast("string")).otherwise(value);
  }
}
