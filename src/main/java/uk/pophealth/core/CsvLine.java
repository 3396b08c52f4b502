package uk.pophealth.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line on the driver (RFC 4180 quoting: a field may be quoted, with "" for a quote inside). For
 * headers and small reference files only; Spark parses the data rows themselves.
 */
public final class CsvLine {
  private CsvLine() {}

  /** The fields of {@code line}, unquoted and untrimmed. */
  public static List<String> split(String line) {
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
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
