package uk.pophealth.demand;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.geography.GeographyInputs;
import uk.pophealth.schema.InputTables.Capacity;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Population;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.InputTables.SocialCareEvents;
import uk.pophealth.testing.SharedSpark;

/**
 * Synthetic social care requests with planted truth, over a hand-built geography. ICS A holds places PA1 and PA2;
 * ICS B holds PB1 and PB2; district D4 (place P4, the Bassetlaw of this fixture) sits in ICS A until 2022-06-30 and
 * in ICS B from 2022-07-01. Each of PA1, PA2, PB1 and P4 plants requests = base x (1 + trend t) x (1 + 0.2 sin(2 pi
 * (month - 1) / 12)) plus small seeded noise, for the 60 months 2019-01 to 2023-12; PB2 has requests in three
 * months only (the zero-fill case). Everyone is born in 1930 (age band 85+); each event records its LSOA.
 */
final class DemandFixture {
  static final YearMonth FIRST = YearMonth.of(2019, 1);
  static final YearMonth LAST = YearMonth.of(2023, 12);
  static final LocalDate MOVE = LocalDate.of(2022, 7, 1);
  static final Map<String, double[]> PLANTED = new TreeMap<>(Map.of(
      "PA1", new double[] {60, 0.010}, "PA2", new double[] {40, 0.005}, "PB1", new double[] {50, 0.008},
      "P4", new double[] {30, 0.004}));
  static final Map<String, String> LSOA_OF_PLACE = new TreeMap<>(Map.of(
      "PA1", "E01", "PA2", "E02", "PB1", "E03", "PB2", "E05", "P4", "E04"));
  static final List<YearMonth> PB2_MONTHS = List.of(YearMonth.of(2020, 3), YearMonth.of(2021, 8), YearMonth.of(2023, 2));

  /** Planted counts per place and month (what the events add up to). */
  final Map<String, Map<YearMonth, Integer>> counts = new TreeMap<>();
  final FootprintResolver geography;
  final Dataset<Row> patients;
  final Dataset<Row> socialCare;

  DemandFixture() {
    geography = FootprintResolver.build(SharedSpark.spark(), new GeographyInputs(
        frame(Practices.TABLE.schema(), List.of()), frame(PcnMembership.TABLE.schema(), List.of()),
        frame(Footprints.TABLE.schema(), List.of(district("D1", "PA1", "A", "2000-01-01", null),
            district("D2", "PA2", "A", "2000-01-01", null), district("D3", "PB1", "B", "2000-01-01", null),
            district("D5", "PB2", "B", "2000-01-01", null), district("D4", "P4", "A", "2000-01-01", "2022-06-30"),
            district("D4", "P4", "B", "2022-07-01", null))),
        frame(LsoaDeprivation.TABLE.schema(), List.of(lsoa("E01", "D1"), lsoa("E02", "D2"), lsoa("E03", "D3"),
            lsoa("E04", "D4"), lsoa("E05", "D5")))));
    Random random = new Random(7);
    List<Row> events = new ArrayList<>();
    List<Row> people = new ArrayList<>();
    for (Map.Entry<String, double[]> place : PLANTED.entrySet()) {
      Map<YearMonth, Integer> byMonth = new TreeMap<>();
      for (int t = 0; t < 60; t++) {
        YearMonth month = FIRST.plusMonths(t);
        double mean = truth(place.getKey(), month);
        int n = (int) Math.max(0, Math.round(mean + random.nextGaussian() * 0.02 * mean));
        byMonth.put(month, n);
      }
      counts.put(place.getKey(), byMonth);
    }
    Map<YearMonth, Integer> sparse = new TreeMap<>();
    for (int i = 0; i < PB2_MONTHS.size(); i++) {
      sparse.put(PB2_MONTHS.get(i), i + 2);
    }
    counts.put("PB2", sparse);
    int person = 0;
    for (Map.Entry<String, Map<YearMonth, Integer>> place : counts.entrySet()) {
      String lsoa = LSOA_OF_PLACE.get(place.getKey());
      for (Map.Entry<YearMonth, Integer> month : place.getValue().entrySet()) {
        for (int i = 0; i < month.getValue(); i++) {
          String id = "person-" + place.getKey() + "-" + (i % 40);
          Date day = Date.valueOf(month.getKey().atDay(1 + i % 28));
          events.add(RowFactory.create(id, "LA1", "Request", day, null, "route", null, null, lsoa));
        }
      }
      for (int i = 0; i < 40; i++) {
        people.add(RowFactory.create("person-" + place.getKey() + "-" + i, "GP1", 1930, "F", lsoa,
            Date.valueOf("2000-01-01"), null, null));
        person++;
      }
    }
    patients = frame(GpPatients.TABLE.schema(), people);
    socialCare = frame(SocialCareEvents.TABLE.schema(), events);
  }

  /** The planted mean for a place and month. */
  static double truth(String place, YearMonth month) {
    double[] planted = PLANTED.get(place);
    long t = FIRST.until(month, java.time.temporal.ChronoUnit.MONTHS);
    return planted[0] * (1 + planted[1] * t) * (1 + 0.2 * Math.sin(2 * Math.PI * (month.getMonthValue() - 1) / 12.0));
  }

  int count(String place, YearMonth month) {
    return counts.get(place).getOrDefault(month, 0);
  }

  DemandInputs inputs(Dataset<Row> population, Dataset<Row> capacity) {
    return new DemandInputs(geography, patients, socialCare, null, null, population, capacity);
  }

  static Row populationRow(String area, int year, String band, long people) {
    return RowFactory.create(area, year, "all", band, people);
  }

  static Dataset<Row> population(List<Row> rows) {
    return frame(Population.TABLE.schema(), rows);
  }

  static Row capacityRow(String place, String activity, YearMonth month, double capacity) {
    return RowFactory.create(place, activity, Date.valueOf(month.atDay(1)), capacity);
  }

  static Dataset<Row> capacity(List<Row> rows) {
    return frame(Capacity.TABLE.schema(), rows);
  }

  private static Row district(String code, String place, String ics, String from, String to) {
    return RowFactory.create(Footprints.ORG_TYPE_LAD, code, place, "Place " + place, ics, "ICS " + ics,
        Date.valueOf(from), to == null ? null : Date.valueOf(to));
  }

  private static Row lsoa(String lsoa, String lad) {
    return RowFactory.create(lsoa, lad, 1, 1);
  }

  static Dataset<Row> frame(StructType schema, List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, schema);
  }
}
