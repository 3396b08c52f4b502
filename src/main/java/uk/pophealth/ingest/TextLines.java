package uk.pophealth.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads one text file as numbered lines: file, 1-based physical line number, text, and whether the line held
 * bytes that are not valid in the file's encoding. Hadoop's line reader accepts LF, CRLF and CR endings; a
 * UTF-8 byte-order mark at the start of the file is dropped.
 */
final class TextLines {
  static final StructType SCHEMA = new StructType()
      .add(IngestColumns.SOURCE_FILE, StringType, false)
      .add(IngestColumns.LINE_NUMBER, LongType, false)
      .add(IngestColumns.TEXT, StringType, false)
      .add(IngestColumns.BAD_ENCODING, BooleanType, false);

  private TextLines() {}

  static JavaRDD<Row> read(JavaSparkContext jsc, String file, String charset) {
    return jsc.hadoopFile(file, TextInputFormat.class, LongWritable.class, Text.class)
        .map(new DecodeLine(charset))
        .zipWithIndex()
        .map(new NumberLine(file));
  }

  /** Decodes a line strictly; on a bad byte keeps a lenient decoding and flags the line. */
  static final class DecodeLine implements Function<Tuple2<LongWritable, Text>, Tuple2<String, Boolean>> {
    private static final long serialVersionUID = 1L;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final String charset;

    DecodeLine(String charset) {
      this.charset = charset;
    }

    @Override
    public Tuple2<String, Boolean> call(Tuple2<LongWritable, Text> record) {
      Text text = record._2();
      byte[] bytes = text.getBytes();
      int start = 0;
      int length = text.getLength();
      Charset cs = Charset.forName(charset);
      if (record._1().get() == 0 && cs.equals(StandardCharsets.UTF_8) && length >= 3 && bytes[0] == UTF8_BOM[0]
          && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
        start = 3;
        length -= 3;
      }
      try {
        String decoded = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, start, length)).toString();
        return new Tuple2<>(decoded, Boolean.FALSE);
      } catch (CharacterCodingException e) {
        return new Tuple2<>(new String(bytes, start, length, cs), Boolean.TRUE);
      }
    }
  }

  /** Attaches the file and the 1-based line number. */
  static final class NumberLine implements Function<Tuple2<Tuple2<String, Boolean>, Long>, Row> {
    private static final long serialVersionUID = 1L;
    private final String file;

    NumberLine(String file) {
      this.file = file;
    }

    @Override
    public Row call(Tuple2<Tuple2<String, Boolean>, Long> numbered) {
      return RowFactory.create(file, numbered._2() + 1, numbered._1()._1(), numbered._1()._2());
    }
  }
}
