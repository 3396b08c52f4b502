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
 * Reads one text file as numbered lines: file, 1-based physical line number, text, whether the line held bytes
 * that are not valid in the file's encoding, and whether it was decoded as Windows-1252 instead. Hadoop's line
 * reader accepts LF, CRLF and CR endings; a UTF-8 byte-order mark at the start of the file is dropped.
 *
 * <p>A line of a UTF-8 file that is not valid UTF-8 is decoded as Windows-1252, line by line on the executors:
 * extracts saved from Excel on Windows are (a practice name with an e-acute is byte 0xE9), and refusing the line
 * would drop the practice and, with it, every patient and event that refers to it. Only a line invalid in both
 * (Windows-1252 leaves five bytes undefined) is flagged {@link IngestColumns#BAD_ENCODING}.
 */
final class TextLines {
  static final StructType SCHEMA = new StructType()
      .add(IngestColumns.SOURCE_FILE, StringType, false)
      .add(IngestColumns.LINE_NUMBER, LongType, false)
      .add(IngestColumns.TEXT, StringType, false)
      .add(IngestColumns.BAD_ENCODING, BooleanType, false)
      .add(IngestColumns.WINDOWS_1252, BooleanType, false);
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextLines() {}

  static JavaRDD<Row> read(JavaSparkContext jsc, String file, String charset) {
    // one split per file block (32 MB locally, 128 MB on HDFS), not Spark's default of at least two splits per
    // file: CsvRecords joins a quoted line break within a split, so a file smaller than a block is joined whole
    return jsc.hadoopFile(file, TextInputFormat.class, LongWritable.class, Text.class, 1)
        .map(new DecodeLine(charset))
        .zipWithIndex()
        .map(new NumberLine(file));
  }

  /** How one line was decoded: its text, and whether it was invalid or fell back to Windows-1252. */
  record Decoded(String text, boolean badEncoding, boolean windows1252) implements java.io.Serializable {}

  /**
   * Decodes a line strictly; a UTF-8 line that is not valid UTF-8 is decoded as Windows-1252; on a bad byte in
   * that too (or in another charset) keeps a lenient decoding and flags the line.
   */
  static final class DecodeLine implements Function<Tuple2<LongWritable, Text>, Decoded> {
    private static final long serialVersionUID = 1L;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final String charset;

    DecodeLine(String charset) {
      this.charset = charset;
    }

    @Override
    public Decoded call(Tuple2<LongWritable, Text> record) {
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
      String strict = strictly(cs, bytes, start, length);
      if (strict != null) {
        return new Decoded(strict, false, false);
      }
      if (cs.equals(StandardCharsets.UTF_8)) {
        String windows = strictly(WINDOWS_1252, bytes, start, length);
        if (windows != null) {
          return new Decoded(windows, false, true);
        }
      }
      return new Decoded(new String(bytes, start, length, cs), true, false);
    }

    /** The text, or null when a byte is not valid in {@code cs}. */
    private static String strictly(Charset cs, byte[] bytes, int start, int length) {
      try {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, start, length)).toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }
  }

  /** Attaches the file and the 1-based line number. */
  static final class NumberLine implements Function<Tuple2<Decoded, Long>, Row> {
    private static final long serialVersionUID = 1L;
    private final String file;

    NumberLine(String file) {
      this.file = file;
    }

    @Override
    public Row call(Tuple2<Decoded, Long> numbered) {
      Decoded line = numbered._1();
      return RowFactory.create(file, numbered._2() + 1, line.text(), line.badEncoding(), line.windows1252());
    }
  }
}
