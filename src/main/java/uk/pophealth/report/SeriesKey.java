package uk.pophealth.report;

import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/** One forecast series: an area at a geography level and an activity. */
record SeriesKey(String level, String code, String activity) {
  /** ICS footprints first, then places, then anything else (e.g. analyst series). */
  static final List<String> LEVEL_ORDER = List.of(OutputTables.LEVEL_ICS, OutputTables.LEVEL_PLACE);

  static final Comparator<SeriesKey> ORDER = Comparator.comparingInt(SeriesKey::levelRank)
      .thenComparing(SeriesKey::code, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(SeriesKey::activity, Comparator.nullsLast(Comparator.naturalOrder()));

  static SeriesKey of(Row row) {
    return new SeriesKey(Values.string(row, GEOGRAPHY_LEVEL), Values.string(row, GEOGRAPHY_CODE),
        Values.string(row, OutputTables.ACTIVITY_NAME));
  }

  int levelRank() {
    int rank = LEVEL_ORDER.indexOf(level);
    return rank < 0 ? LEVEL_ORDER.size() : rank;
  }

  /** The Spark condition selecting this series' rows. */
  Column condition() {
    return col(GEOGRAPHY_LEVEL).equalTo(level).and(col(GEOGRAPHY_CODE).equalTo(code))
        .and(col(OutputTables.ACTIVITY_NAME).equalTo(activity));
  }

  String label() {
    return code + " (" + level + ") \u2013 " + activity;
  }
}
