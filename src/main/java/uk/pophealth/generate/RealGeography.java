package uk.pophealth.generate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Footprints;

/**
 * England's real geography from {@code ../shared/refdata}: LSOAs (2011) with IMD 2019 rank and decile, active GP
 * practices of epraccur (prescribing setting 4, status A) weighted by their January 2021 list sizes (the median
 * where a practice has none), sub-ICB locations and ICBs from the ONS lookups: LSOA to CCG / STP (2021) for the
 * footprint before 1 July 2022 and LSOA to sub-ICB / ICB (2022) from then, so Bassetlaw (sub-ICB 02Q, district
 * E07000171) moves from South Yorkshire and Bassetlaw to Nottingham and Nottinghamshire. A place is a sub-ICB
 * location (its E38 code and name); a district's place is the sub-ICB holding most of its LSOAs. PCNs are
 * synthetic groupings of real practices (no national ePCN file is in the reference data) and say so in their names.
 *
 * <p>England in miniature keeps some of the ICBs (2022) whole: first those an organisation really moved between
 * (Bassetlaw's two), then the others in code order. Their LSOAs, and the practices their sub-ICBs commission, are
 * kept; an STP of 2021 appears only through the LSOAs kept.
 */
final class RealGeography {
  static final String SUB_ICB_LOOKUP = "geography_lookups/lookup_lsoa11_sicbl22_icb22_ltla22.csv";
  static final String CCG_LOOKUP = "geography_lookups/lookup_lsoa11_ccg21_stp21_ltla21.csv";
  static final String IMD = "imd2019_lsoa11/imd2019_england_lsoa11.csv";
  static final String IMD_FILE_1 = "imd2019_lsoa11/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv";
  static final String EPRACCUR = "gp_practices/epraccur.csv";
  static final String LIST_SIZES = "gp_practices/gp-reg-pat-prac-all_jan2021.csv";

  private static final int EPRACCUR_CODE = 0;
  private static final int EPRACCUR_NAME = 1;
  private static final int EPRACCUR_OPEN_DATE = 10;
  private static final int EPRACCUR_STATUS = 12;
  private static final int EPRACCUR_COMMISSIONER = 14;
  private static final int EPRACCUR_SETTING = 25;

  private record Imd(int rank, int decile) {}

  private record LsoaGeo(String lsoa, String subIcb, String subIcbOns, String subIcbName, String icb, String icbName,
      String lad, String stp, String stpName) {}

  private RealGeography() {}

  static Geography load(Path refdata, Timeline timeline, int icsCount) {
    Map<String, Imd> imd = readImd(refdata);
    Map<String, String[]> stpOf = new HashMap<>();
    for (Map<String, String> r : CsvFile.read(refdata.resolve(CCG_LOOKUP), StandardCharsets.UTF_8, true).records()) {
      stpOf.put(r.get("lsoa11_code"), new String[] {r.get("stp21_code"), r.get("stp21_name")});
    }
    List<LsoaGeo> lsoas = new ArrayList<>();
    for (Map<String, String> r : CsvFile.read(refdata.resolve(SUB_ICB_LOOKUP), StandardCharsets.UTF_8, true).records()) {
      String code = r.get("lsoa11_code");
      String[] stp = stpOf.get(code);
      if (stp == null || !imd.containsKey(code)) {
        continue;
      }
      lsoas.add(new LsoaGeo(code, r.get("sicbl22_code_h"), r.get("sicbl22_code"), r.get("sicbl22_name"),
          r.get("icb22_code"), r.get("icb22_name"), r.get("ltla22_code"), stp[0], stp[1]));
    }
    lsoas.sort((a, b) -> a.lsoa().compareTo(b.lsoa()));
    Set<String> kept = keptIcbs(lsoas, icsCount);
    lsoas.removeIf(l -> !kept.contains(l.icb()));
    GeographyBuilder builder = new GeographyBuilder("real");
    Map<String, List<LsoaGeo>> bySubIcb = group(lsoas, LsoaGeo::subIcb);
    Map<String, List<LsoaGeo>> byLad = group(lsoas, LsoaGeo::lad);
    Map<String, Integer> placeOfSubIcb = new HashMap<>();
    bySubIcb.forEach((subIcb, members) -> {
      builder.subIcb(subIcb);
      LsoaGeo first = members.get(0);
      placeOfSubIcb.put(subIcb, builder.place(first.subIcbOns(), first.subIcbName()));
      addFootprints(builder, timeline, Footprints.ORG_TYPE_SUB_ICB, subIcb, members, first);
    });
    Map<String, String> dominantPostOfPre = dominantPostIcs(bySubIcb);
    Map<String, Integer> ladIndex = new HashMap<>();
    byLad.forEach((lad, members) -> {
      LsoaGeo placeHolder = members.stream().filter(m -> m.subIcb().equals(majority(members, LsoaGeo::subIcb)))
          .findFirst().orElseThrow();
      ladIndex.put(lad, builder.lad(lad, placeOfSubIcb.get(placeHolder.subIcb())));
      addFootprints(builder, timeline, Footprints.ORG_TYPE_LAD, lad, members, placeHolder);
    });
    recordMoves(builder, bySubIcb, Footprints.ORG_TYPE_SUB_ICB, dominantPostOfPre);
    recordMoves(builder, byLad, Footprints.ORG_TYPE_LAD, dominantPostOfPre);
    for (LsoaGeo lsoa : lsoas) {
      Imd deprivation = imd.get(lsoa.lsoa());
      builder.lsoa(lsoa.lsoa(), ladIndex.get(lsoa.lad()), deprivation.rank(), deprivation.decile(), lsoa.subIcb());
    }
    addPractices(builder, refdata);
    return builder.build(timeline);
  }

  private static void addFootprints(GeographyBuilder builder, Timeline timeline, String orgType, String org,
      List<LsoaGeo> members, LsoaGeo place) {
    String pre = majority(members, LsoaGeo::stp);
    String post = majority(members, LsoaGeo::icb);
    String preName = members.stream().filter(m -> m.stp().equals(pre)).findFirst().orElseThrow().stpName();
    String postName = members.stream().filter(m -> m.icb().equals(post)).findFirst().orElseThrow().icbName();
    if (pre.equals(post)) {
      builder.footprint(new Geography.FootprintRow(orgType, org, place.subIcbOns(), place.subIcbName(), post, postName,
          timeline.footprintStartDay(), -1));
      return;
    }
    builder.footprint(new Geography.FootprintRow(orgType, org, place.subIcbOns(), place.subIcbName(), pre, preName,
        timeline.footprintStartDay(), timeline.footprintChangeDay() - 1));
    builder.footprint(new Geography.FootprintRow(orgType, org, place.subIcbOns(), place.subIcbName(), post, postName,
        timeline.footprintChangeDay(), -1));
  }

  /** The first {@code icsCount} ICBs: those linked by a real move (its old ICS's successor and its new one) first. */
  private static Set<String> keptIcbs(List<LsoaGeo> lsoas, int icsCount) {
    Set<String> order = new LinkedHashSet<>();
    Map<String, List<LsoaGeo>> bySubIcb = group(lsoas, LsoaGeo::subIcb);
    Map<String, String> dominantPostOfPre = dominantPostIcs(bySubIcb);
    bySubIcb.values().forEach(members -> {
      String pre = dominantPostOfPre.get(majority(members, LsoaGeo::stp));
      String post = majority(members, LsoaGeo::icb);
      if (!post.equals(pre)) {
        order.add(pre);
        order.add(post);
      }
    });
    lsoas.stream().map(LsoaGeo::icb).sorted().forEach(order::add);
    return order.stream().limit(icsCount).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** For each 2021 STP, the 2022 ICB most of its sub-ICBs went to (a renamed ICS rather than a move). */
  private static Map<String, String> dominantPostIcs(Map<String, List<LsoaGeo>> bySubIcb) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    bySubIcb.values().forEach(members -> counts.computeIfAbsent(majority(members, LsoaGeo::stp), k -> new TreeMap<>())
        .merge(majority(members, LsoaGeo::icb), 1, Integer::sum));
    Map<String, String> dominant = new HashMap<>();
    counts.forEach((pre, posts) -> dominant.put(pre,
        posts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
    return dominant;
  }

  /** Organisations whose ICS after the change differs from where most of their old ICS went: the real moves. */
  private static void recordMoves(GeographyBuilder builder, Map<String, List<LsoaGeo>> byOrg, String orgType,
      Map<String, String> dominantPostOfPre) {
    byOrg.forEach((org, members) -> {
      String pre = majority(members, LsoaGeo::stp);
      String post = majority(members, LsoaGeo::icb);
      if (!post.equals(dominantPostOfPre.getOrDefault(pre, post))) {
        LsoaGeo preHolder = members.stream().filter(m -> m.stp().equals(pre)).findFirst().orElseThrow();
        LsoaGeo postHolder = members.stream().filter(m -> m.icb().equals(post)).findFirst().orElseThrow();
        builder.move(new Geography.Move(orgType, org, pre, preHolder.stpName(), postHolder.subIcbOns(), post,
            postHolder.icbName(), postHolder.subIcbOns()));
      }
    });
  }

  private static void addPractices(GeographyBuilder builder, Path refdata) {
    Map<String, Double> listSizes = new HashMap<>();
    for (Map<String, String> r : CsvFile.read(refdata.resolve(LIST_SIZES), StandardCharsets.UTF_8, true).records()) {
      listSizes.merge(r.get("CODE"), Double.parseDouble(r.get("NUMBER_OF_PATIENTS")), Double::sum);
    }
    double[] sorted = listSizes.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted.length == 0 ? 1.0 : sorted[sorted.length / 2];
    List<List<String>> rows = new ArrayList<>(
        CsvFile.read(refdata.resolve(EPRACCUR), StandardCharsets.ISO_8859_1, false).rows());
    rows.sort((a, b) -> a.get(EPRACCUR_CODE).compareTo(b.get(EPRACCUR_CODE)));
    DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
    for (List<String> row : rows) {
      if (row.size() <= EPRACCUR_SETTING || !row.get(EPRACCUR_SETTING).equals("4")
          || !row.get(EPRACCUR_STATUS).equals("A") || !builder.hasSubIcb(row.get(EPRACCUR_COMMISSIONER))) {
        continue;
      }
      String code = row.get(EPRACCUR_CODE);
      double size = listSizes.getOrDefault(code, median);
      if (size <= 0) {
        continue;
      }
      String open = row.get(EPRACCUR_OPEN_DATE);
      int from = open.length() == 8 ? (int) LocalDate.parse(open, basic).toEpochDay()
          : (int) Timeline.PRACTICE_START.toEpochDay();
      builder.practice(code, row.get(EPRACCUR_NAME), row.get(EPRACCUR_COMMISSIONER), size, from);
    }
  }

  private static Map<String, Imd> readImd(Path refdata) {
    Map<String, Imd> imd = new HashMap<>();
    Path tidy = refdata.resolve(IMD);
    if (Files.isRegularFile(tidy)) {
      CsvFile file = CsvFile.read(tidy, StandardCharsets.UTF_8, true);
      int code = file.column("lsoa11_code");
      int rank = file.column("IMD_rank");
      int decile = file.column("IMD_decile");
      for (List<String> row : file.rows()) {
        imd.put(row.get(code), new Imd(Integer.parseInt(row.get(rank)), Integer.parseInt(row.get(decile))));
      }
      return imd;
    }
    Path official = refdata.resolve(IMD_FILE_1);
    if (!Files.isRegularFile(official)) {
      throw PopHealthException.badConfig("Cannot generate real geography: no IMD 2019 file under %s (%s or %s)",
          refdata, IMD, IMD_FILE_1);
    }
    for (List<String> row : CsvFile.read(official, StandardCharsets.UTF_8, true).rows()) {
      imd.put(row.get(0), new Imd(Integer.parseInt(row.get(4).replace(",", "")), Integer.parseInt(row.get(5))));
    }
    return imd;
  }

  private static <K> Map<K, List<LsoaGeo>> group(List<LsoaGeo> lsoas, Function<LsoaGeo, K> key) {
    return lsoas.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
  }

  /** Most frequent value (ties to the smallest) among the members. */
  private static String majority(List<LsoaGeo> members, Function<LsoaGeo, String> value) {
    Map<String, Long> counts = members.stream().collect(Collectors.groupingBy(value, TreeMap::new,
        Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
  }

  static List<String> requiredFiles() {
    return Arrays.asList(SUB_ICB_LOOKUP, CCG_LOOKUP, EPRACCUR, LIST_SIZES);
  }
}
