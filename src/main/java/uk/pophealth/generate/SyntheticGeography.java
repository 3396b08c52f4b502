package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import uk.pophealth.schema.InputTables.Footprints;

/**
 * A synthetic geography with codes shaped like ODS / ONS codes but impossible in real data (a {@code Z} where
 * real codes have a digit or a real region letter): ICS {@code E54Z00001}, place {@code ZP001}, sub-ICB {@code Z01},
 * district {@code E07Z00001}, LSOA {@code E01Z00001}, practice {@code Z00001}, PCN {@code UZ0001}.
 *
 * <p>Every place is one sub-ICB and one coterminous district. One extra sub-ICB + district (the "moved area", like
 * Bassetlaw) belongs before the footprint change date to a neighbouring ICS (ICS 2's first place, or with one ICS
 * a synthetic neighbouring ICS {@code E54Z99999} that has no other members) and from that date to the last place of
 * ICS 1. Each district has at least 20 LSOAs with IMD deciles spread evenly (every decile in every district).
 */
final class SyntheticGeography {
  static final String NEIGHBOUR_ICS_CODE = "E54Z99999";
  static final String NEIGHBOUR_ICS_NAME = "Synthetic Neighbouring ICS";
  static final String NEIGHBOUR_PLACE_CODE = "ZP999";
  static final String NEIGHBOUR_PLACE_NAME = "Synthetic Neighbouring Place";
  static final int PEOPLE_PER_LSOA = 1600;
  static final int MIN_LSOAS_PER_DISTRICT = 20;
  static final int MIN_PRACTICES_PER_SUB_ICB = 10;
  static final int PEOPLE_PER_PRACTICE = 8000;
  static final int LSOAS_PER_DECILE_NATIONALLY = 3284;

  private SyntheticGeography() {}

  private record Area(String subIcb, String lad, double weight, int place) {}

  static Geography build(long people, long seed, int icsCount, int placesPerIcs, Timeline timeline) {
    SplittableRandom rng = Rng.stream(seed, 0, Rng.GEOGRAPHY);
    GeographyBuilder builder = new GeographyBuilder("synthetic");
    List<Area> areas = new ArrayList<>();
    int areaNumber = 0;
    for (int ics = 1; ics <= icsCount; ics++) {
      for (int p = 1; p <= placesPerIcs; p++) {
        areaNumber++;
        String placeCode = placeCode(areaNumber);
        String placeName = String.format("Synthetic Place %d (ICS %d)", areaNumber, ics);
        int place = builder.place(placeCode, placeName);
        Area area = new Area(subIcbCode(areaNumber), String.format("E07Z%05d", areaNumber), 0.7 + 0.6 * rng.nextDouble(),
            place);
        areas.add(area);
        for (String orgType : List.of(Footprints.ORG_TYPE_SUB_ICB, Footprints.ORG_TYPE_LAD)) {
          builder.footprint(new Geography.FootprintRow(orgType, orgCode(orgType, area), placeCode, placeName,
              icsCode(ics), icsName(ics), timeline.footprintStartDay(), -1));
        }
      }
    }
    areaNumber++;
    int lastPlaceOfFirstIcs = placesPerIcs - 1;
    Area moved = new Area(subIcbCode(areaNumber), String.format("E07Z%05d", areaNumber), 0.5,
        areas.get(lastPlaceOfFirstIcs).place());
    areas.add(moved);
    String fromIcsCode = icsCount >= 2 ? icsCode(2) : NEIGHBOUR_ICS_CODE;
    String fromIcsName = icsCount >= 2 ? icsName(2) : NEIGHBOUR_ICS_NAME;
    String fromPlaceCode = icsCount >= 2 ? placeCode(placesPerIcs + 1) : NEIGHBOUR_PLACE_CODE;
    String fromPlaceName = icsCount >= 2 ? String.format("Synthetic Place %d (ICS 2)", placesPerIcs + 1)
        : NEIGHBOUR_PLACE_NAME;
    String toPlaceCode = placeCode(lastPlaceOfFirstIcs + 1);
    String toPlaceName = String.format("Synthetic Place %d (ICS 1)", lastPlaceOfFirstIcs + 1);
    for (String orgType : List.of(Footprints.ORG_TYPE_SUB_ICB, Footprints.ORG_TYPE_LAD)) {
      String org = orgCode(orgType, moved);
      builder.footprint(new Geography.FootprintRow(orgType, org, fromPlaceCode, fromPlaceName, fromIcsCode,
          fromIcsName, timeline.footprintStartDay(), timeline.footprintChangeDay() - 1));
      builder.footprint(new Geography.FootprintRow(orgType, org, toPlaceCode, toPlaceName, icsCode(1), icsName(1),
          timeline.footprintChangeDay(), -1));
      builder.move(new Geography.Move(orgType, org, fromIcsCode, fromIcsName, fromPlaceCode, icsCode(1), icsName(1),
          toPlaceCode));
    }
    addPracticesAndLsoas(builder, areas, people, rng);
    return builder.build(timeline);
  }

  private static void addPracticesAndLsoas(GeographyBuilder builder, List<Area> areas, long people,
      SplittableRandom rng) {
    double totalWeight = areas.stream().mapToDouble(Area::weight).sum();
    long practicesWanted = Math.max((long) MIN_PRACTICES_PER_SUB_ICB * areas.size(), people / PEOPLE_PER_PRACTICE);
    int practiceNumber = 0;
    int lsoaNumber = 0;
    int[] decileCounters = new int[11];
    for (Area area : areas) {
      double share = area.weight() / totalWeight;
      int practices = (int) Math.max(MIN_PRACTICES_PER_SUB_ICB, Math.round(practicesWanted * share));
      double[] listWeights = new double[practices];
      double listTotal = 0;
      for (int j = 0; j < practices; j++) {
        listWeights[j] = Math.exp(0.4 * rng.nextGaussian());
        listTotal += listWeights[j];
      }
      for (int j = 0; j < practices; j++) {
        practiceNumber++;
        builder.practice(String.format("Z%05d", practiceNumber),
            String.format("Synthetic Practice %d", practiceNumber), area.subIcb(),
            area.weight() * listWeights[j] / listTotal, (int) Timeline.PRACTICE_START.toEpochDay());
      }
      int lad = builder.lad(area.lad(), area.place());
      int lsoas = (int) Math.max(MIN_LSOAS_PER_DISTRICT, Math.round(people * share / PEOPLE_PER_LSOA));
      int[] deciles = new int[lsoas];
      for (int k = 0; k < lsoas; k++) {
        deciles[k] = k % 10 + 1;
      }
      for (int k = lsoas - 1; k > 0; k--) {
        int swap = rng.nextInt(k + 1);
        int held = deciles[k];
        deciles[k] = deciles[swap];
        deciles[swap] = held;
      }
      for (int decile : deciles) {
        lsoaNumber++;
        int rank = (decile - 1) * LSOAS_PER_DECILE_NATIONALLY + 1 + decileCounters[decile] % LSOAS_PER_DECILE_NATIONALLY;
        decileCounters[decile]++;
        builder.lsoa(String.format("E01Z%05d", lsoaNumber), lad, rank, decile, area.subIcb());
      }
    }
  }

  private static String orgCode(String orgType, Area area) {
    return orgType.equals(Footprints.ORG_TYPE_SUB_ICB) ? area.subIcb() : area.lad();
  }

  static String icsCode(int ics) {
    return String.format("E54Z%05d", ics);
  }

  static String icsName(int ics) {
    return "Synthetic ICS " + ics;
  }

  static String placeCode(int number) {
    return String.format("ZP%03d", number);
  }

  /** "Z" and two base-36 characters: Z01 ... ZZZ (1,295 sub-ICBs). */
  static String subIcbCode(int number) {
    String digits = Integer.toString(number, 36).toUpperCase(java.util.Locale.ROOT);
    return "Z" + (digits.length() == 1 ? "0" + digits : digits);
  }
}
