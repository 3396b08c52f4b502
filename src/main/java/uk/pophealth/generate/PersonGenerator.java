package uk.pophealth.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates one person from (seed, person index) alone: demography, registrations, deaths and moves (core stream),
 * then on demand their GP events, social care events and referrals, each from its own random stream. Lives on
 * executors; one instance per task.
 */
final class PersonGenerator {
  static final double JOIN_DURING_WINDOW = 0.12;
  static final double LEAVE_AREA = 0.02;
  static final double MOVE_PRACTICE = 0.10;
  static final int LONGEST_HISTORY_YEARS = 40;

  private final GeneratorModel model;
  private final Geography geography;
  private final Timeline timeline;
  private final Planted planted;
  private final double[] dementiaWeights = ClinicalCodes.cumulativeWeights(ClinicalCodes.DEMENTIA);
  private final double[] acpWeights = ClinicalCodes.cumulativeWeights(ClinicalCodes.ACP);
  private final double[] noiseWeights = ClinicalCodes.cumulativeWeights(ClinicalCodes.NOISE);

  /** One coded GP event. */
  record Event(int day, int practice, String code) {}

  /** One social care event; end -1 while open; optional text fields null. */
  record CareEvent(String type, int start, int end, String route, String serviceType, String outcome,
      boolean lsoaRecorded) {}

  /** One service referral. */
  record Referral(String id, String service, int day, String source, boolean lsoaRecorded) {}

  PersonGenerator(GeneratorModel model) {
    this.model = model;
    this.geography = model.geography();
    this.timeline = model.timeline();
    this.planted = model.planted();
  }

  GeneratorModel model() {
    return model;
  }

  Person person(long index) {
    SplittableRandom rng = Rng.stream(model.seed(), index, Rng.CORE);
    int extract = timeline.extractDay();
    int windowStart = timeline.windowStartDay();
    int age = Demography.age(rng);
    int birthDay = Math.min(extract, extract - (int) (age * Demography.DAYS_PER_YEAR) - rng.nextInt(365));
    String sex = rng.nextDouble() < Demography.femaleShare(age) ? "F" : "M";
    int practice = Rng.pick(rng, geography.practiceCumulativeWeight());
    int subIcb = geography.practiceSubIcb()[practice];
    int[] lsoas = geography.subIcbLsoas()[subIcb];
    int lsoa = lsoas[rng.nextInt(lsoas.length)];
    int registered = registrationStart(rng, birthDay, windowStart, extract);
    registered = Math.min(extract, Math.max(registered, geography.practiceFrom()[practice]));
    int entry = Math.max(registered, windowStart);
    int death = deathDay(rng, birthDay, entry, extract);
    int leave = -1;
    if (death < 0 && rng.nextDouble() < LEAVE_AREA && entry + 1 <= extract) {
      leave = Rng.between(rng, entry + 1, extract);
    }
    int exit = death >= 0 ? death : leave >= 0 ? leave : extract;
    int finalEnd = death >= 0 ? death : leave;
    int[] candidates = geography.subIcbPractices()[subIcb];
    if (rng.nextDouble() < MOVE_PRACTICE && candidates.length >= 2 && exit - entry >= 60) {
      int move = Rng.between(rng, entry + 30, exit - 30);
      int other = candidates[rng.nextInt(candidates.length - 1)];
      if (other == practice) {
        other = candidates[candidates.length - 1];
      }
      if (geography.practiceFrom()[other] <= move) {
        return new Person(index, NhsNumbers.forIndex(index), birthDay, Timeline.year(birthDay), age, sex, lsoa,
            new int[] {practice, other}, new int[] {registered, move}, new int[] {move - 1, finalEnd}, death, entry,
            exit);
      }
    }
    return new Person(index, NhsNumbers.forIndex(index), birthDay, Timeline.year(birthDay), age, sex, lsoa,
        new int[] {practice}, new int[] {registered}, new int[] {finalEnd}, death, entry, exit);
  }

  private static int registrationStart(SplittableRandom rng, int birthDay, int windowStart, int extract) {
    if (birthDay >= windowStart) {
      return birthDay + rng.nextInt(43);
    }
    if (rng.nextDouble() < JOIN_DURING_WINDOW) {
      return Rng.between(rng, windowStart, extract);
    }
    int earliest = Math.max(birthDay, windowStart - (int) (LONGEST_HISTORY_YEARS * Demography.DAYS_PER_YEAR));
    return Rng.between(rng, earliest, windowStart - 1);
  }

  private static int deathDay(SplittableRandom rng, int birthDay, int from, int extract) {
    for (int year = Timeline.year(from); year <= Timeline.year(extract); year++) {
      int first = Math.max(from, (int) LocalDate.of(year, 1, 1).toEpochDay());
      int last = Math.min(extract, (int) LocalDate.of(year, 12, 31).toEpochDay());
      if (last < first) {
        continue;
      }
      double age = ((first + last) / 2.0 - birthDay) / Demography.DAYS_PER_YEAR;
      double probability = Demography.annualMortality(age) * (last - first + 1) / Demography.DAYS_PER_YEAR;
      if (rng.nextDouble() < probability) {
        return Rng.between(rng, first, last);
      }
    }
    return -1;
  }

  /** GP coded events: dementia diagnoses, ACP for a planted share of people with dementia, noise codes. */
  List<Event> events(Person person) {
    SplittableRandom rng = Rng.stream(model.seed(), person.index(), Rng.EVENTS);
    List<Event> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int exit = person.exitDay();
    double diagnosisAge = Demography.dementiaDiagnosisAge(rng.nextDouble());
    boolean dementia = false;
    if (!Double.isNaN(diagnosisAge)) {
      int diagnosed = person.birthDay() + (int) (diagnosisAge * Demography.DAYS_PER_YEAR);
      int recorded = Math.max(diagnosed, person.firstRegistration());
      if (diagnosed <= timeline.extractDay() && recorded <= exit) {
        dementia = true;
        add(events, seen, person, recorded, ClinicalCodes.DEMENTIA.get(Rng.pick(rng, dementiaWeights)).code());
        if (rng.nextDouble() < 0.3) {
          add(events, seen, person, Rng.between(rng, recorded, exit),
              ClinicalCodes.DEMENTIA.get(Rng.pick(rng, dementiaWeights)).code());
        }
        int pcn = geography.pcnOn(person.practiceOn(exit), exit);
        if (rng.nextDouble() < planted.acpProbabilityByPcn()[pcn]) {
          add(events, seen, person, Rng.between(rng, recorded, exit),
              ClinicalCodes.ACP.get(Rng.pick(rng, acpWeights)).code());
        }
      }
    }
    if (!dementia && person.ageAtExtract() >= 75 && rng.nextDouble() < planted.nonDementiaAcpRate()) {
      add(events, seen, person, Rng.between(rng, person.entryDay(), exit),
          ClinicalCodes.ACP.get(Rng.pick(rng, acpWeights)).code());
    }
    int noise = Rng.poisson(rng, Demography.noiseEventMean(person.ageAtExtract()));
    for (int k = 0; k < noise; k++) {
      add(events, seen, person, Rng.between(rng, person.entryDay(), exit),
          ClinicalCodes.NOISE.get(Rng.pick(rng, noiseWeights)).code());
    }
    events.sort((a, b) -> a.day() != b.day() ? Integer.compare(a.day(), b.day()) : a.code().compareTo(b.code()));
    return events;
  }

  private static void add(List<Event> events, Set<String> seen, Person person, int day, String code) {
    if (seen.add(day + ":" + code)) {
      events.add(new Event(day, person.practiceOn(day), code));
    }
  }

  /** Social care Request -> Assessment -> Service -> Review chains, monthly, with the place's trend and season. */
  List<CareEvent> careEvents(Person person) {
    SplittableRandom rng = Rng.stream(model.seed(), person.index(), Rng.SOCIAL_CARE);
    List<CareEvent> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int place = geography.placeOfLsoa(person.lsoa());
    for (int k = 0; k < timeline.months(); k++) {
      int monthStart = timeline.monthStart(k);
      int monthEnd = timeline.monthStart(k + 1) - 1;
      int first = Math.max(monthStart, person.entryDay());
      int last = Math.min(monthEnd, person.exitDay());
      if (last < first) {
        continue;
      }
      double base = Demography.socialCareMonthlyRate(person.ageOn(first));
      if (base == 0) {
        continue;
      }
      double rate = base * planted.socialCareMultiplier(place, k, timeline.calendarMonth(k))
          * (last - first + 1) / (monthEnd - monthStart + 1);
      if (rng.nextDouble() < rate) {
        chain(rng, person, Rng.between(rng, first, last), out, seen);
      }
    }
    return out;
  }

  private void chain(SplittableRandom rng, Person person, int requested, List<CareEvent> out, Set<String> seen) {
    int exit = person.exitDay();
    double route = rng.nextDouble();
    String routeName = route < 0.35 ? "Community / Other route" : route < 0.65 ? "Discharge from hospital"
        : route < 0.85 ? "Self-referral" : "Planned Entry (Transition)";
    double outcome = rng.nextDouble();
    String requestOutcome = outcome < 0.65 ? "Progress to Assessment"
        : outcome < 0.85 ? "Universal Services / Signposting" : "Short Term Support (ST-Max)";
    add(out, seen, new CareEvent("Request", requested, requested, routeName, null, requestOutcome, recorded(rng)));
    if (outcome >= 0.65) {
      return;
    }
    int assessed = requested + Rng.between(rng, 1, 28);
    if (assessed > exit) {
      return;
    }
    int assessmentEnd = Math.min(exit, assessed + Rng.between(rng, 0, 14));
    boolean service = rng.nextDouble() < 0.6;
    add(out, seen, new CareEvent("Assessment", assessed, assessmentEnd, null, null,
        service ? "Progress to Service" : "No Services Provided", recorded(rng)));
    if (!service) {
      return;
    }
    int started = assessmentEnd + Rng.between(rng, 1, 42);
    if (started > exit) {
      return;
    }
    double kind = rng.nextDouble();
    String serviceType = kind < 0.5 ? "Long Term Support: Community" : kind < 0.7
        ? "Long Term Support: Residential Care" : kind < 0.8 ? "Long Term Support: Nursing Care"
        : "Short Term Support: ST-Max";
    int ended = -1;
    if (rng.nextDouble() < 0.5) {
      ended = started + Rng.between(rng, 14, 365);
      if (ended > exit) {
        ended = exit == timeline.extractDay() ? -1 : exit;
      }
    }
    add(out, seen, new CareEvent("Service", started, ended, null, serviceType,
        serviceType.startsWith("Long") ? "Long Term Support" : "Short Term Support", recorded(rng)));
    int reviewed = started + Rng.between(rng, 90, 365);
    if (reviewed <= exit && (ended < 0 || reviewed <= ended)) {
      add(out, seen, new CareEvent("Review", reviewed, reviewed, null, serviceType,
          rng.nextDouble() < 0.7 ? "No Change in Support" : "Change in Support", recorded(rng)));
    }
  }

  private boolean recorded(SplittableRandom rng) {
    return rng.nextDouble() < planted.lsoaRecordedShare();
  }

  private static void add(List<CareEvent> out, Set<String> seen, CareEvent event) {
    if (seen.add(event.type() + event.start())) {
      out.add(event);
    }
  }

  /** Referrals per service: Poisson over the person's time aged 16+ in the window, rate by IMD decile. */
  List<Referral> referrals(Person person) {
    SplittableRandom rng = Rng.stream(model.seed(), person.index(), Rng.REFERRALS);
    List<Referral> out = new ArrayList<>();
    int first = Math.max(person.entryDay(), person.birthDay() + (int) (16 * Demography.DAYS_PER_YEAR));
    int last = person.exitDay();
    if (last < first) {
      return out;
    }
    double years = (last - first + 1) / Demography.DAYS_PER_YEAR;
    double multiplier = planted.decileMultiplier(geography.lsoaDecile()[person.lsoa()]);
    int number = 0;
    for (int s = 0; s < planted.services().size(); s++) {
      int count = Rng.poisson(rng, planted.serviceRatePerYearDecile10()[s] * multiplier * years);
      for (int k = 0; k < count; k++) {
        double source = rng.nextDouble();
        String sourceName = source < 0.4 ? "GP" : source < 0.7 ? "Self" : source < 0.85 ? "Social care" : "Hospital";
        out.add(new Referral("RF" + person.index() + "-" + (++number), planted.services().get(s),
            Rng.between(rng, first, last), sourceName, recorded(rng)));
      }
    }
    out.sort((a, b) -> Integer.compare(a.day(), b.day()));
    return out;
  }
}
