package uk.pophealth.stats.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads NHSRdatasets' ae_attendances.csv ("period","org_code","type","attendances",...) into one monthly series
 * of type-1 attendances per organisation, keeping only the organisations with every one of the 36 months.
 * Test support shared by the forecast tests and the benchmark.
 */
public final class AeAttendanceSeries {
  public static final int MONTHS = 36;

  private AeAttendanceSeries() {}

  /** org_code to its 36 monthly type-1 attendances, oldest first, in org_code order. */
  public static Map<String, double[]> completeType1(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read A&E attendances: " + csv, e);
    }
    Map<String, TreeMap<String, Double>> byOrg = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.replace("\"", "").split(",", -1);
      if (cells.length < 4 || !cells[2].equals("1")) {
        continue;
      }
      byOrg.computeIfAbsent(cells[1], k -> new TreeMap<>()).put(cells[0], Double.parseDouble(cells[3]));
    }
    Map<String, double[]> out = new TreeMap<>();
    byOrg.forEach((org, months) -> {
      if (months.size() == MONTHS) {
        out.put(org, months.values().stream().mapToDouble(Double::doubleValue).toArray());
      }
    });
    return out;
  }
}
