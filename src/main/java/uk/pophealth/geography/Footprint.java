package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

/** Where a sub-ICB location or a district sits: its place and its ICS. */
record Footprint(String placeCode, String placeName, String icsCode, String icsName) {
  Footprint {
    requireNonNull(placeCode, "placeCode is null");
    requireNonNull(icsCode, "icsCode is null");
  }
}
