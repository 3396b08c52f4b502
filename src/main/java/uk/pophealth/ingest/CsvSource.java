package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.layout.Layout;

/**
 * Reads CSV files (one file or the part files of a folder) as text with line numbers, checks the header on
 * the driver before any row is read (a column named twice is refused), joins the lines of a record whose quoted
 * field holds a line break ({@link CsvRecords}), then splits each record with Spark's CSV parser (an expression,
 * all columns as strings). A record whose quotes do not close, whose field count differs from the header's, or
 * that holds a byte invalid in the file's encoding (and in Windows-1252: {@link TextLines}) is flagged
 * {@link IngestColumns#MALFORMED}; a record read as Windows-1252 is flagged {@link IngestColumns#WINDOWS_1252}.
 */
final class CsvSource {
  /** Commas outside double quotes. */
  private static final String FIELD_SEPARATOR = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";
  private static final Map<String, String> CSV_OPTIONS = Map.of(
      "sep", ",", "quote", "\"", "escape", "\"", "mode", "PERMISSIVE", "nullValue", "");
  private static final String PARSED = "_parsed";

  private CsvSource() {}

  static SourceFrame read(SparkSession spark, String table, List<String> files, Layout layout,
      List<String> requiredColumns, List<String> knownColumns) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    Charset charset = Charset.forName(layout.charset());
    List<FileProbe> probes = new ArrayList<>();
    for (String file : files) {
      FileProbe probe = FileProbe.of(conf, table, file, charset);
      probe.binaryKind(codecs.getCodec(new Path(file)) != null).ifPresent(kind -> {
        throw PopHealthException.badInput("Cannot read %s: the file is %s, not CSV text (%s)", table, kind, file);
      });
      if (!probe.isEmpty()) {
        probes.add(probe);
      }
    }
    String where = files.size() == 1 ? files.get(0) : String.join(", ", files);
    if (probes.isEmpty()) {
      throw PopHealthException.badInput("Cannot read %s: the file is empty (%s)", table, where);
    }
    List<String> header = layout.hasHeader() ? checkHeader(table, probes, layout, requiredColumns, knownColumns)
        : checkColumnCount(table, probes, layout.columnNames());
    if (layout.hasHeader() && probes.stream().allMatch(p -> p.firstLines().size() < 2)) {
      throw PopHealthException.badInput("Cannot read %s: the file has a header but no data rows (%s)", table, where);
    }
    List<String> names = CsvHeader.uniqueNames(header);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // one flat union of every file's lines: chaining rdd.union nests one level per file, and a task of a table with
    // a few hundred files then overflows the stack while it is deserialised
    List<JavaRDD<Row>> perFile = new ArrayList<>();
    for (FileProbe probe : probes) {
      perFile.add(TextLines.read(jsc, probe.file(), layout.charset()).mapPartitions(new CsvRecords(names.size())));
    }
    @SuppressWarnings("unchecked")
    JavaRDD<Row> lines = jsc.union(perFile.toArray(new JavaRDD[0]));
    Dataset<Row> text = spark.createDataFrame(lines, TextLines.SCHEMA)
        .filter(trim(col(IngestColumns.TEXT)).notEqual(""));
    if (layout.hasHeader()) {
      text = text.filter(not(isHeaderLine(header)));
    }
    return new SourceFrame(parse(text, names), names);
  }

  /** The header is the first non-blank line; it is recognised by its text, so leading blank lines do no harm. */
  private static Column isHeaderLine(List<String> header) {
    return col(IngestColumns.LINE_NUMBER).equalTo(1L).or(
        col(IngestColumns.LINE_NUMBER).leq(10L).and(col(IngestColumns.TEXT).rlike("^\\uFEFF?\\s*\"?"
            + java.util.regex.Pattern.quote(header.get(0)) + "\"?\\s*(,|$)")));
  }

  private static Dataset<Row> parse(Dataset<Row> text, List<String> names) {
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, StringType, true);
    }
    Column line = col(IngestColumns.TEXT);
    Column quotes = length(line).minus(length(regexp_replace(line, "\"", "")));
    Column fields = size(split(line, FIELD_SEPARATOR, -1));
    Column malformed = col(IngestColumns.BAD_ENCODING)
        .or(pmod(quotes, lit(2)).notEqual(0))
        .or(fields.notEqual(names.size()));
    List<Column> columns = new ArrayList<>();
    columns.add(col(IngestColumns.SOURCE_FILE));
    columns.add(col(IngestColumns.LINE_NUMBER));
    columns.add(malformed.as(IngestColumns.MALFORMED));
    columns.add(col(IngestColumns.WINDOWS_1252));
    Column parsed = from_csv(line, lit(schema.toDDL()), CSV_OPTIONS);
    Dataset<Row> withParsed = text.withColumn(PARSED, parsed);
    for (String name : names) {
      columns.add(col(PARSED).getField(name).as(name));
    }
    return withParsed.select(columns.toArray(new Column[0]));
  }

  private static List<String> checkHeader(String table, List<FileProbe> probes, Layout layout, List<String> required,
      List<String> known) {
    FileProbe first = probes.get(0);
    List<String> header = CsvHeader.split(first.firstLines().get(0));
    for (FileProbe probe : probes) {
      List<String> other = CsvHeader.split(probe.firstLines().get(0));
      if (!other.equals(header)) {
        throw PopHealthException.badInput("Cannot read %s: part files have different headers, %s in %s but %s (%s)",
            table, Quarantine.maskNhsNumbers(header), first.file(), Quarantine.maskNhsNumbers(other), probe.file());
      }
    }
    SourceCheck.refuseDuplicateColumns(table, first.file(), header);
    SourceCheck.requireColumns(table, first.file(), required, header, layout);
    SourceCheck.warnExtraColumns(table, first.file(), known, header);
    return header;
  }

  private static List<String> checkColumnCount(String table, List<FileProbe> probes, List<String> columnNames) {
    for (FileProbe probe : probes) {
      List<String> fields = CsvHeader.split(probe.firstLines().get(0));
      if (fields.size() != columnNames.size()) {
        throw PopHealthException.badInput("Cannot read %s: expected %d comma-separated columns, found %d in the "
            + "first line%s (%s)", table, columnNames.size(), fields.size(), SourceCheck.delimiterHint(fields),
            probe.file());
      }
    }
    return columnNames;
  }
}
