package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

/** A practice's own attributes on a date, from the practices table: its name and its sub-ICB location. */
record PracticeLink(String practiceName, String subIcbCode) {
  PracticeLink {
    requireNonNull(subIcbCode, "subIcbCode is null");
  }
}
