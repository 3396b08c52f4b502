package uk.pophealth.generate;

import java.util.SplittableRandom;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.QuarantineRule;

/**
 * Plants bad rows. Every bad row is an EXTRA row, a copy of one good "parent" row with exactly one rule broken,
 * written right after its parent; good rows are never changed. Each good row spawns at most one bad row, with
 * probability equal to the bad-row share, of a kind drawn uniformly from the table's kinds. The draws come from
 * the person's bad-row stream, so the good rows are the same whatever the share.
 *
 * <p>Conventions (shared with ingestion): duplicate_row = exact copy of the parent; invalid_nhs_number = the
 * person's NHS number with a wrong check digit; unparseable_date = the table's main date written like
 * "2023-13-45" or "30/02/2023"; unknown_practice = practice code {@code ZX} + 4 digits (never in practices);
 * missing_required_field = one required field left empty (gp_patients sex, gp_events snomed_code,
 * social_care_events la_code, service_referrals service); out_of_range_year_of_birth = 1880-1889 or 1-5 years
 * after the extract year; event_before_birth = event dated in a year 1-5 years before the person's year of
 * birth; unknown_code_format = the SNOMED code cut to 5 digits, prefixed with a letter, or padded past 18 digits.
 */
final class BadRows {
  /** A planted bad row and the one rule it breaks. */
  record Bad(QuarantineRule rule, String[] values) {}

  private final GeneratedTable table;
  private final double share;
  private final int extractYear;

  BadRows(GeneratedTable table, double share, int extractYear) {
    this.table = table;
    this.share = share;
    this.extractYear = extractYear;
  }

  /** The bad row spawned by a good row, or null (the common case). */
  Bad spawn(SplittableRandom rng, Person person, String[] parent) {
    if (share <= 0 || rng.nextDouble() >= share) {
      return null;
    }
    QuarantineRule rule = table.badRules.get(rng.nextInt(table.badRules.size()));
    String[] values = parent.clone();
    switch (rule) {
      case DUPLICATE_ROW -> { }
      case INVALID_NHS_NUMBER -> values[table.personColumn] =
          NhsNumbers.withWrongCheckDigit(person.personId(), 1 + rng.nextInt(9));
      case UNPARSEABLE_DATE -> values[table.dateColumn] = unparseable(rng, parent[table.dateColumn]);
      case UNKNOWN_PRACTICE -> values[table.column(GpPatients.PRACTICE_CODE)] =
          String.format("ZX%04d", rng.nextInt(10_000));
      case MISSING_REQUIRED_FIELD -> values[table.requiredColumn] = null;
      case OUT_OF_RANGE_YEAR_OF_BIRTH -> values[table.column(GpPatients.YEAR_OF_BIRTH)] = Integer.toString(
          rng.nextBoolean() ? 1880 + rng.nextInt(10) : extractYear + 1 + rng.nextInt(5));
      case EVENT_BEFORE_BIRTH -> values[table.column(GpEvents.EVENT_DATE)] = Timeline.iso(
          (int) java.time.LocalDate.of(person.yearOfBirth() - 1 - rng.nextInt(5), 1 + rng.nextInt(12),
              1 + rng.nextInt(28)).toEpochDay());
      case UNKNOWN_CODE_FORMAT -> values[table.column(GpEvents.SNOMED_CODE)] =
          badCode(rng, parent[table.column(GpEvents.SNOMED_CODE)]);
      default -> throw new IllegalStateException("Cannot plant bad row: no recipe for rule (" + rule + ")");
    }
    return new Bad(rule, values);
  }

  private static String unparseable(SplittableRandom rng, String isoDate) {
    String year = isoDate.substring(0, 4);
    return rng.nextBoolean()
        ? String.format("%s-%02d-%02d", year, 13 + rng.nextInt(7), 32 + rng.nextInt(20))
        : String.format("%02d/02/%s", 30 + rng.nextInt(2), year);
  }

  private static String badCode(SplittableRandom rng, String code) {
    return switch (rng.nextInt(3)) {
      case 0 -> code.substring(0, 5);
      case 1 -> "X" + code;
      default -> code + "0000000000000000000".substring(0, 19 - code.length() + 1);
    };
  }
}
