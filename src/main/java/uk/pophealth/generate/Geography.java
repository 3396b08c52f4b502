package uk.pophealth.generate;

import java.io.Serializable;
import java.util.List;

/**
 * The geography people are generated into, small enough for the driver (at most England's ~6,500 practices and
 * ~33,000 LSOAs): practices with list-size weights and effective-dated PCN membership, sub-ICB locations with their
 * practices and LSOAs, LSOAs with IMD rank and decile, districts, places, and the effective-dated footprints.
 * Built by {@link SyntheticGeography} or {@link RealGeography} through {@link GeographyBuilder}; read on executors.
 */
final class Geography implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One footprints row: a sub-ICB or district mapped to a place and ICS over a period ({@code to} -1 = open). */
  record FootprintRow(String orgType, String orgCode, String placeCode, String placeName, String icsCode,
      String icsName, int from, int to) implements Serializable {}

  /** An organisation that changed ICS on the footprint change date. */
  record Move(String orgType, String orgCode, String fromIcsCode, String fromIcsName, String fromPlaceCode,
      String toIcsCode, String toIcsName, String toPlaceCode) implements Serializable {}

  /** A practice that moved PCN. */
  record PcnChange(String practiceCode, String fromPcnCode, String toPcnCode, int day) implements Serializable {}

  final String mode;
  final String[] practiceCodes;
  final String[] practiceNames;
  final int[] practiceSubIcb;
  final int[] practiceFrom;
  final double[] practiceCumulativeWeight;
  final int[] practicePcnBefore;
  final int[] practicePcnAfter;
  final int pcnChangeDay;
  final String[] pcnCodes;
  final String[] pcnNames;
  final int[] pcnSubIcb;
  final String[] subIcbCodes;
  final int[][] subIcbPractices;
  final int[][] subIcbLsoas;
  final String[] lsoaCodes;
  final int[] lsoaLad;
  final int[] lsoaRank;
  final int[] lsoaDecile;
  final String[] ladCodes;
  final int[] ladPlace;
  final String[] placeCodes;
  final String[] placeNames;
  final List<FootprintRow> footprints;
  final List<Move> moves;
  final List<PcnChange> pcnChanges;

  Geography(String mode, String[] practiceCodes, String[] practiceNames, int[] practiceSubIcb, int[] practiceFrom,
      double[] practiceCumulativeWeight, int[] practicePcnBefore, int[] practicePcnAfter, int pcnChangeDay,
      String[] pcnCodes, String[] pcnNames, int[] pcnSubIcb, String[] subIcbCodes, int[][] subIcbPractices,
      int[][] subIcbLsoas, String[] lsoaCodes, int[] lsoaLad, int[] lsoaRank, int[] lsoaDecile, String[] ladCodes,
      int[] ladPlace, String[] placeCodes, String[] placeNames, List<FootprintRow> footprints, List<Move> moves,
      List<PcnChange> pcnChanges) {
    this.mode = mode;
    this.practiceCodes = practiceCodes;
    this.practiceNames = practiceNames;
    this.practiceSubIcb = practiceSubIcb;
    this.practiceFrom = practiceFrom;
    this.practiceCumulativeWeight = practiceCumulativeWeight;
    this.practicePcnBefore = practicePcnBefore;
    this.practicePcnAfter = practicePcnAfter;
    this.pcnChangeDay = pcnChangeDay;
    this.pcnCodes = pcnCodes;
    this.pcnNames = pcnNames;
    this.pcnSubIcb = pcnSubIcb;
    this.subIcbCodes = subIcbCodes;
    this.subIcbPractices = subIcbPractices;
    this.subIcbLsoas = subIcbLsoas;
    this.lsoaCodes = lsoaCodes;
    this.lsoaLad = lsoaLad;
    this.lsoaRank = lsoaRank;
    this.lsoaDecile = lsoaDecile;
    this.ladCodes = ladCodes;
    this.ladPlace = ladPlace;
    this.placeCodes = placeCodes;
    this.placeNames = placeNames;
    this.footprints = List.copyOf(footprints);
    this.moves = List.copyOf(moves);
    this.pcnChanges = List.copyOf(pcnChanges);
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
