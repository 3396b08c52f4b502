package uk.pophealth.stats;

import java.util.Optional;

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

  /** Above the parent's upper limit (at 0.025 or 0.001). */
  public boolean high() {
    return this == HIGH_0001 || this == HIGH_0025;
  }

  /** Below the parent's lower limit (at 0.025 or 0.001). */
  public boolean low() {
    return this == LOW_0001 || this == LOW_0025;
  }

  /** Outside the 99.8% limits: the 0.001 labels. */
  public boolean outside998() {
    return this == HIGH_0001 || this == LOW_0001;
  }

  /** The significance a published label names ("High (0.001)" etc.), or empty for null or any other text. */
  public static Optional<FunnelSignificance> ofLabel(String label) {
    for (FunnelSignificance significance : values()) {
      if (significance.label.equals(label)) {
        return Optional.of(significance);
      }
    }
    return Optional.empty();
  }
}
