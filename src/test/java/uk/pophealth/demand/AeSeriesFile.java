package uk.pophealth.demand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts the real A&E attendances by ICB (refdata/nhs_timeseries/england_icb_accidents_emergency.csv: icb22_code,
 * total_attendances, ..., date like "April 2022") into a forecast series file (series_id, month, value).
 */
public final class AeSeriesFile {
  public static final String REFDATA = "nhs_timeseries/england_icb_accidents_emergency.csv";
  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private AeSeriesFile() {}

  public static Path convert(Path source, Path target) {
    try {
      List<String> lines = Files.readAllLines(source);
      List<String> header = fields(lines.get(0));
      int code = header.indexOf("icb22_code");
      int value = header.indexOf("total_attendances");
      int date = header.indexOf("date");
      List<String> out = new ArrayList<>(List.of("series_id,month,value"));
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        List<String> row = fields(line);
        out.add(row.get(code) + "," + YearMonth.parse(row.get(date), MONTH_YEAR) + "," + row.get(value));
      }
      Files.write(target, out);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a CSV line whose fields hold no commas, removing quotes. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    for (String field : line.split(",", -1)) {
      fields.add(field.replace("\"", "").trim());
    }
    return fields;
  }
}
