package uk.pophealth.report;

import static uk.pophealth.schema.OutputTables.GEOGRAPHY_CODE;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_LEVEL;
import static uk.pophealth.schema.OutputTables.GEOGRAPHY_NAME;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables;

/** One area (place, ICS or all) and one service: the unit of the referral charts. */
record AreaService(String level, String code, String name, String service) {
  /** Areas are listed place first, then ICS, then the total. */
  static final List<String> LEVEL_ORDER = List.of(
      OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL);

  static final Comparator<AreaService> ORDER = Comparator.comparingInt(AreaService::levelRank)
      .thenComparing(AreaService::code, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(AreaService::service, Comparator.nullsLast(Comparator.naturalOrder()));

  static AreaService of(Row row) {
    return new AreaService(Values.string(row, GEOGRAPHY_LEVEL), Values.string(row, GEOGRAPHY_CODE),
        Values.string(row, GEOGRAPHY_NAME), Values.string(row, OutputTables.SERVICE));
  }

  int levelRank() {
    int rank = LEVEL_ORDER.indexOf(level);
    return rank < 0 ? LEVEL_ORDER.size() : rank;
  }

  String area() {
    String label = name == null || name.isBlank() ? code : name;
    return OutputTables.LEVEL_PLACE.equals(level) ? label : label + " (" + level + ")";
  }

  String label() {
    return area() + " \u2013 " + service;
  }
}
