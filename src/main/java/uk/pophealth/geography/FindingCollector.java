package uk.pophealth.geography;

import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_GAP;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_OVERLAP;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.pophealth.schema.DataQualityTable;

/** Gathers gaps and overlaps per (table, rule) and turns them into findings with a few sorted examples. */
final class FindingCollector {
  static final int EXAMPLES = 5;

  private final Map<String, Long> rowsIn = new TreeMap<>();
  private final Map<List<String>, Set<String>> orgs = new TreeMap<>(FindingCollector::compareKeys);
  private final Map<List<String>, Set<String>> examples = new TreeMap<>(FindingCollector::compareKeys);
  private final Map<List<String>, Long> counted = new TreeMap<>(FindingCollector::compareKeys);

  void rowsIn(String table, long rows) {
    rowsIn.put(table, rows);
  }

  /** Records that an organisation has the problem over the span. */
  void add(String table, String rule, String org, DateSpan span) {
    add(table, rule, org, org + " " + span);
  }

  /**
   * Records a gap, counting only the days within the period the table covers (a table that starts in 2019
   * does not make every older practice a gap before then). A null coverage means the table has no rows of
   * this kind at all, and then the whole gap is reported.
   */
  void gap(String table, String org, DateSpan gap, DateSpan coverage) {
    DateSpan reported = coverage == null ? gap : gap.intersect(coverage);
    if (reported != null) {
      add(table, FOOTPRINT_GAP, org, reported);
    }
  }

  void add(String table, String rule, String org, String example) {
    List<String> key = List.of(table, rule);
    orgs.computeIfAbsent(key, k -> new TreeSet<>()).add(org);
    examples.computeIfAbsent(key, k -> new TreeSet<>()).add(example);
  }

  /** Adds a finding whose count and examples were computed elsewhere (e.g. by a Spark aggregation). */
  void addCounted(String table, String rule, long affected, List<String> someExamples) {
    List<String> key = List.of(table, rule);
    orgs.computeIfAbsent(key, k -> new TreeSet<>());
    counted.merge(key, affected, Long::sum);
    examples.computeIfAbsent(key, k -> new TreeSet<>()).addAll(someExamples);
  }

  /**
   * Resolves every key's entries into a timeline and records each key whose entries overlap.
   *
   * @param label prefixes the key in examples (e.g. "sub_icb "), or empty
   */
  <V> Map<String, Timeline<V>> resolve(String table, String label, Map<String, List<Dated<V>>> entries) {
    Map<String, Timeline<V>> timelines = new TreeMap<>();
    for (Map.Entry<String, List<Dated<V>>> entry : entries.entrySet()) {
      Timeline<V> timeline = Timeline.resolve(entry.getValue());
      for (DateSpan overlap : timeline.overlaps()) {
        add(table, FOOTPRINT_OVERLAP, label + entry.getKey(), overlap);
      }
      timelines.put(entry.getKey(), timeline);
    }
    return timelines;
  }

  List<FootprintFinding> findings() {
    List<FootprintFinding> out = new ArrayList<>();
    for (Map.Entry<List<String>, Set<String>> entry : orgs.entrySet()) {
      String table = entry.getKey().get(0);
      long rows = rowsIn.getOrDefault(table, 0L);
      String shown = String.join("; ", examples.get(entry.getKey()).stream().limit(EXAMPLES).toList());
      out.add(new FootprintFinding(table, entry.getKey().get(1), rows, rows, 0L,
          entry.getValue().size() + counted.getOrDefault(entry.getKey(), 0L), shown));
    }
    return List.copyOf(out);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int byTable = a.get(0).compareTo(b.get(0));
    return byTable != 0 ? byTable : a.get(1).compareTo(b.get(1));
  }
}
