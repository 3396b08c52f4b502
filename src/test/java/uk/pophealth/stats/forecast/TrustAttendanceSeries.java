package uk.pophealth.stats.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads healthyr's england_trust_accidents_emergency.csv ("nhs_trust22_code","total_attendances",...,"date" as
 * "April 2021") into one monthly series of total A&amp;E attendances per trust, keeping the trusts that report a
 * positive count in every one of the file's 52 months (April 2021 to July 2025). Trusts that report zero throughout have no A&amp;E department and are left out. Test support: an
 * independent check of the forecasts on other trusts and other years than ae_attendances.csv.
 */
public final class TrustAttendanceSeries {
  public static final int MONTHS = 52;
  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private TrustAttendanceSeries() {}

  /** Trust code to its monthly total attendances, oldest first, in code order. */
  public static Map<String, double[]> completePositive(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read trust A&E attendances: " + csv, e);
    }
    Map<String, TreeMap<YearMonth, Double>> byTrust = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.replace("\"", "").split(",", -1);
      if (cells.length < 8 || cells[1].isEmpty()) {
        continue;
      }
      byTrust.computeIfAbsent(cells[0], k -> new TreeMap<>())
          .put(YearMonth.parse(cells[7], MONTH_YEAR), Double.parseDouble(cells[1]));
    }
    Map<String, double[]> out = new TreeMap<>();
    byTrust.forEach((trust, months) -> {
      double[] y = months.values().stream().mapToDouble(Double::doubleValue).toArray();
      if (y.length == MONTHS && Arrays.stream(y).allMatch(v -> v > 0)) {
        out.put(trust, y);
      }
    });
    return out;
  }

  /** Each series' months [start, start + length), in the same order. */
  public static List<double[]> window(Map<String, double[]> series, int start, int length) {
    List<double[]> out = new ArrayList<>();
    for (double[] y : series.values()) {
      out.add(Arrays.copyOfRange(y, start, start + length));
    }
    return out;
  }
}
