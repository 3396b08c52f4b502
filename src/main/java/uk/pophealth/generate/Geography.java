package uk.pophealth.generate;

import java.io.Serializable;
import java.util.List;

/**
 * The geography people are generated into, small enough for the driver (at most England's ~6,500 practices and
 * ~33,000 LSOAs): practices with list-size weights and effective-dated PCN membership, sub-ICB locations with their
 * practices and LSOAs, LSOAs with IMD rank and decile, districts, places, and the effective-dated footprints.
 * Built by {@link SyntheticGeography} or {@link RealGeography} through {@link GeographyBuilder}; read on executors.
 * Arrays are indexed by the position of a practice, PCN, sub-ICB, LSOA, district or place in its codes array; they
 * are shared, not copied (the geography is built once and only read).
 */
record Geography(String mode, String[] practiceCodes, String[] practiceNames, int[] practiceSubIcb, int[] practiceFrom,
    double[] practiceCumulativeWeight, int[] practicePcnBefore, int[] practicePcnAfter, int pcnChangeDay,
    String[] pcnCodes, String[] pcnNames, int[] pcnSubIcb, String[] subIcbCodes, int[][] subIcbPractices,
    int[][] subIcbLsoas, String[] lsoaCodes, int[] lsoaLad, int[] lsoaRank, int[] lsoaDecile, String[] ladCodes,
    int[] ladPlace, String[] placeCodes, String[] placeNames, List<FootprintRow> footprints, List<Move> moves,
    List<PcnChange> pcnChanges) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One footprints row: a sub-ICB or district mapped to a place and ICS over a period ({@code to} -1 = open). */
  record FootprintRow(String orgType, String orgCode, String placeCode, String placeName, String icsCode,
      String icsName, int from, int to) implements Serializable {}

  /** An organisation that changed ICS on the footprint change date. */
  record Move(String orgType, String orgCode, String fromIcsCode, String fromIcsName, String fromPlaceCode,
      String toIcsCode, String toIcsName, String toPlaceCode) implements Serializable {}

  /** A practice that moved PCN. */
  record PcnChange(String practiceCode, String fromPcnCode, String toPcnCode, int day) implements Serializable {}

  Geography {
    footprints = List.copyOf(footprints);
    moves = List.copyOf(moves);
    pcnChanges = List.copyOf(pcnChanges);
  }

  /** PCN of a practice on a day. */
  int pcnOn(int practice, int day) {
    return day >= pcnChangeDay ? practicePcnAfter[practice] : practicePcnBefore[practice];
  }

  /** Place (current footprint) of the district an LSOA lies in. */
  int placeOfLsoa(int lsoa) {
    return ladPlace[lsoaLad[lsoa]];
  }

  int practiceCount() {
    return practiceCodes.length;
  }
}
