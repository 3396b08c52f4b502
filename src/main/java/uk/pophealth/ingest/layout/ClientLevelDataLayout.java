package uk.pophealth.ingest.layout;

import static uk.pophealth.ingest.layout.LayoutColumns.isoDate;
import static uk.pophealth.ingest.layout.LayoutColumns.optionalSource;
import static uk.pophealth.ingest.layout.LayoutColumns.source;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.SocialCareEvents;

/**
 * The adult social care Client Level Data (CLD) layout: Der_NHS_Number_Traced_Pseudo is the person (a
 * pseudonymised NHS number as submitted: set person_id_mode to match), LA_Code the local authority,
 * Event_Type Request/Assessment/Service/Review. The LSOA is taken from Der_Postcode_LSOA_Code when present;
 * GP_Practice_Code and the other CLD columns are not part of the canonical table.
 */
final class ClientLevelDataLayout extends PublishedLayout {
  private static final long serialVersionUID = 1L;
  static final String NAME = "asc_cld";
  static final String PERSON = "Der_NHS_Number_Traced_Pseudo";
  static final String LA = "LA_Code";
  static final String EVENT_TYPE = "Event_Type";
  static final String START = "Event_Start_Date";
  static final String END = "Event_End_Date";
  static final String ROUTE = "Request_Route_of_Access";
  static final String SERVICE_TYPE = "Service_Type";
  static final String OUTCOME = "Event_Outcome";
  static final String LSOA = "Der_Postcode_LSOA_Code";

  ClientLevelDataLayout() {
    super(NAME, SocialCareEvents.NAME, List.of(PERSON, LA, EVENT_TYPE, START, END, ROUTE, SERVICE_TYPE, OUTCOME));
  }

  @Override
  public List<String> identifierColumns() {
    return List.of(PERSON);
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    return LayoutColumns.select(raw, List.of(
        source(PERSON).as(SocialCareEvents.PERSON_ID),
        source(LA).as(SocialCareEvents.LA_CODE),
        source(EVENT_TYPE).as(SocialCareEvents.EVENT_TYPE),
        isoDate(source(START)).as(SocialCareEvents.EVENT_START_DATE),
        isoDate(source(END)).as(SocialCareEvents.EVENT_END_DATE),
        source(ROUTE).as(SocialCareEvents.REQUEST_ROUTE),
        source(SERVICE_TYPE).as(SocialCareEvents.SERVICE_TYPE),
        source(OUTCOME).as(SocialCareEvents.EVENT_OUTCOME),
        optionalSource(raw, LSOA).as(SocialCareEvents.LSOA_CODE)));
  }
}
