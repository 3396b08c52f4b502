package uk.pophealth.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.pophealth.core.CsvLine;
import uk.pophealth.core.PopHealthException;

/**
 * Reads a small reference CSV (quoted fields, optional UTF-8 byte-order mark) on the driver. Only for the
 * reference files of real-geography mode, which are a few MB each.
 */
final class CsvFile {
  private final Path path;
  private final List<String> header;
  private final List<List<String>> rows;

  private CsvFile(Path path, List<String> header, List<List<String>> rows) {
    this.path = path;
    this.header = header;
    this.rows = rows;
  }

  static CsvFile read(Path path, Charset charset, boolean hasHeader) {
    if (!Files.isRegularFile(path)) {
      throw PopHealthException.badInput("Cannot read reference data: no such file (%s)", path);
    }
    List<List<String>> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(path, charset)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (rows.isEmpty() && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (!line.isBlank()) {
          rows.add(CsvLine.split(line));
        }
      }
    } catch (IOException e) {
      throw PopHealthException.badInput("Cannot read reference data %s: %s", path, e.getMessage());
    }
    List<String> header = hasHeader && !rows.isEmpty() ? rows.remove(0) : List.of();
    return new CsvFile(path, header, rows);
  }

  List<List<String>> rows() {
    return rows;
  }

  /** Rows as maps from header name to value. */
  List<Map<String, String>> records() {
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      Map<String, String> record = new HashMap<>();
      for (int i = 0; i < header.size() && i < row.size(); i++) {
        record.put(header.get(i), row.get(i));
      }
      out.add(record);
    }
    return out;
  }

  int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw PopHealthException.badInput("Cannot read reference data %s: no column %s (%s)", path, name, header);
    }
    return index;
  }
}
