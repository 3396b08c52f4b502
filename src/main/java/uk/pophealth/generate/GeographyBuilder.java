package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.pophealth.core.PopHealthException;

/**
 * Collects practices, LSOAs, districts, places and footprints of either geography mode, then groups practices into
 * synthetic PCNs of about five within each sub-ICB (ordered by practice code) and plants one PCN change: the last
 * practice of the first PCN that has a neighbouring PCN in its sub-ICB moves to that PCN mid-series.
 */
final class GeographyBuilder {
  static final int PRACTICES_PER_PCN = 5;

  private record PracticeIn(String code, String name, int subIcb, double weight, int from) {}

  private final String mode;
  private final Map<String, Integer> subIcbIndex = new LinkedHashMap<>();
  private final List<PracticeIn> practices = new ArrayList<>();
  private final List<String> lsoaCodes = new ArrayList<>();
  private final List<Integer> lsoaLad = new ArrayList<>();
  private final List<Integer> lsoaRank = new ArrayList<>();
  private final List<Integer> lsoaDecile = new ArrayList<>();
  private final Map<Integer, List<Integer>> lsoasOfSubIcb = new LinkedHashMap<>();
  private final Map<String, Integer> ladIndex = new LinkedHashMap<>();
  private final List<Integer> ladPlace = new ArrayList<>();
  private final Map<String, Integer> placeIndex = new LinkedHashMap<>();
  private final List<String> placeNames = new ArrayList<>();
  private final List<Geography.FootprintRow> footprints = new ArrayList<>();
  private final List<Geography.Move> moves = new ArrayList<>();

  GeographyBuilder(String mode) {
    this.mode = mode;
  }

  int subIcb(String code) {
    return subIcbIndex.computeIfAbsent(code, c -> subIcbIndex.size());
  }

  boolean hasSubIcb(String code) {
    return subIcbIndex.containsKey(code);
  }

  int place(String code, String name) {
    Integer existing = placeIndex.get(code);
    if (existing != null) {
      return existing;
    }
    placeIndex.put(code, placeNames.size());
    placeNames.add(name);
    return placeNames.size() - 1;
  }

  int lad(String code, int place) {
    Integer existing = ladIndex.get(code);
    if (existing != null) {
      return existing;
    }
    ladIndex.put(code, ladPlace.size());
    ladPlace.add(place);
    return ladPlace.size() - 1;
  }

  void practice(String code, String name, String subIcbCode, double weight, int from) {
    practices.add(new PracticeIn(code, name, subIcb(subIcbCode), weight, from));
  }

  /** Adds an LSOA; {@code subIcbCode} null for an LSOA no generated person lives in. */
  void lsoa(String code, int lad, int rank, int decile, String subIcbCode) {
    int index = lsoaCodes.size();
    lsoaCodes.add(code);
    lsoaLad.add(lad);
    lsoaRank.add(rank);
    lsoaDecile.add(decile);
    if (subIcbCode != null) {
      lsoasOfSubIcb.computeIfAbsent(subIcb(subIcbCode), k -> new ArrayList<>()).add(index);
    }
  }

  void footprint(Geography.FootprintRow row) {
    footprints.add(row);
  }

  void move(Geography.Move move) {
    moves.add(move);
  }

  Geography build(Timeline timeline) {
    List<PracticeIn> usable = practices.stream().filter(p -> lsoasOfSubIcb.containsKey(p.subIcb())).toList();
    PopHealthException.checkConfig(!usable.isEmpty(), "Cannot generate: no practice has LSOAs in its sub-ICB (%s)", mode);
    int n = usable.size();
    String[] codes = new String[n];
    String[] names = new String[n];
    int[] subIcbOf = new int[n];
    int[] from = new int[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      PracticeIn p = usable.get(i);
      codes[i] = p.code();
      names[i] = p.name();
      subIcbOf[i] = p.subIcb();
      from[i] = p.from();
      weights[i] = p.weight();
    }
    int subIcbs = subIcbIndex.size();
    int[][] practicesOf = new int[subIcbs][];
    int[][] lsoasOf = new int[subIcbs][];
    for (int s = 0; s < subIcbs; s++) {
      final int sub = s;
      practicesOf[s] = java.util.stream.IntStream.range(0, n).filter(i -> subIcbOf[i] == sub)
          .boxed().sorted(Comparator.comparing(i -> codes[i])).mapToInt(Integer::intValue).toArray();
      lsoasOf[s] = lsoasOfSubIcb.getOrDefault(s, List.of()).stream().mapToInt(Integer::intValue).toArray();
    }
    List<String> pcnCodes = new ArrayList<>();
    List<String> pcnNames = new ArrayList<>();
    List<Integer> pcnSubIcb = new ArrayList<>();
    int[] pcnBefore = new int[n];
    String[] subIcbCodes = subIcbIndex.keySet().toArray(String[]::new);
    for (int s = 0; s < subIcbs; s++) {
      int[] members = practicesOf[s];
      if (members.length == 0) {
        continue;
      }
      int groups = Math.max(1, Math.round(members.length / (float) PRACTICES_PER_PCN));
      int first = pcnCodes.size();
      for (int g = 0; g < groups; g++) {
        int number = pcnCodes.size() + 1;
        pcnCodes.add(String.format("UZ%04d", number));
        pcnNames.add(String.format("Synthetic PCN %04d (%s)", number, subIcbCodes[s]));
        pcnSubIcb.add(s);
      }
      for (int j = 0; j < members.length; j++) {
        pcnBefore[members[j]] = first + (int) ((long) j * groups / members.length);
      }
    }
    int[] pcnAfter = pcnBefore.clone();
    List<Geography.PcnChange> changes = new ArrayList<>();
    for (int s = 0; s < subIcbs && changes.isEmpty(); s++) {
      int[] members = practicesOf[s];
      if (members.length < 2 || pcnBefore[members[0]] == pcnBefore[members[members.length - 1]]) {
        continue;
      }
      int firstPcn = pcnBefore[members[0]];
      int mover = -1;
      for (int member : members) {
        if (pcnBefore[member] == firstPcn) {
          mover = member;
        }
      }
      long membersOfFirst = java.util.Arrays.stream(members).filter(m -> pcnBefore[m] == firstPcn).count();
      if (membersOfFirst < 2) {
        continue;
      }
      pcnAfter[mover] = firstPcn + 1;
      changes.add(new Geography.PcnChange(codes[mover], pcnCodes.get(firstPcn), pcnCodes.get(firstPcn + 1),
          timeline.pcnChangeDay()));
    }
    return new Geography(mode, codes, names, subIcbOf, from, Rng.cumulative(weights), pcnBefore, pcnAfter,
        timeline.pcnChangeDay(), pcnCodes.toArray(String[]::new), pcnNames.toArray(String[]::new),
        pcnSubIcb.stream().mapToInt(Integer::intValue).toArray(), subIcbCodes, practicesOf, lsoasOf,
        lsoaCodes.toArray(String[]::new), ints(lsoaLad), ints(lsoaRank), ints(lsoaDecile),
        ladIndex.keySet().toArray(String[]::new), ints(ladPlace), placeIndex.keySet().toArray(String[]::new),
        placeNames.toArray(String[]::new), footprints, moves, changes);
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
