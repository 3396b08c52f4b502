package uk.pophealth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One cell of the ACP uptake core: register size and number with an ACP at a month end for one geography unit.
 * Both engines produce these, so they can be compared exactly and written to a small CSV between processes.
 */
record CoreCount(LocalDate periodEnd, String level, String code, long register, long withAcp) {
  static final String LEVEL = "geography_level";
  static final String CODE = "geography_code";
  static final String REGISTER = "register";
  static final String WITH_ACP = "with_acp";
  static final String UNKNOWN = "unknown";
  static final List<String> LEVELS = List.of("practice", "pcn", "place", "ics");

  static final Comparator<CoreCount> ORDER = Comparator.comparing(CoreCount::periodEnd)
      .thenComparing(CoreCount::level).thenComparing(CoreCount::code);

  static List<CoreCount> sorted(List<CoreCount> counts) {
    List<CoreCount> copy = new ArrayList<>(counts);
    copy.sort(ORDER);
    return List.copyOf(copy);
  }

  static void write(Path file, List<CoreCount> counts) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", "period_end", LEVEL, CODE, REGISTER, WITH_ACP));
    for (CoreCount c : sorted(counts)) {
      lines.add(c.periodEnd() + "," + c.level() + "," + c.code() + "," + c.register() + "," + c.withAcp());
    }
    Files.write(file, lines);
  }

  static List<CoreCount> read(Path file) throws IOException {
    List<CoreCount> counts = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      counts.add(new CoreCount(LocalDate.parse(f[0]), f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4])));
    }
    return sorted(counts);
  }
}
