package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.List;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;
import uk.pophealth.schema.QuarantineRule;
import uk.pophealth.schema.TableSchema;

/**
 * The person-level tables: how each is made from a generated person, and which kinds of bad row it gets. Rows are
 * String arrays in the declared column order of {@link uk.pophealth.schema.InputTables}; null = empty.
 */
enum GeneratedTable {
  GP_PATIENTS(GpPatients.TABLE, List.of(QuarantineRule.INVALID_NHS_NUMBER, QuarantineRule.UNPARSEABLE_DATE,
      QuarantineRule.UNKNOWN_PRACTICE, QuarantineRule.DUPLICATE_ROW, QuarantineRule.MISSING_REQUIRED_FIELD,
      QuarantineRule.OUT_OF_RANGE_YEAR_OF_BIRTH),
      GpPatients.REGISTRATION_START, GpPatients.SEX),
  GP_EVENTS(GpEvents.TABLE, List.of(QuarantineRule.INVALID_NHS_NUMBER, QuarantineRule.UNPARSEABLE_DATE,
      QuarantineRule.EVENT_BEFORE_BIRTH, QuarantineRule.UNKNOWN_PRACTICE, QuarantineRule.DUPLICATE_ROW,
      QuarantineRule.MISSING_REQUIRED_FIELD, QuarantineRule.UNKNOWN_CODE_FORMAT),
      GpEvents.EVENT_DATE, GpEvents.SNOMED_CODE),
  SOCIAL_CARE_EVENTS(SocialCareEvents.TABLE, List.of(QuarantineRule.INVALID_NHS_NUMBER,
      QuarantineRule.UNPARSEABLE_DATE, QuarantineRule.DUPLICATE_ROW, QuarantineRule.MISSING_REQUIRED_FIELD),
      SocialCareEvents.EVENT_START_DATE, SocialCareEvents.LA_CODE),
  SERVICE_REFERRALS(ServiceReferrals.TABLE, List.of(QuarantineRule.INVALID_NHS_NUMBER,
      QuarantineRule.UNPARSEABLE_DATE, QuarantineRule.DUPLICATE_ROW, QuarantineRule.MISSING_REQUIRED_FIELD),
      ServiceReferrals.REFERRAL_DATE, ServiceReferrals.SERVICE);

  final TableSchema schema;
  /** The kinds of bad row planted in this table, in a fixed order. */
  final List<QuarantineRule> badRules;
  /** The date column an unparseable_date row corrupts. */
  final int dateColumn;
  /** The required column a missing_required_field row leaves empty (one no other rule looks at, where possible). */
  final int requiredColumn;
  final int personColumn;
  final int width;

  GeneratedTable(TableSchema schema, List<QuarantineRule> badRules, String dateColumn, String requiredColumn) {
    this.schema = schema;
    this.badRules = badRules;
    this.dateColumn = schema.schema().fieldIndex(dateColumn);
    this.requiredColumn = schema.schema().fieldIndex(requiredColumn);
    this.personColumn = schema.schema().fieldIndex(GpPatients.PERSON_ID);
    this.width = schema.schema().fields().length;
  }

  String tableName() {
    return schema.name();
  }

  int column(String name) {
    return schema.schema().fieldIndex(name);
  }

  /** The good rows of this table for one person. */
  List<String[]> rows(PersonGenerator generator, Person person) {
    Geography geography = generator.model().geography();
    return switch (this) {
      case GP_PATIENTS -> patientRows(geography, person);
      case GP_EVENTS -> eventRows(geography, person, generator.events(person));
      case SOCIAL_CARE_EVENTS -> careRows(geography, person, generator.careEvents(person));
      case SERVICE_REFERRALS -> referralRows(geography, person, generator.referrals(person));
    };
  }

  private List<String[]> patientRows(Geography geography, Person person) {
    List<String[]> rows = new ArrayList<>(person.practices().length);
    for (int e = 0; e < person.practices().length; e++) {
      String[] row = new String[width];
      row[column(GpPatients.PERSON_ID)] = person.personId();
      row[column(GpPatients.PRACTICE_CODE)] = geography.practiceCodes()[person.practices()[e]];
      row[column(GpPatients.YEAR_OF_BIRTH)] = Integer.toString(person.yearOfBirth());
      row[column(GpPatients.SEX)] = person.sex();
      row[column(GpPatients.LSOA_CODE)] = geography.lsoaCodes()[person.lsoa()];
      row[column(GpPatients.REGISTRATION_START)] = Timeline.iso(person.starts()[e]);
      row[column(GpPatients.REGISTRATION_END)] = person.ends()[e] < 0 ? null : Timeline.iso(person.ends()[e]);
      row[column(GpPatients.DATE_OF_DEATH)] = person.deathDay() < 0 ? null : Timeline.iso(person.deathDay());
      rows.add(row);
    }
    return rows;
  }

  private List<String[]> eventRows(Geography geography, Person person, List<PersonGenerator.Event> events) {
    List<String[]> rows = new ArrayList<>(events.size());
    for (PersonGenerator.Event event : events) {
      String[] row = new String[width];
      row[column(GpEvents.PERSON_ID)] = person.personId();
      row[column(GpEvents.PRACTICE_CODE)] = geography.practiceCodes()[event.practice()];
      row[column(GpEvents.EVENT_DATE)] = Timeline.iso(event.day());
      row[column(GpEvents.SNOMED_CODE)] = event.code();
      rows.add(row);
    }
    return rows;
  }

  private List<String[]> careRows(Geography geography, Person person, List<PersonGenerator.CareEvent> events) {
    List<String[]> rows = new ArrayList<>(events.size());
    String la = geography.ladCodes()[geography.lsoaLad()[person.lsoa()]];
    for (PersonGenerator.CareEvent event : events) {
      String[] row = new String[width];
      row[column(SocialCareEvents.PERSON_ID)] = person.personId();
      row[column(SocialCareEvents.LA_CODE)] = la;
      row[column(SocialCareEvents.EVENT_TYPE)] = event.type();
      row[column(SocialCareEvents.EVENT_START_DATE)] = Timeline.iso(event.start());
      row[column(SocialCareEvents.EVENT_END_DATE)] = event.end() < 0 ? null : Timeline.iso(event.end());
      row[column(SocialCareEvents.REQUEST_ROUTE)] = event.route();
      row[column(SocialCareEvents.SERVICE_TYPE)] = event.serviceType();
      row[column(SocialCareEvents.EVENT_OUTCOME)] = event.outcome();
      row[column(SocialCareEvents.LSOA_CODE)] = event.lsoaRecorded() ? geography.lsoaCodes()[person.lsoa()] : null;
      rows.add(row);
    }
    return rows;
  }

  private List<String[]> referralRows(Geography geography, Person person, List<PersonGenerator.Referral> referrals) {
    List<String[]> rows = new ArrayList<>(referrals.size());
    for (PersonGenerator.Referral referral : referrals) {
      String[] row = new String[width];
      row[column(ServiceReferrals.REFERRAL_ID)] = referral.id();
      row[column(ServiceReferrals.PERSON_ID)] = person.personId();
      row[column(ServiceReferrals.SERVICE)] = referral.service();
      row[column(ServiceReferrals.REFERRAL_DATE)] = Timeline.iso(referral.day());
      row[column(ServiceReferrals.REFERRAL_SOURCE)] = referral.source();
      row[column(ServiceReferrals.LSOA_CODE)] = referral.lsoaRecorded() ? geography.lsoaCodes()[person.lsoa()] : null;
      rows.add(row);
    }
    return rows;
  }
}
