package uk.pophealth.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Population;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.TableSchema;
import uk.pophealth.testing.SharedSpark;

/**
 * Generates a small synthetic population (one ICS of three places) four times — twice with one seed, once with
 * another seed, once with no bad rows — and checks determinism, the exact bad-row counts, and that every planted
 * truth is in the data, by recomputing from the raw CSV with {@link RuleCheck}'s independent rule definitions.
 */
class GenerateJobTest {
  static final long PEOPLE = 6000;
  static final long SEED = 7;
  static final LocalDate PERIOD_END = LocalDate.of(2025, 12, 31);

  @TempDir
  static Path temp;
  static GeneratedData first;
  static GeneratedData again;
  static GeneratedData otherSeed;
  static GeneratedData clean;
  static GenerateJob.Result result;

  @BeforeAll
  static void generate() {
    result = generate("first", SEED, 0.01, PEOPLE);
    first = new GeneratedData(temp.resolve("first"));
    generate("again", SEED, 0.01, PEOPLE);
    again = new GeneratedData(temp.resolve("again"));
    generate("other", SEED + 1, 0.01, 2000);
    otherSeed = new GeneratedData(temp.resolve("other"));
    generate("clean", SEED, 0, PEOPLE);
    clean = new GeneratedData(temp.resolve("clean"));
  }

  private static GenerateJob.Result generate(String folder, long seed, double badRows, long people) {
    GeneratorOptions options = GeneratorOptions.fromCommandLine(new GeneratorOptions.CommandLine(
        temp.resolve(folder).toString(), people, seed, badRows, "synthetic", null, "csv", 48, 3, 1));
    return GenerateJob.run(SharedSpark.spark(), options);
  }

  @Test
  void sameSeedGivesIdenticalData() {
    for (TableSchema table : InputTables.ALL) {
      assertEquals(first.lines(table.name()), again.lines(table.name()), table.name());
    }
    assertEquals(first.text("truth.json"), again.text("truth.json"));
    assertEquals(first.text("job.yaml"), again.text("job.yaml"));
  }

  @Test
  void differentSeedGivesDifferentData() {
    for (String table : List.of(GpPatients.NAME, GpEvents.NAME, InputTables.SocialCareEvents.NAME,
        ServiceReferrals.NAME)) {
      assertNotEquals(first.lines(table), otherSeed.lines(table), table);
    }
  }

  @Test
  void everyInputTableHasItsCanonicalHeaderAndRows() {
    for (TableSchema table : InputTables.ALL) {
      List<String> lines = first.lines(table.name());
      assertEquals(String.join(",", table.columnNames()), lines.get(0), table.name());
      assertTrue(lines.size() > 1, "rows in " + table.name());
      assertEquals(first.truth().at("/row_counts/" + table.name() + "/total").asLong(), lines.size() - 1L,
          "row count of " + table.name());
    }
    assertEquals(result.totalRows(), InputTables.ALL.stream().mapToLong(t -> first.lines(t.name()).size() - 1L).sum());
  }

  @Test
  void jobYamlPointsAtTheData() {
    JobConfig config = JobConfigLoader.load(first.root.resolve("job.yaml"));
    assertEquals(InputTables.ALL.size(), config.inputs().size());
    for (TableSchema table : InputTables.ALL) {
      assertEquals(first.root.resolve(table.name()).toString(), config.input(table.name()).path());
      assertEquals("csv", config.input(table.name()).format());
    }
    assertEquals(PersonIdMode.NHS_NUMBER, config.personIdMode());
    assertEquals("2022-01", config.periodFrom());
    assertEquals("2025-12", config.periodTo());
    assertEquals("2025-12-31", config.extractDate());
  }

  @Test
  void plantedBadRowCountsAreExactAndEachBreaksOneRule() {
    RuleCheck check = new RuleCheck(first, 2025);
    JsonNode truth = first.truth().get("bad_rows");
    long total = 0;
    for (TableSchema table : InputTables.ALL) {
      Map<String, Long> recount = RuleCheck.count(check.check(table));
      Map<String, Long> planted = new TreeMap<>();
      truth.get(table.name()).fields().forEachRemaining(e -> {
        if (e.getValue().asLong() > 0) {
          planted.put(e.getKey(), e.getValue().asLong());
        }
      });
      assertEquals(planted, recount, table.name());
      total += recount.values().stream().mapToLong(Long::longValue).sum();
    }
    assertTrue(total > 50, "bad rows planted: " + total);
    for (String table : List.of(GpPatients.NAME, GpEvents.NAME)) {
      truth.get(table).fields().forEachRemaining(e -> assertTrue(e.getValue().asLong() > 0, table + " " + e.getKey()));
    }
  }

  @Test
  void noBadRowsPlantedWithZeroShare() {
    RuleCheck check = new RuleCheck(clean, 2025);
    for (TableSchema table : InputTables.ALL) {
      assertEquals(Map.of(), RuleCheck.count(check.check(table)), table.name());
      clean.truth().get("bad_rows").get(table.name()).fields()
          .forEachRemaining(e -> assertEquals(0, e.getValue().asLong(), table.name() + " " + e.getKey()));
    }
  }

  @Test
  void badRowsAreExtraRowsLeavingTheGoodRowsUnchanged() {
    RuleCheck check = new RuleCheck(first, 2025);
    for (TableSchema table : InputTables.ALL) {
      if (table.name().equals(Population.NAME) || table.name().equals(InputTables.Capacity.NAME)) {
        continue;
      }
      List<Map<String, String>> good = RuleCheck.good(check.check(table));
      assertEquals(clean.rows(table.name()), good, table.name());
    }
    assertEquals(clean.lines(Population.NAME), first.lines(Population.NAME));
  }

  @Test
  void goodRowsAreConsistent() {
    RuleCheck check = new RuleCheck(first, 2025);
    Map<String, LocalDate> death = new HashMap<>();
    Map<String, Integer> born = new HashMap<>();
    for (Map<String, String> row : RuleCheck.good(check.check(GpPatients.TABLE))) {
      LocalDate start = RuleCheck.parse(row.get(GpPatients.REGISTRATION_START));
      LocalDate end = RuleCheck.parse(row.get(GpPatients.REGISTRATION_END));
      assertFalse(start.isAfter(PERIOD_END), row.toString());
      assertTrue(end == null || !end.isBefore(start), row.toString());
      born.put(row.get(GpPatients.PERSON_ID), Integer.parseInt(row.get(GpPatients.YEAR_OF_BIRTH)));
      if (!row.get(GpPatients.DATE_OF_DEATH).isEmpty()) {
        death.put(row.get(GpPatients.PERSON_ID), RuleCheck.parse(row.get(GpPatients.DATE_OF_DEATH)));
        assertEquals(RuleCheck.parse(row.get(GpPatients.DATE_OF_DEATH)).isAfter(start) || true, true);
      }
    }
    Map<String, List<String>> events = new HashMap<>();
    events.put(GpEvents.NAME, List.of(GpEvents.EVENT_DATE));
    events.put(InputTables.SocialCareEvents.NAME, List.of(InputTables.SocialCareEvents.EVENT_START_DATE,
        InputTables.SocialCareEvents.EVENT_END_DATE));
    events.put(ServiceReferrals.NAME, List.of(ServiceReferrals.REFERRAL_DATE));
    for (Map.Entry<String, List<String>> table : events.entrySet()) {
      for (Map<String, String> row : RuleCheck.good(check.check(InputTables.byName(table.getKey())))) {
        String person = row.get(GpPatients.PERSON_ID);
        assertTrue(born.containsKey(person), "person of a " + table.getKey() + " row is in gp_patients");
        for (String column : table.getValue()) {
          LocalDate date = RuleCheck.parse(row.get(column));
          if (date == null) {
            continue;
          }
          assertFalse(date.isAfter(PERIOD_END), table.getKey() + " after extract: " + row);
          assertTrue(date.getYear() >= born.get(person), table.getKey() + " before birth: " + row);
          LocalDate died = death.get(person);
          assertTrue(died == null || !date.isAfter(died), table.getKey() + " after death: " + row);
        }
      }
    }
  }

  @Test
  void acpUptakePerPcnIsInTheData() {
    Map<String, long[]> recount = recountAcp(first);
    JsonNode byPcn = first.truth().at("/acp_uptake/by_pcn");
    double expected = 0;
    double variance = 0;
    long withAcp = 0;
    long register = 0;
    for (JsonNode pcn : byPcn) {
      long[] counts = recount.getOrDefault(pcn.get("pcn_code").asText(), new long[2]);
      assertEquals(pcn.get("register").asLong(), counts[0], "register of " + pcn);
      assertEquals(pcn.get("with_acp").asLong(), counts[1], "with ACP in " + pcn);
      double planted = pcn.get("planted_probability").asDouble();
      assertTrue(planted >= 0.2 && planted <= 0.6, pcn.toString());
      double sd = Math.sqrt(counts[0] * planted * (1 - planted));
      assertTrue(Math.abs(counts[1] - counts[0] * planted) <= 4 * sd + 1, "uptake within sampling error: " + pcn);
      expected += counts[0] * planted;
      variance += counts[0] * planted * (1 - planted);
      withAcp += counts[1];
      register += counts[0];
    }
    assertTrue(register >= 30, "dementia register " + register);
    assertTrue(Math.abs(withAcp - expected) <= 4 * Math.sqrt(variance), withAcp + " vs expected " + expected);
    assertEquals(register, first.truth().at("/acp_uptake/overall/register").asLong());
  }

  /** pcn -> {register, with ACP} at the period end, from raw good rows. */
  private static Map<String, long[]> recountAcp(GeneratedData data) {
    RuleCheck check = new RuleCheck(data, 2025);
    Map<String, String> codelistOf = new HashMap<>();
    for (Map<String, String> row : data.rows(Codelists.NAME)) {
      codelistOf.put(row.get(Codelists.CODE), row.get(Codelists.CODELIST));
    }
    Map<String, String> pcnOf = new HashMap<>();
    for (Map<String, String> row : data.rows(PcnMembership.NAME)) {
      LocalDate from = RuleCheck.parse(row.get(PcnMembership.EFFECTIVE_FROM));
      LocalDate to = RuleCheck.parse(row.get(PcnMembership.EFFECTIVE_TO));
      if (!from.isAfter(PERIOD_END) && (to == null || !to.isBefore(PERIOD_END))) {
        pcnOf.put(row.get(PcnMembership.PRACTICE_CODE), row.get(PcnMembership.PCN_CODE));
      }
    }
    Set<String> dementia = new HashSet<>();
    Set<String> acp = new HashSet<>();
    for (Map<String, String> row : RuleCheck.good(check.check(GpEvents.TABLE))) {
      if (RuleCheck.parse(row.get(GpEvents.EVENT_DATE)).isAfter(PERIOD_END)) {
        continue;
      }
      String list = codelistOf.get(row.get(GpEvents.SNOMED_CODE));
      if (Codelists.DEMENTIA.equals(list)) {
        dementia.add(row.get(GpEvents.PERSON_ID));
      } else if (Codelists.ACP.equals(list)) {
        acp.add(row.get(GpEvents.PERSON_ID));
      }
    }
    Map<String, long[]> byPcn = new TreeMap<>();
    for (Map<String, String> row : RuleCheck.good(check.check(GpPatients.TABLE))) {
      LocalDate start = RuleCheck.parse(row.get(GpPatients.REGISTRATION_START));
      LocalDate end = RuleCheck.parse(row.get(GpPatients.REGISTRATION_END));
      LocalDate death = RuleCheck.parse(row.get(GpPatients.DATE_OF_DEATH));
      String person = row.get(GpPatients.PERSON_ID);
      boolean registered = !start.isAfter(PERIOD_END) && (end == null || !end.isBefore(PERIOD_END))
          && (death == null || death.isAfter(PERIOD_END));
      if (registered && dementia.contains(person)) {
        long[] counts = byPcn.computeIfAbsent(pcnOf.get(row.get(GpPatients.PRACTICE_CODE)), k -> new long[2]);
        counts[0]++;
        counts[1] += acp.contains(person) ? 1 : 0;
      }
    }
    return byPcn;
  }

  @Test
  void referralDeprivationGradientIsInTheData() {
    RuleCheck check = new RuleCheck(first, 2025);
    Map<String, Integer> decileOf = new HashMap<>();
    for (Map<String, String> row : first.rows(LsoaDeprivation.NAME)) {
      decileOf.put(row.get(LsoaDeprivation.LSOA_CODE), Integer.parseInt(row.get(LsoaDeprivation.IMD_DECILE)));
    }
    Map<String, String> home = new HashMap<>();
    for (Map<String, String> row : RuleCheck.good(check.check(GpPatients.TABLE))) {
      home.put(row.get(GpPatients.PERSON_ID), row.get(GpPatients.LSOA_CODE));
    }
    long[] people = new long[11];
    home.values().forEach(lsoa -> people[decileOf.get(lsoa)]++);
    long[] referrals = new long[11];
    int withoutLsoa = 0;
    for (Map<String, String> row : RuleCheck.good(check.check(ServiceReferrals.TABLE))) {
      String lsoa = row.get(ServiceReferrals.LSOA_CODE);
      if (lsoa.isEmpty()) {
        withoutLsoa++;
        lsoa = home.get(row.get(ServiceReferrals.PERSON_ID));
      }
      referrals[decileOf.get(lsoa)]++;
    }
    assertTrue(withoutLsoa > 0, "some referrals lack an LSOA");
    JsonNode truth = first.truth().get("referrals");
    for (JsonNode decile : truth.get("by_decile")) {
      int d = decile.get("imd_decile").asInt();
      assertEquals(people[d], decile.get("people").asLong(), "people in decile " + d);
      assertEquals(referrals[d], decile.get("referrals").asLong(), "referrals in decile " + d);
    }
    double ratio = ((double) referrals[1] / people[1]) / ((double) referrals[10] / people[10]);
    assertEquals(ratio, truth.get("realised_rate_ratio_d1_d10").asDouble(), 1e-6);
    double planted = truth.get("planted_rate_ratio_d1_d10").asDouble();
    assertEquals(2.5, planted);
    double standardError = Math.sqrt(1.0 / referrals[1] + 1.0 / referrals[10]);
    assertTrue(Math.abs(Math.log(ratio / planted)) <= 4 * standardError, "ratio " + ratio + " vs planted " + planted);
    long top = referrals[1] + referrals[2] + referrals[3] + referrals[4];
    long all = java.util.Arrays.stream(referrals).sum();
    assertEquals((double) top / all, truth.at("/share_most_deprived_40/realised").asDouble(), 1e-6);
    double expectedShare = truth.at("/share_most_deprived_40/planted_expected").asDouble();
    double shareError = Math.sqrt(expectedShare * (1 - expectedShare) / all);
    assertTrue(Math.abs((double) top / all - expectedShare) <= 4 * shareError, top + "/" + all + " vs " + expectedShare);
  }

  @Test
  void footprintChangeAndPcnChangeArePlanted() {
    JsonNode change = first.truth().get("footprint_change");
    assertEquals("2022-07-01", change.get("date").asText());
    assertEquals(2, change.get("moved").size());
    List<Map<String, String>> footprints = first.rows(Footprints.NAME);
    for (JsonNode moved : change.get("moved")) {
      List<Map<String, String>> rows = footprints.stream()
          .filter(r -> r.get(Footprints.ORG_CODE).equals(moved.get("org_code").asText())).toList();
      assertEquals(2, rows.size(), moved.toString());
      Map<String, String> before = rows.stream().filter(r -> r.get(Footprints.EFFECTIVE_TO).equals("2022-06-30"))
          .findFirst().orElseThrow();
      Map<String, String> after = rows.stream().filter(r -> r.get(Footprints.EFFECTIVE_FROM).equals("2022-07-01"))
          .findFirst().orElseThrow();
      assertEquals(moved.get("from_ics_code").asText(), before.get(Footprints.ICS_CODE));
      assertEquals(moved.get("to_ics_code").asText(), after.get(Footprints.ICS_CODE));
      assertNotEquals(before.get(Footprints.ICS_CODE), after.get(Footprints.ICS_CODE));
      assertTrue(after.get(Footprints.EFFECTIVE_TO).isEmpty());
    }
    Set<String> types = new HashSet<>();
    footprints.forEach(r -> types.add(r.get(Footprints.ORG_TYPE)));
    assertEquals(Set.of(Footprints.ORG_TYPE_SUB_ICB, Footprints.ORG_TYPE_LAD), types);
    assertEquals(1, footprints.stream().filter(r -> r.get(Footprints.EFFECTIVE_TO).isEmpty())
        .map(r -> r.get(Footprints.ICS_CODE)).distinct().count(), "one ICS today");
    assertEquals(3, footprints.stream().filter(r -> r.get(Footprints.EFFECTIVE_TO).isEmpty())
        .map(r -> r.get(Footprints.PLACE_CODE)).distinct().count(), "three places today");

    JsonNode pcnChange = first.truth().get("pcn_changes").get(0);
    List<Map<String, String>> memberships = first.rows(PcnMembership.NAME).stream()
        .filter(r -> r.get(PcnMembership.PRACTICE_CODE).equals(pcnChange.get("practice_code").asText())).toList();
    assertEquals(2, memberships.size());
    assertEquals(pcnChange.get("from_pcn_code").asText(), memberships.get(0).get(PcnMembership.PCN_CODE));
    assertEquals(pcnChange.get("to_pcn_code").asText(), memberships.get(1).get(PcnMembership.PCN_CODE));
    assertEquals(pcnChange.get("date").asText(), memberships.get(1).get(PcnMembership.EFFECTIVE_FROM));
    assertEquals(LocalDate.parse(pcnChange.get("date").asText()).minusDays(1).toString(),
        memberships.get(0).get(PcnMembership.EFFECTIVE_TO));
  }

  @Test
  void dementiaPrevalenceRisesWithAge() {
    JsonNode dementia = first.truth().get("dementia");
    double overall = dementia.get("prevalence").asDouble();
    double older = dementia.get("prevalence_65_plus").asDouble();
    assertTrue(overall > 0.004 && overall < 0.014, "overall prevalence " + overall);
    assertTrue(older > 0.025 && older < 0.06, "prevalence at 65+ " + older);
    assertEquals(dementia.get("register").asLong(), first.truth().at("/acp_uptake/overall/register").asLong());
  }

  @Test
  void populationMatchesThePeopleRegisteredAtMidYear() {
    RuleCheck check = new RuleCheck(first, 2025);
    LocalDate mid = LocalDate.of(2024, 6, 30);
    Map<String, Long> expected = new TreeMap<>();
    for (Map<String, String> row : RuleCheck.good(check.check(GpPatients.TABLE))) {
      LocalDate start = RuleCheck.parse(row.get(GpPatients.REGISTRATION_START));
      LocalDate end = RuleCheck.parse(row.get(GpPatients.REGISTRATION_END));
      LocalDate death = RuleCheck.parse(row.get(GpPatients.DATE_OF_DEATH));
      if (!start.isAfter(mid) && (end == null || !end.isBefore(mid)) && (death == null || death.isAfter(mid))) {
        int age = 2024 - Integer.parseInt(row.get(GpPatients.YEAR_OF_BIRTH));
        String band = age < 65 ? "0-64" : age < 75 ? "65-74" : age < 85 ? "75-84" : "85+";
        expected.merge(row.get(GpPatients.LSOA_CODE) + "|" + row.get(GpPatients.SEX) + "|" + band, 1L, Long::sum);
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    Set<Integer> years = new HashSet<>();
    for (Map<String, String> row : first.rows(Population.NAME)) {
      years.add(Integer.parseInt(row.get(Population.YEAR)));
      if (row.get(Population.YEAR).equals("2024")) {
        actual.put(row.get(Population.AREA_CODE) + "|" + row.get(Population.SEX) + "|" + row.get(Population.AGE_BAND),
            Long.parseLong(row.get(Population.POPULATION)));
      }
    }
    assertEquals(expected, actual);
    assertEquals(Set.of(2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030), years);
  }

  @Test
  void oneActivityIsPlantedAboveCapacity() {
    JsonNode capacity = first.truth().get("capacity");
    String exceeded = capacity.get("exceeded_activity").asText();
    List<Map<String, String>> rows = first.rows(InputTables.Capacity.NAME);
    Map<String, Double> volumes = new HashMap<>();
    rows.forEach(r -> volumes.put(r.get(InputTables.Capacity.PLACE_CODE) + "|" + r.get(InputTables.Capacity.ACTIVITY),
        Double.parseDouble(r.get(InputTables.Capacity.CAPACITY))));
    List<String> checked = new ArrayList<>();
    capacity.get("recent_mean_monthly_activity").fields().forEachRemaining(place ->
        place.getValue().fields().forEachRemaining(activity -> {
          double mean = activity.getValue().asDouble();
          double volume = volumes.get(place.getKey() + "|" + activity.getKey());
          assertTrue(mean > 0, place.getKey() + " " + activity.getKey());
          assertEquals(activity.getKey().equals(exceeded), volume < mean, place.getKey() + " " + activity.getKey());
          checked.add(activity.getKey());
        }));
    assertEquals(9, checked.size());
  }
}
