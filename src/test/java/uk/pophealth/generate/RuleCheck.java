package uk.pophealth.generate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.QuarantineRule;
import uk.pophealth.schema.TableSchema;

/**
 * An independent implementation of the quarantine rules (as the issue defines them) applied to raw generated CSV:
 * classifies every row by the rules it breaks, so tests can recount planted bad rows and pick out the good rows
 * without trusting the generator's tags.
 */
final class RuleCheck {
  private static final Pattern SNOMED = Pattern.compile("\\d{6,18}");
  private static final Pattern NHS = Pattern.compile("\\d{10}");

  /** A raw row and the rules it breaks. */
  record Checked(Map<String, String> row, List<String> rules) {
    boolean good() {
      return rules.isEmpty();
    }
  }

  private final GeneratedData data;
  private final int extractYear;
  private final Set<String> practices = new HashSet<>();
  private final Map<String, Integer> yearOfBirth = new HashMap<>();

  RuleCheck(GeneratedData data, int extractYear) {
    this.data = data;
    this.extractYear = extractYear;
    for (Map<String, String> row : data.rows(Practices.NAME)) {
      practices.add(row.get(Practices.PRACTICE_CODE));
    }
    for (Checked checked : check(GpPatients.TABLE)) {
      if (checked.good()) {
        yearOfBirth.put(checked.row().get(GpPatients.PERSON_ID),
            Integer.parseInt(checked.row().get(GpPatients.YEAR_OF_BIRTH)));
      }
    }
  }

  List<Checked> check(TableSchema table) {
    List<String> lines = data.lines(table.name());
    List<Map<String, String>> rows = data.rows(table.name());
    Set<String> seen = new HashSet<>();
    List<Checked> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      List<String> rules = new ArrayList<>();
      if (!seen.add(lines.get(i + 1))) {
        rules.add(QuarantineRule.DUPLICATE_ROW.ruleName());
      }
      boolean missing = table.nonNullColumns().stream().anyMatch(c -> row.get(c).isEmpty());
      if (missing) {
        rules.add(QuarantineRule.MISSING_REQUIRED_FIELD.ruleName());
      }
      String person = row.get(GpPatients.PERSON_ID);
      if (person != null && !person.isEmpty() && !validNhsNumber(person)) {
        rules.add(QuarantineRule.INVALID_NHS_NUMBER.ruleName());
      }
      for (StructField field : table.schema().fields()) {
        String value = row.get(field.name());
        if (field.dataType().equals(DataTypes.DateType) && !value.isEmpty() && parse(value) == null) {
          rules.add(QuarantineRule.UNPARSEABLE_DATE.ruleName());
          break;
        }
      }
      String practice = row.get(GpPatients.PRACTICE_CODE);
      if (practice != null && !practice.isEmpty() && !table.name().equals(Practices.NAME)
          && !table.name().equals(InputTables.PcnMembership.NAME) && !practices.contains(practice)) {
        rules.add(QuarantineRule.UNKNOWN_PRACTICE.ruleName());
      }
      String code = row.get(GpEvents.SNOMED_CODE);
      if (code != null && !code.isEmpty() && !SNOMED.matcher(code).matches()) {
        rules.add(QuarantineRule.UNKNOWN_CODE_FORMAT.ruleName());
      }
      String year = row.get(GpPatients.YEAR_OF_BIRTH);
      if (year != null && !year.isEmpty() && (Integer.parseInt(year) < 1890 || Integer.parseInt(year) > extractYear)) {
        rules.add(QuarantineRule.OUT_OF_RANGE_YEAR_OF_BIRTH.ruleName());
      }
      if (table.name().equals(GpEvents.NAME) && rules.isEmpty()) {
        Integer born = yearOfBirth.get(person);
        if (born != null && parse(row.get(GpEvents.EVENT_DATE)).getYear() < born) {
          rules.add(QuarantineRule.EVENT_BEFORE_BIRTH.ruleName());
        }
      }
      out.add(new Checked(row, rules));
    }
    return out;
  }

  /** Bad rows per rule; throws if any row breaks more than one rule. */
  static Map<String, Long> count(List<Checked> checked) {
    Map<String, Long> counts = new TreeMap<>();
    for (Checked c : checked) {
      if (c.rules().size() > 1) {
        throw new AssertionError("row breaks more than one rule " + c.rules() + ": " + c.row());
      }
      c.rules().forEach(rule -> counts.merge(rule, 1L, Long::sum));
    }
    return counts;
  }

  static List<Map<String, String>> good(List<Checked> checked) {
    return checked.stream().filter(Checked::good).map(Checked::row).toList();
  }

  static LocalDate parse(String value) {
    try {
      return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** NHS number Modulus 11: weights 10..2 on the first nine digits; 11 - remainder (11 -> 0, 10 -> invalid). */
  static boolean validNhsNumber(String value) {
    if (!NHS.matcher(value).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (value.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == value.charAt(9) - '0';
  }
}
