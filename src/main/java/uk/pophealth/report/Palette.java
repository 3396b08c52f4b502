package uk.pophealth.report;

import java.util.List;

/** The Okabe-Ito colour-blind-safe palette (Okabe and Ito 2008), for series that need telling apart. */
final class Palette {
  static final List<String> SERIES = List.of(
      "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442");

  private Palette() {}

  static String series(int index) {
    return SERIES.get(Math.floorMod(index, SERIES.size()));
  }
}
