package uk.pophealth.stats;

/** A unit's position against its parent's funnel, with the labels PHEindicatormethods prints. */
public enum FunnelSignificance {
  HIGH_0001("High (0.001)"),
  HIGH_0025("High (0.025)"),
  LOW_0001("Low (0.001)"),
  LOW_0025("Low (0.025)"),
  NOT_SIGNIFICANT("Not significant");

  private final String label;

  FunnelSignificance(String label) {
    this.label = label;
  }

  /** The label exactly as {@code assign_funnel_significance} writes it, e.g. "High (0.001)". */
  public String label() {
    return label;
  }
}
