package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

/** A practice's PCN on a date, from pcn_membership. */
record PcnLink(String pcnCode, String pcnName) {
  PcnLink {
    requireNonNull(pcnCode, "pcnCode is null");
  }
}
