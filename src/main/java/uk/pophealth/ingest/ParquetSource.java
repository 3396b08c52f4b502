package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.layout.Layout;

/**
 * Reads Parquet files (one file or the part files of a folder) with every column cast to text, so the same
 * rules type them as for CSV. The line number of a Parquet row is its 1-based position in its file (Spark's
 * {@code _metadata.row_index}).
 */
final class ParquetSource {
  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  /** Spark's hidden file-metadata column and its Parquet row position field. */
  private static final String METADATA = "_metadata";
  private static final String ROW_INDEX = "row_index";
  /** Below this a double holds every whole number exactly (2^53 is about 9.0e15). */
  private static final double WHOLE_LIMIT = 1e15;

  private ParquetSource() {}

  static SourceFrame read(SparkSession spark, String table, List<String> files, Layout layout,
      List<String> requiredColumns, List<String> knownColumns) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> names = null;
    Dataset<Row> rows = null;
    for (String file : files) {
      requireParquet(conf, table, file);
      Dataset<Row> data;
      try {
        data = spark.read().parquet(file);
      } catch (Exception e) {
        throw new PopHealthException(ErrorCategory.BAD_INPUT,
            String.format("Cannot read %s: the Parquet file cannot be read: %s (%s)", table, e.getMessage(), file), e);
      }
      List<String> found = Arrays.asList(data.columns());
      if (names == null) {
        SourceCheck.requireColumns(table, file, requiredColumns, found, layout);
        SourceCheck.warnExtraColumns(table, file, knownColumns, found);
        names = found;
      } else {
        SourceCheck.requireColumns(table, file, names, found);
      }
      List<Column> columns = new ArrayList<>();
      columns.add(lit(file).as(IngestColumns.SOURCE_FILE));
      // the row's 0-based position in its file, from the reader (no extra pass over the data to number the rows)
      columns.add(data.metadataColumn(METADATA).getField(ROW_INDEX).plus(1L).as(IngestColumns.LINE_NUMBER));
      columns.add(lit(false).as(IngestColumns.MALFORMED));
      columns.add(lit(false).as(IngestColumns.WINDOWS_1252));
      for (String name : names) {
        columns.add(asText(IngestColumns.exact(name), data.schema().apply(name).dataType()).as(name));
      }
      Dataset<Row> positioned = data.select(columns.toArray(new Column[0]));
      // Dataset.union flattens nested unions into one, so a table of hundreds of files is one flat plan
      rows = rows == null ? positioned : rows.union(positioned);
    }
    return new SourceFrame(rows, names);
  }

  /**
   * A column as text. A whole DOUBLE or FLOAT is written as its digits with ".0" (Spark would write 9990000018.0
   * as 9.990000018E9), so an integer held in a floating-point column reads as the integer it is and is counted as
   * a normalisation ({@link TypedValues}, {@link PersonIds}); a TIMESTAMP casts to yyyy-MM-dd HH:mm:ss in the
   * session's zone (UTC), read as its date where a date is expected.
   */
  static Column asText(Column value, DataType type) {
    if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
      Column number = value.cast(DataTypes.DoubleType);
      return when(number.equalTo(floor(number)).and(abs(number).lt(WHOLE_LIMIT)),
          concat(number.cast(DataTypes.LongType).cast(StringType), lit(".0"))).otherwise(value.cast(StringType));
    }
    return value.cast(StringType);
  }

  private static void requireParquet(Configuration conf, String table, String file) {
    Path path = new Path(file);
    byte[] head = new byte[MAGIC.length];
    int read;
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      read = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.BAD_INPUT,
          String.format("Cannot read %s: the file cannot be read: %s (%s)", table, e.getMessage(), file), e);
    }
    if (read == 0) {
      throw PopHealthException.badInput("Cannot read %s: the file is empty (%s)", table, file);
    }
    if (read < MAGIC.length || !Arrays.equals(head, MAGIC)) {
      throw PopHealthException.badInput("Cannot read %s: the file is not Parquet (no PAR1 magic; set format: csv "
          + "for CSV files) (%s)", table, file);
    }
  }
}
