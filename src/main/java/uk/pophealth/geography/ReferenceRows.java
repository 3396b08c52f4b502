package uk.pophealth.geography;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;

/**
 * Brings the effective-dated reference tables (canonical, typed) to the driver as dated entries per key. They
 * are bounded by the organisations of England (about 7,000 practices, 1,300 PCNs, 110 sub-ICB locations, 320
 * districts), not by the population, so collecting them is safe on any cluster.
 */
final class ReferenceRows {
  private ReferenceRows() {}

  /** practice_code -> its (name, sub-ICB) entries. */
  static Map<String, List<Dated<PracticeLink>>> practices(Dataset<Row> practices) {
    Map<String, List<Dated<PracticeLink>>> byPractice = new TreeMap<>();
    for (Row row : practices.select(col(Practices.PRACTICE_CODE), col(Practices.PRACTICE_NAME),
        col(Practices.SUB_ICB_CODE), col(Practices.EFFECTIVE_FROM), col(Practices.EFFECTIVE_TO)).collectAsList()) {
      String code = row.getString(0);
      DateSpan span = span(Practices.NAME, code, row.get(3), row.get(4));
      byPractice.computeIfAbsent(code, k -> new ArrayList<>())
          .add(new Dated<>(span, new PracticeLink(row.getString(1), row.getString(2))));
    }
    return byPractice;
  }

  /** practice_code -> its PCN entries. The PCN's own sub_icb_code is not used: the practices table decides. */
  static Map<String, List<Dated<PcnLink>>> pcnMemberships(Dataset<Row> pcnMembership) {
    Map<String, List<Dated<PcnLink>>> byPractice = new TreeMap<>();
    for (Row row : pcnMembership.select(col(PcnMembership.PRACTICE_CODE), col(PcnMembership.PCN_CODE),
        col(PcnMembership.PCN_NAME), col(PcnMembership.EFFECTIVE_FROM), col(PcnMembership.EFFECTIVE_TO))
        .collectAsList()) {
      String code = row.getString(0);
      DateSpan span = span(PcnMembership.NAME, code, row.get(3), row.get(4));
      byPractice.computeIfAbsent(code, k -> new ArrayList<>())
          .add(new Dated<>(span, new PcnLink(row.getString(1), row.getString(2))));
    }
    return byPractice;
  }

  /** org_code -> its footprint entries, for one org_type (sub_icb or lad). */
  static Map<String, List<Dated<Footprint>>> footprints(Dataset<Row> footprints, String orgType) {
    Map<String, List<Dated<Footprint>>> byOrg = new TreeMap<>();
    for (Row row : footprints.filter(col(Footprints.ORG_TYPE).equalTo(orgType))
        .select(col(Footprints.ORG_CODE), col(Footprints.PLACE_CODE), col(Footprints.PLACE_NAME),
            col(Footprints.ICS_CODE), col(Footprints.ICS_NAME), col(Footprints.EFFECTIVE_FROM),
            col(Footprints.EFFECTIVE_TO)).collectAsList()) {
      String code = row.getString(0);
      DateSpan span = span(Footprints.NAME, orgType + " " + code, row.get(5), row.get(6));
      byOrg.computeIfAbsent(code, k -> new ArrayList<>())
          .add(new Dated<>(span, new Footprint(row.getString(1), row.getString(2), row.getString(3), row.getString(4))));
    }
    return byOrg;
  }

  static <V> int rowCount(Map<String, List<Dated<V>>> entries) {
    return entries.values().stream().mapToInt(List::size).sum();
  }

  private static DateSpan span(String table, String code, Object from, Object to) {
    LocalDate start = toLocalDate(from);
    LocalDate end = toLocalDate(to);
    if (start == null) {
      throw PopHealthException.badInput("Cannot resolve footprints: %s row has no effective_from (%s)", table, code);
    }
    if (end != null && end.isBefore(start)) {
      throw PopHealthException.badInput("Cannot resolve footprints: %s row ends before it starts (%s %s..%s)",
          table, code, start, end);
    }
    return DateSpan.of(start, end);
  }

  /** Spark hands dates out as java.sql.Date, or as LocalDate when spark.sql.datetime.java8API.enabled is set. */
  static LocalDate toLocalDate(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    throw new IllegalArgumentException("Cannot read a date: unexpected type (" + value.getClass().getName() + ")");
  }
}
