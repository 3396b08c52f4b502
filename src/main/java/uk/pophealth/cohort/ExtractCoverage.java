package uk.pophealth.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.core.PopHealthException;

/**
 * The months an extract holds data for: from the month of its earliest dated event to the month of its extract
 * date (or, with no extract_date set, of its latest event). A reporting month outside them would be published as
 * if it were real, from nothing: after the extract, last month's register carried forward and referral rates of
 * 0 per 1,000; before it, registers without their history. So the run refuses such a period (exit 2), naming the
 * period asked for and the data's.
 *
 * @param first the earliest month with a dated event, or null when no table holds one
 * @param last the extract's month
 * @param basis how the range was found, for the message
 */
public record ExtractCoverage(YearMonth first, YearMonth last, String basis) {

  /**
   * The coverage of {@code dates} (each a table's event dates, one date column; one min/max aggregate each) and
   * {@code extractDate} (null when not configured).
   */
  public static ExtractCoverage of(List<Dataset<Row>> dates, LocalDate extractDate) {
    LocalDate earliest = null;
    LocalDate latest = null;
    for (Dataset<Row> table : dates) {
      String date = table.columns()[0];
      Row range = table.agg(min(col(date)), max(col(date))).first();
      if (!range.isNullAt(0)) {
        LocalDate low = ((Date) range.get(0)).toLocalDate();
        LocalDate high = ((Date) range.get(1)).toLocalDate();
        earliest = earliest == null || low.isBefore(earliest) ? low : earliest;
        latest = latest == null || high.isAfter(latest) ? high : latest;
      }
    }
    YearMonth first = earliest == null ? null : YearMonth.from(earliest);
    if (extractDate != null) {
      return new ExtractCoverage(first, YearMonth.from(extractDate), "extract_date " + extractDate);
    }
    return new ExtractCoverage(first, latest == null ? null : YearMonth.from(latest),
        "no extract_date set: the latest event, " + latest);
  }

  /** Throws a config error (exit 2) when {@code months} reaches after the data's last month or before its first. */
  public void requireCovers(ReportingMonths months) {
    boolean after = last != null && months.last().isAfter(last);
    boolean before = first != null && months.first().isBefore(first);
    if (after || before) {
      throw PopHealthException.badConfig("Cannot run: the reporting period %s to %s is %s the extract's data, which "
          + "covers %s to %s (%s); choose months within it", months.first(), months.last(),
          after ? "beyond" : "before", first == null ? "?" : first, last == null ? "?" : last, basis);
    }
  }
}
