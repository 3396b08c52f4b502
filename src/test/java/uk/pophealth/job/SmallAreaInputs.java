package uk.pophealth.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-made set of every input table holding, at once, the data shapes small areas produce (issue 23). Footprint
 * (all in force throughout):
 *
 * <pre>
 *   ICS E54Z00001 "Big ICS"    place ZP001 (sub-ICB Z01, district E07Z00001), place ZP002 (Z02, E07Z00002)
 *   ICS E54Z00002 "Small ICS"  place ZP003 (Z03, E07Z00003): every count small, so every place suppressed
 *   ICS E54Z00003 "Quiet ICS"  place ZP004 (Z04, E07Z00004): residents and a practice, no referral at all
 * </pre>
 *
 * Practices: Z00001, Z00002 (PCN UZ0001) and Z00003 (UZ0002, the only practice of its PCN: registered patients, none
 * with dementia) in Z01; Z00004, Z00005 (closes {@link #CLOSED_AFTER}: its patients move to Z00004 the next day) and
 * Z00008 (nobody registered there, though some of Z00004's patients have their diagnosis recorded at it) in PCN
 * UZ0003 of Z02; Z00006 (PCN UZ0004, three people with dementia) in Z03; Z00007 (UZ0005) in Z04.
 *
 * <p>IMD deciles: no LSOA has decile 6, and the one LSOA of decile 5 ({@link #EMPTY_LSOA}) has no residents, a
 * population of 0 in every population row, and no referrals. Nothing at all happens in {@link #QUIET_MONTH}: no GP
 * event, social care event or referral is dated in it.
 */
final class SmallAreaInputs {
  static final String BIG_ICS = "E54Z00001";
  static final String SMALL_ICS = "E54Z00002";
  static final String QUIET_ICS = "E54Z00003";
  static final String SMALL_PLACE = "ZP003";
  static final String SMALL_PCN = "UZ0004";
  static final String SMALL_PRACTICE = "Z00006";
  static final String QUIET_PLACE = "ZP004";
  static final String QUIET_DISTRICT = "E07Z00004";
  static final String EMPTY_PRACTICE = "Z00003";
  static final String EMPTY_PCN = "UZ0002";
  /** The place of the empty practice (with Z00001 and Z00002). */
  static final String EMPTY_PRACTICE_PLACE = "ZP001";
  static final String CLOSING_PRACTICE = "Z00005";
  static final String CLOSING_PCN = "UZ0003";
  static final String RECEIVING_PRACTICE = "Z00004";
  static final String UNREGISTERED_PRACTICE = "Z00008";
  static final LocalDate CLOSED_AFTER = LocalDate.of(2024, 6, 30);
  static final YearMonth QUIET_MONTH = YearMonth.of(2024, 3);
  static final String EMPTY_LSOA = "E01Z00005";
  static final int EMPTY_DECILE = 5;
  static final int ABSENT_DECILE = 6;
  static final String SERVICE = "wellbeing";
  /** The reporting range of the runs; the history starts 12 months earlier. */
  static final YearMonth FROM = YearMonth.of(2023, 1);
  static final YearMonth TO = YearMonth.of(2024, 12);
  static final YearMonth HISTORY_FROM = YearMonth.of(2022, 1);

  private static final String DEMENTIA = "52448006";
  private static final String ACP = "736366004";
  private static final String HYPERTENSION = "38341003";
  private static final String[] BANDS = {"0-64", "65-74", "75-84", "85+"};

  /** district -> its LSOAs and their deciles (E01Z00005 is the empty decile-5 LSOA). */
  private static final Map<String, Map<String, Integer>> LSOAS = new TreeMap<>(Map.of(
      "E07Z00001", new TreeMap<>(Map.of("E01Z00001", 1, "E01Z00002", 2, "E01Z00003", 3, "E01Z00004", 4,
          EMPTY_LSOA, EMPTY_DECILE, "E01Z00007", 7)),
      "E07Z00002", new TreeMap<>(Map.of("E01Z00008", 8, "E01Z00009", 9, "E01Z00010", 10, "E01Z00011", 1)),
      "E07Z00003", new TreeMap<>(Map.of("E01Z00012", 3)),
      QUIET_DISTRICT, new TreeMap<>(Map.of("E01Z00013", 8))));

  private final List<String> patients = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<String> socialCare = new ArrayList<>();
  private final List<String> referrals = new ArrayList<>();
  private int dated;

  private SmallAreaInputs() {}

  /**
   * Writes every table under {@code dir} and a job.yaml over them reporting {@link #FROM} to {@link #TO}; returns the
   * job.yaml.
   */
  static Path write(Path dir) {
    return new SmallAreaInputs().build(dir);
  }

  private Path build(Path dir) {
    people("Z00001", "E07Z00001", 30, 12);
    people("Z00002", "E07Z00001", 20, 10);
    people(RECEIVING_PRACTICE, "E07Z00002", 40, 20);
    closingPractice();
    people(SMALL_PRACTICE, "E07Z00003", 3, 1);
    people("Z00007", QUIET_DISTRICT, 12, 5);
    for (int i = 0; i < 25; i++) {
      // registered at the PCN's only practice, none with dementia
      String person = "nodem-" + i;
      patients.add(String.join(",", person, EMPTY_PRACTICE, String.valueOf(1940 + i), i % 2 == 0 ? "F" : "M",
          lsoa("E07Z00001", i), "2010-01-01", "", ""));
      events.add(String.join(",", person, EMPTY_PRACTICE, laterDate(), HYPERTENSION));
    }
    requestsAndReferrals();

    write(dir, "codelists", "codelist,code,term\n" + "dementia," + DEMENTIA + ",Dementia\n" + "acp," + ACP
        + ",Advance care plan\n" + "hypertension," + HYPERTENSION + ",Hypertensive disorder\n");
    write(dir, "practices", "practice_code,practice_name,sub_icb_code,effective_from,effective_to\n"
        + practice("Z00001", "Z01", "") + practice("Z00002", "Z01", "") + practice(EMPTY_PRACTICE, "Z01", "")
        + practice(RECEIVING_PRACTICE, "Z02", "") + practice(CLOSING_PRACTICE, "Z02", CLOSED_AFTER.toString())
        + practice(SMALL_PRACTICE, "Z03", "") + practice("Z00007", "Z04", "")
        + practice(UNREGISTERED_PRACTICE, "Z02", ""));
    write(dir, "pcn_membership", "practice_code,pcn_code,pcn_name,sub_icb_code,effective_from,effective_to\n"
        + pcn("Z00001", "UZ0001", "Z01", "") + pcn("Z00002", "UZ0001", "Z01", "")
        + pcn(EMPTY_PRACTICE, EMPTY_PCN, "Z01", "") + pcn(RECEIVING_PRACTICE, CLOSING_PCN, "Z02", "")
        + pcn(CLOSING_PRACTICE, CLOSING_PCN, "Z02", CLOSED_AFTER.toString())
        + pcn(UNREGISTERED_PRACTICE, CLOSING_PCN, "Z02", "") + pcn(SMALL_PRACTICE, SMALL_PCN, "Z03", "")
        + pcn("Z00007", "UZ0005", "Z04", ""));
    StringBuilder footprints = new StringBuilder(
        "org_type,org_code,place_code,place_name,ics_code,ics_name,effective_from,effective_to\n");
    footprint(footprints, "1", BIG_ICS, "Big ICS");
    footprint(footprints, "2", BIG_ICS, "Big ICS");
    footprint(footprints, "3", SMALL_ICS, "Small ICS");
    footprint(footprints, "4", QUIET_ICS, "Quiet ICS");
    write(dir, "footprints", footprints.toString());
    StringBuilder deprivation = new StringBuilder("lsoa_code,lad_code,imd_rank,imd_decile\n");
    StringBuilder population = new StringBuilder("area_code,year,sex,age_band,population\n");
    LSOAS.forEach((district, lsoas) -> lsoas.forEach((lsoa, decile) -> {
      deprivation.append(lsoa).append(',').append(district).append(',').append(decile * 3000 - 1000).append(',')
          .append(decile).append('\n');
      // the empty LSOA's population rows are all 0 (an estimate of nobody, not a missing estimate)
      boolean empty = lsoa.equals(EMPTY_LSOA);
      for (int year = HISTORY_FROM.getYear(); year <= TO.getYear() + 3; year++) {
        for (String sex : new String[] {"F", "M"}) {
          long[] people = {600, 90, 60, 25};
          for (int band = 0; band < BANDS.length; band++) {
            population.append(String.join(",", lsoa, String.valueOf(year), sex, BANDS[band],
                String.valueOf(empty ? 0 : people[band] + (year - 2022) * band))).append('\n');
          }
        }
      }
    }));
    write(dir, "lsoa_deprivation", deprivation.toString());
    write(dir, "population", population.toString());
    write(dir, "gp_patients", "person_id,practice_code,year_of_birth,sex,lsoa_code,registration_start,"
        + "registration_end,date_of_death\n" + String.join("\n", patients) + "\n");
    write(dir, "gp_events", "person_id,practice_code,event_date,snomed_code\n" + String.join("\n", events) + "\n");
    write(dir, "social_care_events", "person_id,la_code,event_type,event_start_date,event_end_date,request_route,"
        + "service_type,event_outcome,lsoa_code\n" + String.join("\n", socialCare) + "\n");
    write(dir, "service_referrals", "referral_id,person_id,service,referral_date,referral_source,lsoa_code\n"
        + String.join("\n", referrals) + "\n");
    return write(dir, "job.yaml", yaml(FROM));
  }

  private static String yaml(YearMonth from) {
    StringBuilder yaml = new StringBuilder("inputs:\n");
    for (String table : List.of("codelists", "practices", "pcn_membership", "footprints", "lsoa_deprivation",
        "population", "gp_patients", "gp_events", "social_care_events", "service_referrals")) {
      yaml.append("  ").append(table).append(":\n    path: ").append(table).append("\n    format: csv\n");
    }
    yaml.append("output: out\nperson_id_mode: pseudonymised\n")
        .append("period_from: \"").append(from).append("\"\nperiod_to: \"").append(TO).append("\"\n")
        .append("extract_date: \"").append(TO.atEndOfMonth()).append("\"\nsii_repetitions: 2000\n");
    return yaml.toString();
  }

  /** {@code count} people with dementia at a practice, {@code withAcp} of them with an ACP code. */
  private void people(String practice, String district, int count, int withAcp) {
    for (int i = 0; i < count; i++) {
      String person = practice + "-" + i;
      patients.add(String.join(",", person, practice, String.valueOf(1925 + (i * 7) % 50), i % 2 == 0 ? "F" : "M",
          lsoa(district, i), "2010-01-01", "", ""));
      dementia(person, practice, i < withAcp);
    }
  }

  /**
   * Z00005 closes on {@link #CLOSED_AFTER}: its 15 people with dementia (6 with ACP) are registered with it until
   * then and with Z00004 from the next day. Z00004's diagnoses of three of them are recorded at Z00008, where nobody
   * is registered.
   */
  private void closingPractice() {
    for (int i = 0; i < 15; i++) {
      String person = CLOSING_PRACTICE + "-" + i;
      String lsoa = lsoa("E07Z00002", i);
      String birth = String.valueOf(1930 + i);
      String sex = i % 2 == 0 ? "F" : "M";
      patients.add(String.join(",", person, CLOSING_PRACTICE, birth, sex, lsoa, "2010-01-01", CLOSED_AFTER.toString(),
          ""));
      patients.add(String.join(",", person, RECEIVING_PRACTICE, birth, sex, lsoa, CLOSED_AFTER.plusDays(1).toString(),
          "", ""));
      dementia(person, i < 3 ? UNREGISTERED_PRACTICE : CLOSING_PRACTICE, i < 6);
    }
  }

  private void dementia(String person, String practice, boolean acp) {
    events.add(String.join(",", person, practice, diagnosisDate(), DEMENTIA));
    if (acp) {
      events.add(String.join(",", person, practice, laterDate(), ACP));
    }
  }

  /** Diagnoses spread over 2020-01 to 2022-06: the registers are whole for every month reported. */
  private String diagnosisDate() {
    return LocalDate.of(2020, 1, 3).plusDays((dated++ * 13L) % 900).toString();
  }

  /** ACP and other codes spread over 2022-01 to 2024-10, never in the quiet month. */
  private String laterDate() {
    LocalDate date = LocalDate.of(2022, 1, 5).plusDays((dated++ * 17L) % 1030);
    return YearMonth.from(date).equals(QUIET_MONTH) ? date.plusMonths(1).toString() : date.toString();
  }

  /**
   * Social care requests (half assessed the same month) and wellbeing referrals every month but the quiet one: about
   * 12 and 8 a month in each place of the big ICS, one every other month in the small ICS, none in the quiet ICS.
   */
  private void requestsAndReferrals() {
    int id = 0;
    for (YearMonth month = HISTORY_FROM; !month.isAfter(TO); month = month.plusMonths(1)) {
      if (month.equals(QUIET_MONTH)) {
        continue;
      }
      int t = (int) HISTORY_FROM.until(month, ChronoUnit.MONTHS);
      Map<String, Integer> requests = new TreeMap<>(Map.of("E07Z00001", 10 + t % 5 + t / 6, "E07Z00002", 8 + t % 4,
          "E07Z00003", t % 2));
      for (Map.Entry<String, Integer> district : requests.entrySet()) {
        for (int i = 0; i < district.getValue(); i++) {
          id++;
          String person = "sc-" + id;
          String lsoa = lsoa(district.getKey(), id);
          String day = month.atDay(1 + i % 25).toString();
          socialCare.add(String.join(",", person, district.getKey(), "Request", day, day, "Self-referral", "",
              "Progress to Assessment", lsoa));
          if (i % 2 == 0) {
            String assessed = month.atDay(2 + i % 25).toString();
            socialCare.add(String.join(",", person, district.getKey(), "Assessment", assessed, assessed, "", "",
                "No services", lsoa));
          }
          if (i % 3 != 1) {
            referrals.add(String.join(",", "RF" + id, person, SERVICE, day, "GP", lsoa));
          }
        }
      }
    }
  }

  /** The district's LSOAs with residents, in turn. */
  private static String lsoa(String district, int i) {
    List<String> lived = LSOAS.get(district).keySet().stream().filter(l -> !l.equals(EMPTY_LSOA)).toList();
    return lived.get(Math.floorMod(i, lived.size()));
  }

  private static String practice(String code, String subIcb, String closed) {
    return String.join(",", code, "Practice " + code, subIcb, "1974-04-01", closed) + "\n";
  }

  private static String pcn(String practice, String pcn, String subIcb, String closed) {
    return String.join(",", practice, pcn, "PCN " + pcn, subIcb, "2019-07-01", closed) + "\n";
  }

  private static void footprint(StringBuilder out, String n, String ics, String icsName) {
    String place = "ZP00" + n;
    out.append(String.join(",", "sub_icb", "Z0" + n, place, "Place " + n, ics, icsName, "2000-01-01", "")).append('\n');
    out.append(String.join(",", "lad", "E07Z0000" + n, place, "Place " + n, ics, icsName, "2000-01-01", ""))
        .append('\n');
  }

  private static Path write(Path dir, String table, String content) {
    try {
      Path file = table.endsWith(".yaml") ? dir.resolve(table) : dir.resolve(table).resolve("part-00000.csv");
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
