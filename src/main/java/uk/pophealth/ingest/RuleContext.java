package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the row rules need beyond the row itself: the identifier handling, the extract date (nothing may be
 * dated after it) and the tables accepted so far (practice codes, LSOA codes, persons' birth year and death
 * date). A reference not yet ingested (or not configured) is empty and its rule is not checked.
 */
record RuleContext(PersonIds personIds, LocalDate extractDate, Optional<Dataset<Row>> practiceCodes,
    Optional<Dataset<Row>> lsoaCodes, Optional<Dataset<Row>> persons) {
  /** Column names of the reference frames. */
  static final String REF_PRACTICE = "_ref_practice_code";
  static final String REF_LSOA = "_ref_lsoa_code";
  static final String REF_PERSON = "_ref_person";
  static final String REF_YEAR_OF_BIRTH = "_ref_year_of_birth";
  static final String REF_DATE_OF_DEATH = "_ref_date_of_death";

  RuleContext {
    requireNonNull(personIds, "personIds is null");
    requireNonNull(extractDate, "extractDate is null");
    requireNonNull(practiceCodes, "practiceCodes is null");
    requireNonNull(lsoaCodes, "lsoaCodes is null");
    requireNonNull(persons, "persons is null");
  }

  static RuleContext start(PersonIds personIds, LocalDate extractDate) {
    return new RuleContext(personIds, extractDate, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Distinct practice codes, one column {@link #REF_PRACTICE}. */
  RuleContext withPracticeCodes(Dataset<Row> codes) {
    return new RuleContext(personIds, extractDate, Optional.of(codes), lsoaCodes, persons);
  }

  /** Distinct LSOA codes, one column {@link #REF_LSOA}. */
  RuleContext withLsoaCodes(Dataset<Row> codes) {
    return new RuleContext(personIds, extractDate, practiceCodes, Optional.of(codes), persons);
  }

  /** One row per person: {@link #REF_PERSON} (pseudonym), {@link #REF_YEAR_OF_BIRTH}, {@link #REF_DATE_OF_DEATH}. */
  RuleContext withPersons(Dataset<Row> people) {
    return new RuleContext(personIds, extractDate, practiceCodes, lsoaCodes, Optional.of(people));
  }
}
