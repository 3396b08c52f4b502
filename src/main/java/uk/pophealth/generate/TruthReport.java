package uk.pophealth.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.QuarantineRule;
import uk.pophealth.schema.TableSchema;

/**
 * Assembles truth.json: the parameters, exact row and bad-row counts, what was planted and what was realised in
 * the generated good rows. Deterministic: same options and seed give the same bytes. Top-level keys:
 * <ul>
 *   <li>{@code format_version} (1), {@code parameters} (people, seed, months, geography, ics, places_per_ics,
 *       bad_rows_fraction, format, period_from, period_to, extract_date);</li>
 *   <li>{@code row_counts}: table -> {good, bad, total} for all eleven tables;</li>
 *   <li>{@code bad_rows}: table -> rule name -> exact count (every kind planted in that table listed, zeros
 *       included; reference tables have an empty object);</li>
 *   <li>{@code footprint_change}: {date, moved: [{org_type, org_code, from_ics_code, from_ics_name,
 *       from_place_code, to_ics_code, to_ics_name, to_place_code}]}; {@code pcn_changes}: [{practice_code,
 *       from_pcn_code, to_pcn_code, date}];</li>
 *   <li>{@code dementia}: register and prevalence at the period end, overall and 65+;</li>
 *   <li>{@code acp_uptake}: {period_end, definition, planted_range, by_pcn: [{pcn_code, planted_probability,
 *       register, with_acp, realised_uptake}], overall: {register, with_acp, realised_uptake,
 *       planted_expected_uptake}};</li>
 *   <li>{@code referrals}: planted and realised decile 1 : decile 10 rate ratio (overall and by service),
 *       by_decile [{imd_decile, people, referrals, referrals_per_head, planted_rate_multiplier}],
 *       share_most_deprived_40 {planted_expected, realised, population_share};</li>
 *   <li>{@code social_care}: trend_percent_per_year and seasonal_amplitude per place; {@code capacity}: the
 *       exceeded activity and factors; {@code population}: basis and projection growth.</li>
 * </ul>
 */
final class TruthReport {
  private final GeneratorModel model;
  private final Map<String, Object> root = new LinkedHashMap<>();

  TruthReport(GeneratorModel model, Map<String, Object> parameters) {
    this.model = model;
    root.put("format_version", 1);
    root.put("parameters", parameters);
  }

  /** Row counts per table ({good, bad, total}) and bad rows per table and rule, every table and kind listed. */
  void rows(Map<String, Map<String, Long>> tally, Map<String, Long> referenceRows) {
    Map<String, Object> counts = new LinkedHashMap<>();
    Map<String, Object> bad = new LinkedHashMap<>();
    for (TableSchema table : InputTables.ALL) {
      Map<String, Long> byRule = tally.get(table.name());
      Map<String, Long> badByRule = new LinkedHashMap<>();
      long good;
      if (byRule != null) {
        good = byRule.getOrDefault(PersonFacts.GOOD, 0L);
        for (GeneratedTable generated : GeneratedTable.values()) {
          if (generated.tableName().equals(table.name())) {
            for (QuarantineRule rule : generated.badRules) {
              badByRule.put(rule.ruleName(), byRule.getOrDefault(rule.ruleName(), 0L));
            }
          }
        }
      } else {
        good = referenceRows.getOrDefault(table.name(), 0L);
      }
      long badTotal = badByRule.values().stream().mapToLong(Long::longValue).sum();
      counts.put(table.name(), ordered("good", good, "bad", badTotal, "total", good + badTotal));
      bad.put(table.name(), badByRule);
    }
    root.put("row_counts", counts);
    root.put("bad_rows", bad);
  }

  void footprints() {
    Geography geography = model.geography();
    List<Object> moved = new ArrayList<>();
    for (Geography.Move m : geography.moves()) {
      moved.add(ordered("org_type", m.orgType(), "org_code", m.orgCode(), "from_ics_code", m.fromIcsCode(),
          "from_ics_name", m.fromIcsName(), "from_place_code", m.fromPlaceCode(), "to_ics_code", m.toIcsCode(),
          "to_ics_name", m.toIcsName(), "to_place_code", m.toPlaceCode()));
    }
    root.put("footprint_change", ordered("date", Timeline.iso(model.timeline().footprintChangeDay()), "moved", moved));
    List<Object> changes = new ArrayList<>();
    for (Geography.PcnChange c : geography.pcnChanges()) {
      changes.add(ordered("practice_code", c.practiceCode(), "from_pcn_code", c.fromPcnCode(), "to_pcn_code",
          c.toPcnCode(), "date", Timeline.iso(c.day())));
    }
    root.put("pcn_changes", changes);
  }

  void dementia(Facts.Prevalence p) {
    root.put("dementia", ordered("period_end", Timeline.iso(model.timeline().extractDay()),
        "registered", p.registered(), "register", p.register(), "prevalence", ratio(p.register(), p.registered()),
        "registered_65_plus", p.registered65(), "register_65_plus", p.register65(),
        "prevalence_65_plus", ratio(p.register65(), p.registered65()),
        "planted", "cumulative diagnosis probability by age rising from 0.18% at 60 to 30% at 105; about 0.8% "
            + "overall and 4% at 65+ among the living"));
  }

  void acp(List<Facts.PcnUptake> uptake) {
    Geography geography = model.geography();
    double[] planted = model.planted().acpProbabilityByPcn();
    List<Object> byPcn = new ArrayList<>();
    long register = 0;
    long withAcp = 0;
    double expected = 0;
    for (int p = 0; p < geography.pcnCodes().length; p++) {
      Facts.PcnUptake u = uptake.get(p);
      byPcn.add(ordered("pcn_code", u.pcnCode(), "planted_probability", planted[p], "register", u.register(),
          "with_acp", u.withAcp(), "realised_uptake", ratio(u.withAcp(), u.register())));
      register += u.register();
      withAcp += u.withAcp();
      expected += u.register() * planted[p];
    }
    root.put("acp_uptake", ordered("period_end", Timeline.iso(model.timeline().extractDay()),
        "definition", "register = people registered at a practice on period_end (registration_start <= date, "
            + "registration_end empty or >= date), alive (date_of_death empty or > date), with a dementia code on or "
            + "before it; with_acp = those with an acp code on or before it; PCN = the practice's PCN on that date",
        "planted_range", List.of(Planted.ACP_MIN, Planted.ACP_MAX),
        "by_pcn", byPcn,
        "overall", ordered("register", register, "with_acp", withAcp, "realised_uptake", ratio(withAcp, register),
            "planted_expected_uptake", register == 0 ? null : round(expected / register))));
  }

  void referrals(List<Facts.DecileReferrals> rows) {
    Planted planted = model.planted();
    Map<String, Object> byService = new LinkedHashMap<>();
    List<Object> byDecile = new ArrayList<>();
    double weighted = 0;
    double weightedTop = 0;
    long people = 0;
    long peopleTop = 0;
    long referrals = 0;
    long referralsTop = 0;
    for (Facts.DecileReferrals r : rows) {
      if (!r.service().equals(Facts.ALL_SERVICES)) {
        continue;
      }
      byDecile.add(ordered("imd_decile", r.decile(), "people", r.people(), "referrals", r.referrals(),
          "referrals_per_head", ratio(r.referrals(), r.people()), "planted_rate_multiplier",
          round(planted.decileMultiplier(r.decile()))));
      double weight = r.people() * planted.decileMultiplier(r.decile());
      weighted += weight;
      people += r.people();
      referrals += r.referrals();
      if (r.decile() <= 4) {
        weightedTop += weight;
        peopleTop += r.people();
        referralsTop += r.referrals();
      }
    }
    for (String service : planted.services()) {
      byService.put(service, rateRatio(rows, service));
    }
    Map<String, Object> base = new LinkedHashMap<>();
    for (int s = 0; s < planted.services().size(); s++) {
      base.put(planted.services().get(s), planted.serviceRatePerYearDecile10()[s]);
    }
    root.put("referrals", ordered("services", planted.services(),
        "rate_model", "referrals per person-year aged 16+ = base rate of the service x ratio^((10 - decile) / 9): "
            + "log-linear across deciles, decile 1 = ratio x decile 10; decile of the person's LSOA",
        "planted_rate_per_person_year_decile_10", base,
        "planted_rate_ratio_d1_d10", planted.referralRateRatio(),
        "realised_rate_ratio_d1_d10", rateRatio(rows, Facts.ALL_SERVICES),
        "realised_rate_ratio_d1_d10_by_service", byService,
        "realised_definition", "referrals (good rows; LSOA = the referral's lsoa_code, else the person's GP "
            + "registration LSOA) per distinct person in gp_patients living in LSOAs of the decile",
        "by_decile", byDecile,
        "share_most_deprived_40", ordered("planted_expected", weighted == 0 ? null : round(weightedTop / weighted),
            "realised", ratio(referralsTop, referrals), "population_share", ratio(peopleTop, people)),
        "lsoa_recorded_share", planted.lsoaRecordedShare()));
  }

  void socialCare(Map<String, Map<String, Double>> recentMeans) {
    Geography geography = model.geography();
    Planted planted = model.planted();
    List<Object> places = new ArrayList<>();
    for (int p = 0; p < geography.placeCodes().length; p++) {
      places.add(ordered("place_code", geography.placeCodes()[p], "place_name", geography.placeNames()[p],
          "trend_percent_per_year", round(planted.placeTrendPerYear()[p] * 100),
          "seasonal_amplitude", planted.placeSeasonalAmplitude()[p]));
    }
    root.put("social_care", ordered("model", "monthly request probability per person = base(age) x (1 + trend)^"
            + "(months since window start / 12) x (1 + amplitude x cos(2 pi (calendar month - peak_month) / 12)); "
            + "place = current footprint of the person's district; each request may lead to Assessment, Service, Review",
        "peak_month", planted.seasonalPeakMonth(), "by_place", places));
    Map<String, Object> factors = new LinkedHashMap<>();
    for (int a = 0; a < planted.activities().size(); a++) {
      factors.put(planted.activities().get(a), planted.capacityFactor()[a]);
    }
    Map<String, Object> means = new LinkedHashMap<>();
    recentMeans.forEach((place, byActivity) -> {
      Map<String, Object> rounded = new LinkedHashMap<>();
      byActivity.forEach((activity, mean) -> rounded.put(activity, round(mean)));
      means.put(place, rounded);
    });
    root.put("capacity", ordered("activities", planted.activities(), "exceeded_activity", planted.exceededActivity(),
        "factor_of_recent_mean", factors, "recent_mean_monthly_activity", means,
        "definition", "capacity = factor x mean monthly count over the last 12 months of history, flat, for every "
            + "month of the window and " + CapacityTable.MONTHS_AHEAD + " months ahead"));
  }

  void population() {
    Planted planted = model.planted();
    Map<String, Object> growth = new LinkedHashMap<>();
    for (int b = 0; b < planted.ageBands().size(); b++) {
      growth.put(planted.ageBands().get(b), planted.projectionGrowthPerYear()[b]);
    }
    int last = model.timeline().extractYear();
    root.put("population", ordered("basis", "people registered and alive on 30 June of each year of the window, by "
            + "LSOA, sex and age band (age = year - year_of_birth); later years are projections",
        "estimate_years", List.of(model.timeline().firstMonth().getYear(), last),
        "projection_years", List.of(last + 1, last + planted.projectionYears()),
        "projection_growth_per_year", growth));
  }

  String json() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write truth.json: " + e.getMessage(), e);
    }
  }

  private static Object rateRatio(List<Facts.DecileReferrals> rows, String service) {
    Facts.DecileReferrals first = null;
    Facts.DecileReferrals last = null;
    for (Facts.DecileReferrals r : rows) {
      if (r.service().equals(service) && r.decile() == 1) {
        first = r;
      } else if (r.service().equals(service) && r.decile() == 10) {
        last = r;
      }
    }
    if (first == null || last == null || first.people() == 0 || last.people() == 0 || last.referrals() == 0) {
      return null;
    }
    return round(((double) first.referrals() / first.people()) / ((double) last.referrals() / last.people()));
  }

  static Object ratio(long numerator, long denominator) {
    return denominator == 0 ? null : round((double) numerator / denominator);
  }

  static double round(double value) {
    return Math.round(value * 1_000_000d) / 1_000_000d;
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
