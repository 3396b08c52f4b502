package uk.pophealth.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.pophealth.core.CsvLine;

/**
 * Reads a reference CSV (header row, double-quoted fields allowed): a small one whole into rows keyed by column
 * name ({@link #read}), a large one streamed keeping only the named columns ({@link #columns}).
 */
public final class CsvRows {
  private CsvRows() {}

  public static List<Map<String, String>> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = CsvLine.split(lines.get(0).replace("\uFEFF", ""));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> values = CsvLine.split(line);
      if (values.size() != header.size()) {
        throw new IllegalStateException("row has " + values.size() + " fields, header " + header.size() + ": " + line);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), values.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * The named columns of every row, in the order named: memory grows with the columns kept, not the file's width
   * (population by LSOA has 94 columns and 35,000 rows).
   */
  public static List<String[]> columns(Path file, String... names) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      Iterator<String> it = lines.iterator();
      List<String> header = CsvLine.split(it.next().replace("\uFEFF", ""));
      int[] index = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        index[i] = header.indexOf(names[i]);
        if (index[i] < 0) {
          throw new IllegalStateException("no column " + names[i] + " in " + file + ": " + header);
        }
      }
      List<String[]> rows = new ArrayList<>();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isBlank()) {
          continue;
        }
        List<String> values = CsvLine.split(line);
        String[] kept = new String[names.length];
        for (int i = 0; i < names.length; i++) {
          kept[i] = values.get(index[i]);
        }
        rows.add(kept);
      }
      return rows;
    }
  }
}
