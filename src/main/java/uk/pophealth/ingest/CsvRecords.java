package uk.pophealth.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Joins the physical lines of a CSV file ({@link TextLines} rows) into records, so that a quoted field holding a
 * line break (an address, a free-text note saved from Excel) is one record, not two malformed halves. A record
 * keeps the number of its first physical line; its flags are those of any of its lines.
 *
 * <p>A line whose double quotes do not balance is joined with the lines after it up to the first point where
 * they balance, but only when that happens within {@link #MAX_LINES} lines and the joined text has the header's
 * number of fields; otherwise the line stays on its own (and is quarantined as malformed, as before) and the
 * next line starts afresh. So a stray quote costs one line, never the rest of the file.
 *
 * <p>It runs per partition of the line reader ({@link TextLines}: one split per file block, 32 MB locally and
 * 128 MB on HDFS), on the executors, and stays splittable: the one trade-off is that a record whose line break
 * falls exactly on a block boundary of a file larger than a block is not joined, and its lines are quarantined as
 * malformed (rows in = accepted + quarantined still holds). Whole-file multi-line parsing (Spark's
 * {@code multiLine}) would read each file in one task instead.
 */
final class CsvRecords implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;
  /** The most physical lines one record may span. */
  static final int MAX_LINES = 100;
  private static final int FILE = 0;
  private static final int LINE = 1;
  private static final int TEXT = 2;
  private static final int BAD_ENCODING = 3;
  private static final int WINDOWS_1252 = 4;

  private final int fields;

  /** {@code fields}: the number of fields a record has (the header's). */
  CsvRecords(int fields) {
    this.fields = fields;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> lines) {
    return new Records(lines);
  }

  /** The number of double-quote characters in {@code text} ("" inside a quoted field counts two: parity holds). */
  static int quotes(String text) {
    int quotes = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        quotes++;
      }
    }
    return quotes;
  }

  /** The number of fields of a record: commas outside double quotes, plus one. */
  static int fieldCount(String text) {
    int count = 1;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        count++;
      }
    }
    return count;
  }

  /** The records of one partition, read lazily with a look-ahead of at most {@link #MAX_LINES} lines. */
  private final class Records implements Iterator<Row> {
    private final Iterator<Row> lines;
    private final ArrayDeque<Row> ahead = new ArrayDeque<>();

    Records(Iterator<Row> lines) {
      this.lines = lines;
    }

    @Override
    public boolean hasNext() {
      return !ahead.isEmpty() || lines.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row first = ahead.isEmpty() ? lines.next() : ahead.pollFirst();
      String text = first.getString(TEXT);
      if (quotes(text) % 2 == 0) {
        return first;
      }
      while (ahead.size() < MAX_LINES - 1 && lines.hasNext()) {
        ahead.addLast(lines.next());
      }
      StringBuilder joined = new StringBuilder(text);
      List<Row> parts = new ArrayList<>();
      parts.add(first);
      for (Row line : ahead) {
        String more = line.getString(TEXT);
        joined.append('\n').append(more);
        parts.add(line);
        if (quotes(more) % 2 == 1) {
          if (fieldCount(joined.toString()) != fields) {
            return first;
          }
          for (int i = 1; i < parts.size(); i++) {
            ahead.pollFirst();
          }
          return record(parts, joined.toString());
        }
      }
      return first;
    }

    private Row record(List<Row> parts, String text) {
      boolean badEncoding = false;
      boolean windows1252 = false;
      for (Row part : parts) {
        badEncoding |= part.getBoolean(BAD_ENCODING);
        windows1252 |= part.getBoolean(WINDOWS_1252);
      }
      Row first = parts.get(0);
      return RowFactory.create(first.getString(FILE), first.getLong(LINE), text, badEncoding, windows1252);
    }
  }
}
