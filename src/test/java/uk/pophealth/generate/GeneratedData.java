package uk.pophealth.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a generated folder back as raw CSV lines and rows, independently of the generator's own code. */
final class GeneratedData {
  final Path root;

  GeneratedData(Path root) {
    this.root = root;
  }

  /** Every line of every part file of a table, header first, in file order. */
  List<String> lines(String table) {
    List<String> lines = new ArrayList<>();
    String header = null;
    try (Stream<Path> files = Files.list(root.resolve(table))) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        List<String> fileLines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (fileLines.isEmpty()) {
          continue;
        }
        if (header == null) {
          header = fileLines.get(0);
          lines.add(header);
        }
        lines.addAll(fileLines.subList(1, fileLines.size()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** Rows as column -> value maps (empty string for empty). */
  List<Map<String, String>> rows(String table) {
    List<String> lines = lines(table);
    List<String> header = split(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> values = split(line);
      assertEquals(header.size(), values.size(), "columns of a " + table + " line: " + line);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), values.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  JsonNode truth() {
    try {
      return new ObjectMapper().readTree(root.resolve("truth.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text(String file) {
    try {
      return Files.readString(root.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180 split of one line. */
  static List<String> split(String line) {
    return uk.pophealth.core.CsvLine.split(line);
  }
}
