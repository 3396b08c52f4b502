package uk.pophealth.generate;

import java.io.Serializable;

/** Everything executors need to generate any person: sizes, seed, time frame, geography and planted truths. */
record GeneratorModel(long people, long seed, double badRowFraction, Timeline timeline, Geography geography,
    Planted planted) implements Serializable {}
