package uk.pophealth.publication;

/**
 * What a product hands the run to publish, in order: a {@link PublishedTable}, or {@link ControlledCounts} that are
 * controlled first and then computed from.
 */
public sealed interface Publishable permits PublishedTable, ControlledCounts {}
