package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables;

/**
 * The period a referral section reports: the latest period of the longest period type present (a
 * financial year before a quarter before a month), since longer periods give steadier rates.
 */
record PeriodChoice(String type, Object start) {
  static final List<String> PREFERENCE = List.of(OutputTables.PERIOD_FINANCIAL_YEAR, OutputTables.PERIOD_QUARTER,
      OutputTables.PERIOD_MONTH);

  /** The choice for this frame, or null when it has no rows. */
  static PeriodChoice latest(Dataset<Row> frame) {
    List<String> types = new ArrayList<>();
    for (Row row : frame.select(OutputTables.PERIOD_TYPE).distinct().collectAsList()) {
      if (!row.isNullAt(0)) {
        types.add(row.getString(0));
      }
    }
    if (types.isEmpty()) {
      return null;
    }
    types.sort(String::compareTo);
    String type = PREFERENCE.stream().filter(types::contains).findFirst().orElse(types.get(0));
    Object start = Tables.latestValue(frame.filter(col(OutputTables.PERIOD_TYPE).equalTo(type)),
        OutputTables.PERIOD_START);
    return new PeriodChoice(type, start);
  }

  Dataset<Row> filter(Dataset<Row> frame) {
    return frame.filter(col(OutputTables.PERIOD_TYPE).equalTo(type)
        .and(col(OutputTables.PERIOD_START).equalTo(start)));
  }

  String label() {
    String what = OutputTables.PERIOD_FINANCIAL_YEAR.equals(type) ? "financial year" : type;
    return what + " starting " + Values.period(start);
  }
}
