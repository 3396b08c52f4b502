package uk.pophealth.ingest;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting, "" as an escaped quote) on the driver: used for headers only. */
final class CsvHeader {
  private CsvHeader() {}

  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().trim());
    return List.copyOf(fields);
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
