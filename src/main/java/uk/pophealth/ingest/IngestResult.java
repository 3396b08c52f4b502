package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.TableSchema;

/**
 * What ingestion hands the products: every configured table's accepted rows in its canonical typed schema
 * (InputTables; person_id pseudonymised), the counts per table and the data-quality rows. The accepted
 * tables are read from the run's {@link AcceptedStore}; {@link #release()} frees it when the run is done.
 */
public final class IngestResult {
  /** How many rules a refusal at the ceiling names per table: those that quarantined most. */
  private static final int DRIVING_RULES = 3;
  private final Map<String, Dataset<Row>> tables;
  private final AcceptedStore store;
  private final Map<String, TableCounts> counts;
  private final Map<String, Map<String, Long>> rowsInBySource;
  private final List<DataQualityRow> dataQuality;
  private final Map<String, Map<String, String>> exampleRecords;
  private final List<String> referenceLosses;

  /**
   * {@code outcomes}: each ingested table's outcome, in the order ingested (with, per rule, the first quarantined line
   * and its values, NHS numbers masked); {@code referenceLosses}: one sentence per reference table that rejected rows
   * ({@link ReferenceLoss}).
   */
  IngestResult(Map<String, TableIngest.Outcome> outcomes, AcceptedStore store, List<String> referenceLosses) {
    Map<String, Dataset<Row>> accepted = new LinkedHashMap<>();
    Map<String, TableCounts> tableCounts = new LinkedHashMap<>();
    Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
    List<DataQualityRow> quality = new ArrayList<>();
    Map<String, Map<String, String>> examples = new LinkedHashMap<>();
    outcomes.forEach((name, outcome) -> {
      accepted.put(name, outcome.accepted());
      tableCounts.put(name, outcome.counts());
      bySource.put(name, outcome.rowsInBySource());
      quality.addAll(outcome.dataQuality());
      examples.put(name, outcome.exampleRecords());
    });
    this.exampleRecords = Map.copyOf(examples);
    this.referenceLosses = List.copyOf(referenceLosses);
    this.tables = java.util.Collections.unmodifiableMap(accepted);
    this.store = requireNonNull(store, "store is null");
    this.counts = java.util.Collections.unmodifiableMap(tableCounts);
    this.rowsInBySource = java.util.Collections.unmodifiableMap(bySource);
    this.dataQuality = List.copyOf(quality);
  }

  /** The accepted rows of a configured table, typed as declared in InputTables. */
  public Dataset<Row> table(String name) {
    Dataset<Row> table = tables.get(name);
    if (table == null) {
      throw PopHealthException.badConfig("Cannot find ingested table: not among the configured inputs %s (%s)",
          tables.keySet(), name);
    }
    return table;
  }

  public boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  /** The accepted rows of an optional input, or null when the config does not name it. */
  public Dataset<Row> tableOrNull(String name) {
    return tables.get(name);
  }

  /** The accepted rows of an optional input, or no rows of its declared schema when the config does not name it. */
  public Dataset<Row> tableOrEmpty(SparkSession spark, TableSchema table) {
    Dataset<Row> rows = tables.get(table.name());
    return rows != null ? rows : spark.createDataFrame(List.<Row>of(), table.schema());
  }

  /** Configured tables in the order they were ingested. */
  public List<String> tableNames() {
    return List.copyOf(tables.keySet());
  }

  public TableCounts counts(String name) {
    TableCounts tableCounts = counts.get(name);
    if (tableCounts == null) {
      throw PopHealthException.badConfig("Cannot find counts: table not ingested (%s)", name);
    }
    return tableCounts;
  }

  public List<TableCounts> counts() {
    return List.copyOf(counts.values());
  }

  /**
   * Rows in per source of a table: its path, or each vintage's path in date order (the manifest records each
   * source); they add up to the table's rows in.
   */
  public Map<String, Long> rowsInBySource(String name) {
    counts(name);
    return rowsInBySource.get(name);
  }

  /** Rows of the data_quality table, per table: one per rule checked, then the table's {@code all} row. */
  public List<DataQualityRow> dataQuality() {
    return dataQuality;
  }

  /**
   * The data_quality table: the ingestion rows, then {@code findings}, rows a later stage found about the inputs
   * without quarantining anything (e.g. gaps and overlaps in the geography reference tables).
   */
  public Dataset<Row> dataQualityFrame(SparkSession spark, List<DataQualityRow> findings) {
    requireNonNull(spark, "spark is null");
    List<Row> rows = new ArrayList<>();
    dataQuality.forEach(row -> rows.add(row.toRow()));
    findings.forEach(row -> rows.add(row.toRow()));
    return spark.createDataFrame(rows, DataQualityTable.SCHEMA);
  }

  /** The human-readable summary printed at the end of every run. */
  public String summary() {
    return summary(List.of());
  }

  /** The summary with a section for {@code findings}. */
  public String summary(List<DataQualityRow> findings) {
    return DataQualitySummary.format(counts(), dataQuality, findings);
  }

  /** Tables whose quarantine rate exceeds max_quarantine_rate. */
  public List<TableCounts> overCeiling() {
    return counts.values().stream().filter(TableCounts::overCeiling).toList();
  }

  /** Stops the run (BAD_INPUT) when any table quarantined more than its ceiling: a broken extract is not published. */
  public void requireWithinCeiling() {
    List<TableCounts> over = overCeiling();
    if (over.isEmpty()) {
      return;
    }
    List<String> details = new ArrayList<>();
    for (TableCounts table : over) {
      details.add(String.format("%s %.2f%% (%d of %d rows), driven by %s", table.table(),
          100 * table.quarantineRate(), table.rowsQuarantined(), table.rowsIn(), drivers(table)));
    }
    throw PopHealthException.badInput("Cannot accept input: quarantine rate above the ceiling max_quarantine_rate "
        + "%.2f%%; see the quarantine folder and data_quality (%s)", 100 * over.get(0).maxQuarantineRate(),
        String.join("; ", details));
  }

  /**
   * Stops the run (BAD_INPUT) when a reference table (practices, PCN membership, footprints, code lists,
   * deprivation) rejected a row: every row that refers to it would be lost without a word (a practice's patients
   * and events as unknown_practice, a code's events unmatched), and the ceiling, a share of each table's own rows,
   * cannot see that.
   */
  public void requireNoReferenceLoss() {
    if (!referenceLosses.isEmpty()) {
      throw PopHealthException.badInput("Cannot accept the reference tables: a rejected reference row loses every "
          + "row that refers to it; correct these rows (see the quarantine folder): %s",
          String.join("; ", referenceLosses));
    }
  }

  /** The rules that quarantined most of a table's rows (at most three), each with its first line. */
  private String drivers(TableCounts table) {
    Map<String, String> records = exampleRecords.getOrDefault(table.table(), Map.of());
    List<String> drivers = new ArrayList<>();
    table.quarantinedByRule().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(DRIVING_RULES)
        .forEach(rule -> drivers.add(String.format("%s %d row%s (e.g. %s)", rule.getKey(), rule.getValue(), rule.getValue() == 1 ? "" : "s",
            records.getOrDefault(rule.getKey(), "no example"))));
    return String.join(", ", drivers);
  }

  /** What holds the accepted tables (for tests). */
  AcceptedStore store() {
    return store;
  }

  /** Frees what the accepted tables are read from (cache or staging folder); they must not be read afterwards. */
  public void release() {
    store.release();
  }
}
