package uk.pophealth.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.ingest.layout.Layout;

/** Header checks shared by the CSV and Parquet sources: every missing column named at once; repeats refused; extras warned. */
final class SourceCheck {
  private static final Logger LOG = LoggerFactory.getLogger(SourceCheck.class);

  private SourceCheck() {}

  static void requireColumns(String table, String file, List<String> required, List<String> found) {
    requireColumns(table, file, required, found, null);
  }

  /** As above, adding the layout's advice on what file to use instead (when it has any). */
  static void requireColumns(String table, String file, List<String> required, List<String> found, Layout layout) {
    List<String> missing = new ArrayList<>(required);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      String advice = layout == null ? "" : layout.missingColumnsAdvice(missing);
      throw PopHealthException.badInput("Cannot read %s: missing required column%s %s; expected %s, found %s%s%s (%s)",
          table, missing.size() == 1 ? "" : "s", missing, required, Quarantine.maskNhsNumbers(found),
          delimiterHint(found), advice.isEmpty() ? "" : "; " + advice, file);
    }
  }

  /**
   * Refuses a header naming a column twice: which copy the rules would read is a guess, and the other copy's values
   * would vanish unseen. Blank names are not compared (they are positional: {@link CsvHeader#uniqueNames}).
   */
  static void refuseDuplicateColumns(String table, String file, List<String> header) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String name : header) {
      if (!name.isEmpty() && !seen.add(name)) {
        repeated.add(name);
      }
    }
    if (!repeated.isEmpty()) {
      throw PopHealthException.badInput("Cannot read %s: the header names column%s %s more than once; give each "
          + "column once (%s)", table, repeated.size() == 1 ? "" : "s", String.join(", ", repeated), file);
    }
  }

  static void warnExtraColumns(String table, String file, List<String> known, List<String> found) {
    if (known.isEmpty()) {
      return;
    }
    List<String> extra = new ArrayList<>(found);
    extra.removeAll(known);
    if (!extra.isEmpty()) {
      LOG.warn("Ignoring {} column{} of {} not in its schema: {} ({})", extra.size(), extra.size() == 1 ? "" : "s",
          table, Quarantine.maskNhsNumbers(extra), file);
    }
  }

  /** A one-column header holding another separator means the file is not comma-separated. */
  static String delimiterHint(List<String> fields) {
    if (fields.size() != 1) {
      return "";
    }
    for (String separator : List.of(";", "\t", "|")) {
      if (fields.get(0).contains(separator)) {
        return String.format("; the file seems to be separated by '%s', not ','",
            separator.equals("\t") ? "\\t" : separator);
      }
    }
    return "";
  }
}
