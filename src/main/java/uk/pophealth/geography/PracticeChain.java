package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

/** A practice's whole chain on a date; a null pcn or footprint is a gap in the reference tables. */
record PracticeChain(PracticeLink practice, PcnLink pcn, Footprint footprint) {
  PracticeChain {
    requireNonNull(practice, "practice is null");
  }
}
