package uk.pophealth.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.layout.Layout;

/**
 * Reads Parquet files (one file or the part files of a folder) with every column cast to text, so the same
 * rules type them as for CSV. The line number of a Parquet row is its 1-based position in its file.
 */
final class ParquetSource {
  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  private ParquetSource() {}

  static SourceFrame read(SparkSession spark, String table, List<String> files, Layout layout,
      List<String> requiredColumns, List<String> knownColumns) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> names = null;
    JavaRDD<Row> rows = null;
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
      List<Column> text = new ArrayList<>();
      for (String name : names) {
        text.add(IngestColumns.exact(name).cast(StringType).as(name));
      }
      JavaRDD<Row> positioned = data.select(text.toArray(new Column[0])).javaRDD().zipWithIndex()
          .map(new AppendPosition(file));
      rows = rows == null ? positioned : rows.union(positioned);
    }
    StructType schema = new StructType()
        .add(IngestColumns.SOURCE_FILE, StringType, false)
        .add(IngestColumns.LINE_NUMBER, LongType, false)
        .add(IngestColumns.MALFORMED, BooleanType, false);
    for (String name : names) {
      schema = schema.add(name, StringType, true);
    }
    return new SourceFrame(spark.createDataFrame(rows, schema), names);
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

  /** Prefixes each row with its file, its 1-based position and a false malformed flag. */
  static final class AppendPosition implements Function<Tuple2<Row, Long>, Row> {
    private static final long serialVersionUID = 1L;
    private final String file;

    AppendPosition(String file) {
      this.file = file;
    }

    @Override
    public Row call(Tuple2<Row, Long> positioned) {
      Row row = positioned._1();
      Object[] values = new Object[row.length() + 3];
      values[0] = file;
      values[1] = positioned._2() + 1;
      values[2] = Boolean.FALSE;
      for (int i = 0; i < row.length(); i++) {
        values[i + 3] = row.get(i);
      }
      return RowFactory.create(values);
    }
  }
}
