package uk.pophealth.ingest;

import java.util.ArrayList;
import java.util.List;
import uk.pophealth.core.CsvLine;

/** A CSV header line on the driver: its fields ({@link CsvLine}, trimmed) and unique column names. */
final class CsvHeader {
  private CsvHeader() {}

  /** The fields of a header line, unquoted and trimmed. */
  static List<String> split(String line) {
    return CsvLine.split(line).stream().map(String::trim).toList();
  }

  /** Names a header may not use as they are (blank or repeated) get a positional name, so every column is addressable. */
  static List<String> uniqueNames(List<String> header) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      names.add(name.isEmpty() || names.contains(name) ? "_c" + i : name);
    }
    return List.copyOf(names);
  }
}
