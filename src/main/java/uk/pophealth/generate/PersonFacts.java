package uk.pophealth.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;

/**
 * Executor function: regenerates each person's rows exactly as {@link TableRows} writes them and reads the
 * person's GOOD rows back (parsing the written strings, as ingestion would) into keyed counts, pre-aggregated per
 * partition: rows and planted bad rows per table and rule, the dementia register and ACP per PCN at the period
 * end, people and referrals per IMD decile, the mid-year population and social care events per place and month.
 * All rows of a person are generated together, so every truth is computed in this one pass without joins.
 */
final class PersonFacts implements MapPartitionsFunction<Long, Row> {
  private static final long serialVersionUID = 1L;
  static final String ROWS = "rows";
  static final String REGISTERED = "registered";
  static final String REGISTER = "register";
  static final String WITH_ACP = "with_acp";
  static final String PEOPLE = "people";
  static final String REFERRALS = "referrals";
  static final String POPULATION = "population";
  static final String CARE = "care";
  static final String OLDER = "65+";
  static final String YOUNGER = "0-64";
  static final String GOOD = "";

  private final ModelHandle handle;

  PersonFacts(ModelHandle handle) {
    this.handle = handle;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> indexes) {
    GeneratorModel model = handle.model();
    Reader reader = new Reader(model);
    while (indexes.hasNext()) {
      reader.person(indexes.next());
    }
    List<Row> out = new ArrayList<>(reader.counts.size());
    reader.counts.forEach((key, count) -> {
      String[] parts = key.split("\t", -1);
      out.add(RowFactory.create(parts[0], parts[1], parts[2], parts[3], parts[4], count[0]));
    });
    return out.iterator();
  }

  /** Per-task state: lookups from codes to geography indexes, and the running counts. */
  private static final class Reader {
    private final GeneratorModel model;
    private final Geography geography;
    private final PersonGenerator generator;
    private final BadRows[] planters;
    private final Map<String, Integer> practiceIndex = new HashMap<>();
    private final Map<String, Integer> lsoaIndex = new HashMap<>();
    private final Map<String, Integer> ladIndex = new HashMap<>();
    private final Set<String> dementiaCodes = Set.of(ClinicalCodes.codes(ClinicalCodes.DEMENTIA));
    private final Set<String> acpCodes = Set.of(ClinicalCodes.codes(ClinicalCodes.ACP));
    private final LocalDate periodEnd;
    private final int[] years;
    private final Map<String, long[]> counts = new HashMap<>();
    private List<String[]> spanRows;
    private int[][] spanDays;

    Reader(GeneratorModel model) {
      this.model = model;
      this.geography = model.geography();
      this.generator = new PersonGenerator(model);
      GeneratedTable[] tables = GeneratedTable.values();
      planters = new BadRows[tables.length];
      for (GeneratedTable table : tables) {
        planters[table.ordinal()] = new BadRows(table, model.badRowFraction(), model.timeline().extractYear());
      }
      for (int p = 0; p < geography.practiceCodes().length; p++) {
        practiceIndex.put(geography.practiceCodes()[p], p);
      }
      for (int l = 0; l < geography.lsoaCodes().length; l++) {
        lsoaIndex.put(geography.lsoaCodes()[l], l);
      }
      for (int l = 0; l < geography.ladCodes().length; l++) {
        ladIndex.put(geography.ladCodes()[l], l);
      }
      periodEnd = LocalDate.ofEpochDay(model.timeline().extractDay());
      int first = model.timeline().firstMonth().getYear();
      years = new int[periodEnd.getYear() - first + 1];
      for (int y = 0; y < years.length; y++) {
        years[y] = first + y;
      }
    }

    void person(long index) {
      Person person = generator.person(index);
      List<List<String[]>> good = new ArrayList<>();
      for (GeneratedTable table : GeneratedTable.values()) {
        SplittableRandom rng = Rng.stream(model.seed(), index, Rng.BAD_ROWS + table.ordinal());
        List<String[]> rows = table.rows(generator, person);
        for (String[] row : rows) {
          add(ROWS, table.tableName(), GOOD, "", "");
          BadRows.Bad bad = planters[table.ordinal()].spawn(rng, person, row);
          if (bad != null) {
            add(ROWS, table.tableName(), bad.rule().ruleName(), "", "");
          }
        }
        good.add(rows);
      }
      List<String[]> patients = good.get(GeneratedTable.GP_PATIENTS.ordinal());
      register(patients, good.get(GeneratedTable.GP_EVENTS.ordinal()));
      String home = referrals(patients, good.get(GeneratedTable.SERVICE_REFERRALS.ordinal()));
      population(patients);
      care(good.get(GeneratedTable.SOCIAL_CARE_EVENTS.ordinal()));
      if (home == null) {
        throw new IllegalStateException("Cannot read person: no LSOA on any registration (" + index + ")");
      }
    }

    private void register(List<String[]> patients, List<String[]> events) {
      GeneratedTable table = GeneratedTable.GP_PATIENTS;
      String[] current = registeredOn(patients, periodEnd);
      if (current == null) {
        return;
      }
      int practice = practiceIndex.get(current[table.column(GpPatients.PRACTICE_CODE)]);
      String pcn = geography.pcnCodes()[geography.pcnOn(practice, (int) periodEnd.toEpochDay())];
      int age = periodEnd.getYear() - Integer.parseInt(current[table.column(GpPatients.YEAR_OF_BIRTH)]);
      String band = age >= 65 ? OLDER : YOUNGER;
      boolean dementia = false;
      boolean acp = false;
      GeneratedTable eventTable = GeneratedTable.GP_EVENTS;
      for (String[] event : events) {
        if (!LocalDate.parse(event[eventTable.column(GpEvents.EVENT_DATE)]).isAfter(periodEnd)) {
          String code = event[eventTable.column(GpEvents.SNOMED_CODE)];
          dementia |= dementiaCodes.contains(code);
          acp |= acpCodes.contains(code);
        }
      }
      add(REGISTERED, pcn, band, "", "");
      if (dementia) {
        add(REGISTER, pcn, band, "", "");
        if (acp) {
          add(WITH_ACP, pcn, band, "", "");
        }
      }
    }

    /** The registration row in force on the day for a living person, or null. */
    private String[] registeredOn(List<String[]> patients, LocalDate day) {
      int[][] spans = spans(patients);
      int date = (int) day.toEpochDay();
      for (int r = 0; r < spans.length; r++) {
        if (spans[r][0] <= date && spans[r][1] >= date && spans[r][2] > date) {
          return patients.get(r);
        }
      }
      return null;
    }

    /** Per registration row: start, end (max if open), death (max if alive), parsed once per person. */
    private int[][] spans(List<String[]> patients) {
      if (patients == spanRows) {
        return spanDays;
      }
      GeneratedTable table = GeneratedTable.GP_PATIENTS;
      int[][] spans = new int[patients.size()][];
      for (int r = 0; r < spans.length; r++) {
        String[] row = patients.get(r);
        spans[r] = new int[] {day(row[table.column(GpPatients.REGISTRATION_START)], 0),
            day(row[table.column(GpPatients.REGISTRATION_END)], Integer.MAX_VALUE),
            day(row[table.column(GpPatients.DATE_OF_DEATH)], Integer.MAX_VALUE)};
      }
      spanRows = patients;
      spanDays = spans;
      return spans;
    }

    private static int day(String iso, int absent) {
      return iso == null ? absent : (int) LocalDate.parse(iso).toEpochDay();
    }

    private String referrals(List<String[]> patients, List<String[]> referrals) {
      String home = null;
      for (String[] row : patients) {
        String lsoa = row[GeneratedTable.GP_PATIENTS.column(GpPatients.LSOA_CODE)];
        if (lsoa != null && (home == null || lsoa.compareTo(home) > 0)) {
          home = lsoa;
        }
      }
      if (home == null) {
        return null;
      }
      add(PEOPLE, Integer.toString(geography.lsoaDecile()[lsoaIndex.get(home)]), "", "", "");
      GeneratedTable table = GeneratedTable.SERVICE_REFERRALS;
      for (String[] row : referrals) {
        String lsoa = row[table.column(ServiceReferrals.LSOA_CODE)];
        int decile = geography.lsoaDecile()[lsoaIndex.get(lsoa == null ? home : lsoa)];
        add(REFERRALS, row[table.column(ServiceReferrals.SERVICE)], Integer.toString(decile), "", "");
      }
      return home;
    }

    private void population(List<String[]> patients) {
      GeneratedTable table = GeneratedTable.GP_PATIENTS;
      for (int year : years) {
        String[] row = registeredOn(patients, LocalDate.of(year, 6, 30));
        if (row != null) {
          int age = year - Integer.parseInt(row[table.column(GpPatients.YEAR_OF_BIRTH)]);
          add(POPULATION, row[table.column(GpPatients.LSOA_CODE)], Integer.toString(year),
              row[table.column(GpPatients.SEX)], model.planted().ageBands().get(Planted.ageBand(age)));
        }
      }
    }

    private void care(List<String[]> events) {
      GeneratedTable table = GeneratedTable.SOCIAL_CARE_EVENTS;
      for (String[] row : events) {
        int place = geography.ladPlace()[ladIndex.get(row[table.column(SocialCareEvents.LA_CODE)])];
        String month = row[table.column(SocialCareEvents.EVENT_START_DATE)].substring(0, 7);
        add(CARE, geography.placeCodes()[place], row[table.column(SocialCareEvents.EVENT_TYPE)], month, "");
      }
    }

    private void add(String kind, String a, String b, String c, String d) {
      counts.computeIfAbsent(kind + "\t" + a + "\t" + b + "\t" + c + "\t" + d, k -> new long[1])[0]++;
    }
  }
}
