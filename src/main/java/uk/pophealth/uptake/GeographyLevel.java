package uk.pophealth.uptake;

import uk.pophealth.schema.OutputTables;

/** The levels the ACP product reports at, each with the level its funnel compares against. */
enum GeographyLevel {
  PRACTICE(OutputTables.LEVEL_PRACTICE, OutputTables.LEVEL_PCN),
  PCN(OutputTables.LEVEL_PCN, OutputTables.LEVEL_PLACE),
  PLACE(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS),
  ICS(OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL),
  ALL(OutputTables.LEVEL_ALL, null);

  static final String ALL_CODE = "all";
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
