package uk.pophealth.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.Capacity;

/**
 * The capacity table: for every place (current footprint), activity and month of the window plus
 * {@link #MONTHS_AHEAD} months ahead, a flat commissioned volume = planted factor x the place's mean monthly count
 * of that activity over the last 12 months of history. The planted factor of one activity is below 1, so demand
 * exceeds capacity there.
 */
final class CapacityTable {
  static final int MONTHS_AHEAD = 24;
  static final Map<String, String> ACTIVITY_OF_EVENT_TYPE = Map.of(
      "Request", Planted.REQUESTS, "Assessment", Planted.ASSESSMENTS, "Service", Planted.SERVICES);

  /** Mean monthly count over the last 12 months, per place and activity (place -> activity -> mean). */
  static Map<String, Map<String, Double>> recentMeans(Map<List<String>, Long> byPlaceTypeMonth, Timeline timeline,
      Geography geography, Planted planted) {
    YearMonth firstRecent = timeline.firstMonth().plusMonths(timeline.months() - 12L);
    Map<String, Map<String, Double>> means = new LinkedHashMap<>();
    for (String place : geography.placeCodes()) {
      Map<String, Double> byActivity = new LinkedHashMap<>();
      planted.activities().forEach(a -> byActivity.put(a, 0.0));
      means.put(place, byActivity);
    }
    for (Map.Entry<List<String>, Long> entry : byPlaceTypeMonth.entrySet()) {
      String place = entry.getKey().get(0);
      String activity = ACTIVITY_OF_EVENT_TYPE.get(entry.getKey().get(1));
      YearMonth month = YearMonth.parse(entry.getKey().get(2));
      if (activity != null && !month.isBefore(firstRecent) && means.containsKey(place)) {
        means.get(place).merge(activity, entry.getValue() / 12.0, Double::sum);
      }
    }
    return means;
  }

  static List<Row> rows(Map<String, Map<String, Double>> means, Timeline timeline, Planted planted) {
    List<Row> rows = new ArrayList<>();
    YearMonth first = timeline.firstMonth();
    for (Map.Entry<String, Map<String, Double>> place : means.entrySet()) {
      for (int a = 0; a < planted.activities().size(); a++) {
        String activity = planted.activities().get(a);
        double volume = Math.round(place.getValue().get(activity) * planted.capacityFactor()[a] * 10) / 10.0;
        for (int k = 0; k < timeline.months() + MONTHS_AHEAD; k++) {
          rows.add(ReferenceTables.row(Capacity.TABLE, Capacity.PLACE_CODE, place.getKey(), Capacity.ACTIVITY, activity,
              Capacity.MONTH, first.plusMonths(k).atDay(1).toString(), Capacity.CAPACITY, Double.toString(volume)));
        }
      }
    }
    return rows;
  }

  private CapacityTable() {}
}
