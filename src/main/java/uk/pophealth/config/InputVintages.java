package uk.pophealth.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.pophealth.core.PopHealthException;

/** Checks an {@link InputSpec}: a single file, or dated vintages that each have a path and dates and never overlap. */
final class InputVintages {
  private InputVintages() {}

  static void check(String table, InputSpec spec) {
    if (spec.vintages().isEmpty()) {
      PopHealthException.checkConfig(spec.path() != null,
          "Cannot read input %s: give a path, or vintages with a path each (no path)", table);
      checkDates(table, spec);
      return;
    }
    PopHealthException.checkConfig(spec.path() == null,
        "Cannot read input %s: give either a path or vintages, not both (%s)", table, spec.path());
    PopHealthException.checkConfig(spec.format() == null && spec.layout() == null && spec.validFrom() == null
            && spec.validTo() == null,
        "Cannot read input %s: format, layout, valid_from and valid_to go on each vintage, not beside vintages (%s)",
        table, spec.layout() != null ? spec.layout() : spec.format() != null ? spec.format()
            : spec.validFrom() != null ? spec.validFrom() : spec.validTo());
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < spec.vintages().size(); i++) {
      InputSpec vintage = spec.vintages().get(i);
      int number = i + 1;
      PopHealthException.checkConfig(vintage != null, "Cannot read input %s: vintage %d is empty (null)", table, number);
      PopHealthException.checkConfig(vintage.vintages().isEmpty(),
          "Cannot read input %s: vintage %d has vintages of its own (%s)", table, number, vintage.path());
      PopHealthException.checkConfig(vintage.path() != null,
          "Cannot read input %s: vintage %d has no path (valid_from %s)", table, number, vintage.validFrom());
      PopHealthException.checkConfig(vintage.validFrom() != null,
          "Cannot read input %s: vintage %d has no valid_from, the first day it is in force (%s)", table, number,
          vintage.path());
      PopHealthException.checkConfig(paths.add(vintage.path()),
          "Cannot read input %s: two vintages read the same path (%s)", table, vintage.path());
      checkDates(table, vintage);
    }
    List<InputSpec> sorted = spec.sources();
    for (int i = 1; i < sorted.size(); i++) {
      InputSpec earlier = sorted.get(i - 1);
      InputSpec later = sorted.get(i);
      LocalDate earlierTo = earlier.validToDate();
      if (earlierTo == null || !earlierTo.isBefore(later.validFromDate())) {
        throw PopHealthException.badConfig("Cannot read input %s: vintages overlap; %s (%s..%s) and %s (%s..%s) are "
            + "both in force on %s", table, earlier.path(), earlier.validFrom(), open(earlier.validTo()), later.path(),
            later.validFrom(), open(later.validTo()), later.validFrom());
      }
    }
  }

  private static void checkDates(String table, InputSpec spec) {
    LocalDate from = spec.validFromDate();
    LocalDate to = spec.validToDate();
    PopHealthException.checkConfig(to == null || from != null,
        "Cannot read input %s: valid_to needs a valid_from (%s)", table, spec.path());
    PopHealthException.checkConfig(to == null || !to.isBefore(from),
        "Cannot read input %s: valid_to is before valid_from (%s..%s)", table, spec.validFrom(), spec.validTo());
  }

  static LocalDate date(String key, String text, String path) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw PopHealthException.badConfig("Cannot read %s of %s: expected a date yyyy-MM-dd (%s)", key, path, text);
    }
  }

  private static String open(String validTo) {
    return validTo == null ? "" : validTo;
  }
}
