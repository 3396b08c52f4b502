package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.PopHealthException;

/**
 * Which footprint a dated fact is reported on: the one in force on the fact's own date (the default), or, when
 * re-based, the one in force on a single date (the end of the last reporting period) for every fact. A practice
 * or district whose last mapping ended before the re-base date keeps that last mapping, so closed practices do
 * not drop out of re-based history; one that first appears after it stays unmapped.
 *
 * @param rebaseDate the date whose footprint applies to all history, or null for each fact's own date
 */
public record FootprintBasis(LocalDate rebaseDate) {
  /** Each fact on the footprint in force on its own date. */
  public static final FootprintBasis AT_EACH_DATE = new FootprintBasis(null);

  public static FootprintBasis rebasedTo(LocalDate date) {
    return new FootprintBasis(requireNonNull(date, "date is null"));
  }

  /**
   * The basis a job config asks for: {@code rebase_to_current_footprint: true} re-bases onto the footprint in
   * force on the last day of {@code period_to} (YYYY-MM, or an ISO date taken as is).
   */
  public static FootprintBasis fromConfig(JobConfig config) {
    if (!config.rebaseToCurrentFootprint()) {
      return AT_EACH_DATE;
    }
    String periodTo = config.periodTo();
    PopHealthException.checkConfig(periodTo != null,
        "Cannot re-base to the current footprint: no period_to is given (rebase_to_current_footprint: %s)", true);
    try {
      return rebasedTo(periodTo.length() == 7 ? YearMonth.parse(periodTo).atEndOfMonth() : LocalDate.parse(periodTo));
    } catch (DateTimeParseException e) {
      throw PopHealthException.badConfig(
          "Cannot re-base to the current footprint: period_to is not YYYY-MM or YYYY-MM-DD (%s)", periodTo);
    }
  }

  public boolean isRebased() {
    return rebaseDate != null;
  }
}
