package uk.pophealth.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

/**
 * A driver-side look at the start of one file, before Spark reads it: its size, its first bytes (to recognise
 * a Parquet, Excel or ZIP file given as CSV) and its first two non-blank lines (header and first data line).
 */
record FileProbe(String file, long size, byte[] head, List<String> firstLines) {
  private static final int HEAD_BYTES = 8;
  private static final byte[] PARQUET = {'P', 'A', 'R', '1'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final byte[] GZIP = {(byte) 0x1F, (byte) 0x8B};

  FileProbe {
    head = head.clone();
    firstLines = List.copyOf(firstLines);
  }

  static FileProbe of(Configuration conf, String table, String file, Charset charset) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(conf);
      long size = fs.getFileStatus(path).getLen();
      byte[] head = new byte[(int) Math.min(HEAD_BYTES, size)];
      try (InputStream in = fs.open(path)) {
        int read = in.readNBytes(head, 0, head.length);
        head = Arrays.copyOf(head, read);
      }
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      List<String> lines = new ArrayList<>();
      try (InputStream raw = fs.open(path);
          InputStream in = codec == null ? raw : codec.createInputStream(raw);
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset))) {
        String line;
        while (lines.size() < 2 && (line = reader.readLine()) != null) {
          String text = lines.isEmpty() ? stripBom(line) : line;
          if (!text.isBlank()) {
            lines.add(text);
          }
        }
      }
      return new FileProbe(file, size, head, lines);
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.BAD_INPUT,
          String.format("Cannot read %s: the file cannot be read: %s (%s)", table, e.getMessage(), file), e);
    }
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  boolean isEmpty() {
    return firstLines.isEmpty();
  }

  boolean isParquet() {
    return startsWith(PARQUET);
  }

  /** What kind of non-text file this is, when it is plainly not CSV text. */
  Optional<String> binaryKind(boolean compressedByName) {
    if (isParquet()) {
      return Optional.of("a Parquet file (set format: parquet)");
    }
    if (startsWith(ZIP)) {
      return Optional.of("a ZIP archive, e.g. an Excel .xlsx workbook (save it as CSV)");
    }
    if (startsWith(OLE2)) {
      return Optional.of("an Excel .xls workbook (save it as CSV)");
    }
    if (startsWith(GZIP) && !compressedByName) {
      return Optional.of("gzip-compressed but not named .gz");
    }
    if (!compressedByName && !firstLines.isEmpty() && firstLines.get(0).indexOf('\0') >= 0) {
      return Optional.of("a binary file, not CSV text");
    }
    return Optional.empty();
  }

  private boolean startsWith(byte[] magic) {
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }
}
