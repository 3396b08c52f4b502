package uk.pophealth.uptake;

/** The levels the ACP product reports at, each with the level its funnel compares against. */
enum GeographyLevel {
  PRACTICE("practice", "pcn"),
  PCN("pcn", "place"),
  PLACE("place", "ics"),
  ICS("ics", "all"),
  ALL("all", null);

  static final String ALL_CODE = "ALL";
  static final String ALL_NAME = "All areas";

  private final String label;
  private final String parent;

  GeographyLevel(String label, String parent) {
    this.label = label;
    this.parent = parent;
  }

  String label() {
    return label;
  }

  /** The level whose average this level's funnel plot compares against; null for the total. */
  String parent() {
    return parent;
  }
}
