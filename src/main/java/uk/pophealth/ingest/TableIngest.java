package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.layout.Layout;
import uk.pophealth.ingest.layout.Layouts;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.Normalisation;
import uk.pophealth.schema.QuarantineRule;
import uk.pophealth.schema.QuarantineTable;
import uk.pophealth.schema.TableSchema;

/**
 * Ingests one table: reads its files, quarantines malformed lines, maps the layout, applies the row rules,
 * writes the quarantined rows, counts (rows in = accepted + quarantined, checked) and returns the accepted
 * rows typed as declared, held by the run's {@link AcceptedStore} (the caller releases them).
 */
final class TableIngest {
  private static final Logger LOG = LoggerFactory.getLogger(TableIngest.class);
  private static final int EXAMPLES = 3;
  private static final String EXAMPLE_RANK = "_example_rank";

  private final SparkSession spark;
  private final JobConfig config;
  private final AcceptedStore store;

  TableIngest(SparkSession spark, JobConfig config, AcceptedStore store) {
    this.spark = spark;
    this.config = config;
    this.store = store;
  }

  /**
   * The accepted rows, the counts and the data-quality rows of one table, and its rows in per source (the input's
   * path, or each vintage's path, in date order; they add up to the table's rows in).
   */
  record Outcome(Dataset<Row> accepted, TableCounts counts, List<DataQualityRow> dataQuality,
      Map<String, Long> rowsInBySource, Map<String, String> exampleRecords) {
    Outcome {
      dataQuality = List.copyOf(dataQuality);
      exampleRecords = Map.copyOf(exampleRecords);
      rowsInBySource = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsInBySource));
    }
  }

  /** One source of the table (the input, or one vintage) read and mapped, its lines not yet ruled on. */
  private record SourceRead(String path, List<String> files, Dataset<Row> flagged, Dataset<Row> canonical) {}

  Outcome ingest(TableSchema table, RuleContext context) {
    String name = table.name();
    InputSpec spec = config.input(name);
    spark.sparkContext().setJobDescription("pophealth ingest " + name);
    List<SourceRead> sources = new ArrayList<>();
    for (InputSpec source : spec.sources()) {
      sources.add(readSource(table, source));
    }
    Dataset<Row> flagged = sources.get(0).flagged();
    Dataset<Row> canonical = sources.get(0).canonical();
    for (SourceRead source : sources.subList(1, sources.size())) {
      flagged = flagged.unionByName(source.flagged());
      canonical = canonical.unionByName(source.canonical());
    }
    flagged = flagged.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> malformed = flagged.filter(col(QuarantineTable.RULE).equalTo(QuarantineRule.MALFORMED_ROW.ruleName()));
    RowRules.Ruled ruled = RowRules.apply(canonical, table, context);
    Dataset<Row> rows = store.holdRuled(table, ruled.frame(), identifierColumns(table));
    try {
      Dataset<Row> quarantine = malformed.unionByName(Quarantine.records(rows.filter(col(IngestColumns.RULE).isNotNull()),
          name, col(IngestColumns.RULE), table.columnNames(), identifierColumns(table)));
      Map<String, Long> byRule = new TreeMap<>();
      Map<String, Long> byFile = new TreeMap<>();
      long accepted = 0;
      for (Row row : rows.groupBy(col(IngestColumns.SOURCE_FILE), col(IngestColumns.RULE)).count().collectAsList()) {
        byFile.merge(row.getString(0), row.getLong(2), Long::sum);
        if (row.isNullAt(1)) {
          accepted += row.getLong(2);
        } else {
          byRule.merge(row.getString(1), row.getLong(2), Long::sum);
        }
      }
      long malformedRows = 0;
      for (Row row : malformed.groupBy(col(QuarantineTable.SOURCE_FILE)).count().collectAsList()) {
        byFile.merge(row.getString(0), row.getLong(1), Long::sum);
        malformedRows += row.getLong(1);
      }
      if (malformedRows > 0) {
        byRule.put(QuarantineRule.MALFORMED_ROW.ruleName(), malformedRows);
      }
      long rowsIn = accepted + byRule.values().stream().mapToLong(Long::longValue).sum();
      if (rowsIn == 0) {
        throw PopHealthException.badInput("Cannot read %s: no data rows (%s)", name, String.join(", ", spec.paths()));
      }
      TableCounts counts = new TableCounts(name, rowsIn, accepted, byRule, config.maxQuarantineRate());
      Map<String, Long> bySource = rowsInBySource(sources, byFile);
      long sourceRows = bySource.values().stream().mapToLong(Long::longValue).sum();
      if (sourceRows != rowsIn) {
        throw PopHealthException.failure("Cannot ingest %s: rows in %d but %d by source %s", name, rowsIn, sourceRows,
            bySource);
      }
      int fileCount = sources.stream().mapToInt(source -> source.files().size()).sum();
      Map<String, String> exampleRecords = new TreeMap<>();
      Map<String, String> examples = examples(quarantine, fileCount > 1, exampleRecords);
      Map<String, Normalisations.Found> normalised = Normalisations.summarise(Normalisations.marks(rows).union(
          flagged.filter(col(QuarantineTable.RULE).equalTo(Normalisation.WINDOWS_1252.ruleName())).select(
              Normalisations.mark(Normalisation.WINDOWS_1252, col(QuarantineTable.SOURCE_FILE),
                  col(QuarantineTable.LINE_NUMBER)))), fileCount > 1);
      warnWindows1252(name, normalised.get(Normalisation.WINDOWS_1252.ruleName()), spec.paths());
      Quarantine.write(quarantine, config.quarantineLocation(), name);
      // the accepted rows held narrow and typed (cached on their own, or read from the staged files: AcceptedStore);
      // a cached ruled frame is released. Keeping the whole ruled frame cached instead (one cache fewer) saved 16%
      // of ingest CPU at 2M people, but at 60M its size kept the heap full and GC took most of every later stage
      Dataset<Row> typed = store.accepted(rows.filter(col(IngestColumns.RULE).isNull()).select(typedColumns(table)));
      long typedRows = typed.count();
      if (typedRows != accepted) {
        throw PopHealthException.failure("Cannot ingest %s: accepted %d rows but typed %d", name, accepted, typedRows);
      }
      LOG.info("Ingested {}: {} rows in, {} accepted, {} quarantined ({})", name, rowsIn, accepted,
          counts.rowsQuarantined(), String.format("%.2f%%", 100 * counts.quarantineRate()));
      List<DataQualityRow> dataQuality = new ArrayList<>(dataQuality(counts, ruled.rulesChecked(), examples));
      normalised.forEach((kind, found) -> dataQuality.add(new DataQualityRow(name, kind, counts.rowsIn(),
          counts.rowsAccepted(), 0, String.format("%d row%s, e.g. %s", found.rows(), found.rows() == 1 ? "" : "s", found.exampleLines()))));
      return new Outcome(typed, counts, dataQuality, bySource, exampleRecords);
    } finally {
      store.releaseRuled(rows);
      flagged.unpersist();
    }
  }

  /**
   * Reads one source with its layout: its malformed records, and its records read as Windows-1252, as quarantine
   * records (rule malformed_row or normalised_windows_1252; only the first are quarantined), the well-formed
   * records mapped to canonical.
   */
  private SourceRead readSource(TableSchema table, InputSpec source) {
    Layout layout = Layouts.forSource(table.name(), source);
    List<String> files = InputFiles.list(spark.sparkContext().hadoopConfiguration(), table.name(), source.path());
    SourceFrame frame = read(table, source, layout, files);
    Column malformed = col(IngestColumns.MALFORMED);
    Dataset<Row> flagged = Quarantine.records(frame.frame().filter(malformed.or(col(IngestColumns.WINDOWS_1252))),
        table.name(), when(malformed, lit(QuarantineRule.MALFORMED_ROW.ruleName()))
            .otherwise(lit(Normalisation.WINDOWS_1252.ruleName())), frame.columns(), layout.identifierColumns());
    Dataset<Row> wellFormed = frame.frame().filter(not(malformed))
        .drop(IngestColumns.MALFORMED, IngestColumns.WINDOWS_1252);
    return new SourceRead(source.path(), files, flagged, toCanonical(table, layout, wellFormed, source));
  }

  /** A WARN naming the lines of a table read as Windows-1252 (they are used: Excel on Windows writes it). */
  private static void warnWindows1252(String table, Normalisations.Found found, List<String> paths) {
    if (found != null) {
      LOG.warn("Read {} line{} of {} as Windows-1252: not valid UTF-8 (e.g. line{} {}) ({})", found.rows(),
          found.rows() == 1 ? "" : "s", table, found.rows() == 1 ? "" : "s", found.exampleLines(),
          String.join(", ", paths));
    }
  }

  /** Rows in per source: the rows of each source's files (a file belongs to one source: paths are distinct). */
  private static Map<String, Long> rowsInBySource(List<SourceRead> sources, Map<String, Long> byFile) {
    Map<String, Long> bySource = new LinkedHashMap<>();
    for (SourceRead source : sources) {
      long rows = 0;
      for (String file : source.files()) {
        rows += byFile.getOrDefault(file, 0L);
      }
      bySource.merge(source.path(), rows, Long::sum);
    }
    return bySource;
  }

  private SourceFrame read(TableSchema table, InputSpec spec, Layout layout, List<String> files) {
    List<String> known = layout.name().equals(InputSpec.CANONICAL) ? table.columnNames() : List.of();
    return switch (spec.format()) {
      case "csv" -> CsvSource.read(spark, table.name(), files, layout, layout.requiredSourceColumns(), known);
      case "parquet" -> ParquetSource.read(spark, table.name(), files, layout, layout.requiredSourceColumns(), known);
      default -> throw PopHealthException.badConfig("Cannot read %s: unknown format; expected csv or parquet (%s)",
          table.name(), spec.format());
    };
  }

  /** Applies the layout, turning its failure on this file into a clear bad-input error. */
  private static Dataset<Row> toCanonical(TableSchema table, Layout layout, Dataset<Row> raw, InputSpec spec) {
    Dataset<Row> mapped;
    try {
      mapped = layout.toCanonical(raw);
    } catch (Exception e) {
      throw new PopHealthException(ErrorCategory.BAD_INPUT, String.format("Cannot read %s with layout %s: %s (%s)",
          table.name(), layout.name(), firstLine(e.getMessage()), spec.path()), e);
    }
    List<String> present = Arrays.asList(mapped.columns());
    List<Column> columns = new ArrayList<>();
    for (String name : table.columnNames()) {
      if (!present.contains(name)) {
        throw PopHealthException.failure("Cannot map layout %s: it gives no column %s for table %s (%s)",
            layout.name(), name, table.name(), present);
      }
      columns.add(col(name).cast(DataTypes.StringType).as(name));
    }
    columns.add(col(IngestColumns.SOURCE_FILE));
    columns.add(col(IngestColumns.LINE_NUMBER));
    return mapped.select(columns.toArray(new Column[0]));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static List<String> identifierColumns(TableSchema table) {
    return table.columnNames().contains(RowRules.PERSON_ID) ? List.of(RowRules.PERSON_ID) : List.of();
  }

  /** The declared columns of an accepted row, not-null columns asserted so ({@link AcceptedStore#notNullAsDeclared}). */
  private static Column[] typedColumns(TableSchema table) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      String name = field.name();
      Column value = name.equals(RowRules.PERSON_ID) ? col(IngestColumns.PSEUDONYM)
          : field.dataType().equals(DataTypes.StringType) ? col(name) : col(IngestColumns.typed(name));
      columns.add(AcceptedStore.notNullAsDeclared(value, field));
    }
    return columns.toArray(new Column[0]);
  }

  /**
   * The first few quarantined lines per rule, as "12, 40" (or "part-1.csv:12, ..." when the table has many files);
   * the first line of each rule is put in {@code records} as its line and values, NHS numbers masked
   * ({@link Quarantine#maskNhsNumbers}), for the ceiling's message.
   */
  private static Map<String, String> examples(Dataset<Row> quarantine, boolean withFile, Map<String, String> records) {
    Dataset<Row> firsts = quarantine
        .select(col(QuarantineTable.RULE), col(QuarantineTable.SOURCE_FILE), col(QuarantineTable.LINE_NUMBER),
            col(QuarantineTable.RAW_VALUES))
        .withColumn(EXAMPLE_RANK, row_number().over(Window.partitionBy(col(QuarantineTable.RULE))
            .orderBy(col(QuarantineTable.SOURCE_FILE), col(QuarantineTable.LINE_NUMBER))))
        .filter(col(EXAMPLE_RANK).leq(EXAMPLES))
        .orderBy(col(QuarantineTable.RULE), col(EXAMPLE_RANK));
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (Row row : firsts.collectAsList()) {
      String file = row.getString(1);
      String line = (withFile ? file.substring(file.lastIndexOf('/') + 1) + ":" : "") + row.getLong(2);
      lines.computeIfAbsent(row.getString(0), rule -> new ArrayList<>()).add(line);
      records.putIfAbsent(row.getString(0), "line " + line + ": " + Quarantine.maskNhsNumbers(row.getJavaMap(3)));
    }
    Map<String, String> joined = new TreeMap<>();
    lines.forEach((rule, list) -> joined.put(rule, String.join(", ", list)));
    return joined;
  }

  private static List<DataQualityRow> dataQuality(TableCounts counts, List<QuarantineRule> rulesChecked,
      Map<String, String> examples) {
    List<DataQualityRow> rows = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (QuarantineRule rule : rulesChecked) {
      String example = examples.getOrDefault(rule.ruleName(), "");
      rows.add(new DataQualityRow(counts.table(), rule.ruleName(), counts.rowsIn(), counts.rowsAccepted(),
          counts.quarantined(rule.ruleName()), example));
      if (!example.isEmpty()) {
        all.add(example.split(", ")[0]);
      }
    }
    rows.add(new DataQualityRow(counts.table(), DataQualityTable.ALL_RULES, counts.rowsIn(), counts.rowsAccepted(),
        counts.rowsQuarantined(), String.join(", ", all.subList(0, Math.min(EXAMPLES, all.size())))));
    return rows;
  }
}
