package uk.pophealth.deprivation;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.pophealth.schema.InputTables;
import uk.pophealth.testing.SharedSpark;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;

/** Hand-built input rows in the canonical schemas. */
final class Rows {
  static final String OPEN = null;

  private Rows() {}

  static Date date(String iso) {
    return iso == null ? null : Date.valueOf(iso);
  }

  static Row request(String person, String date, String route, String lsoa) {
    return RowFactory.create(person, "E10000001", "Request", date(date), null, route, null, null, lsoa);
  }

  static Row careEvent(String person, String type, String date) {
    return RowFactory.create(person, "E10000001", type, date(date), null, null, null, null, null);
  }

  static Row referral(String id, String person, String service, String date, String lsoa) {
    return RowFactory.create(id, person, service, date(date), "GP", lsoa);
  }

  static Row patient(String person, String lsoa, String start, String end, String death) {
    return RowFactory.create(person, "P1", 1950, "F", lsoa, date(start), date(end), date(death));
  }

  static Row deprivation(String lsoa, String lad, int rank, int decile) {
    return RowFactory.create(lsoa, lad, rank, decile);
  }

  static Row footprint(String lsoa, String lad, String place, String ics, String from, String to) {
    return RowFactory.create(lsoa, lad, place, "Place " + place, ics, "ICS " + ics, date(from), date(to));
  }

  static Row population(String lsoa, int year, String sex, String ageBand, long people) {
    return RowFactory.create(lsoa, year, sex, ageBand, people);
  }

  static Dataset<Row> careEvents(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, InputTables.SocialCareEvents.TABLE.schema());
  }

  static Dataset<Row> referrals(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, InputTables.ServiceReferrals.TABLE.schema());
  }

  static Dataset<Row> patients(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, InputTables.GpPatients.TABLE.schema());
  }

  static Dataset<Row> deprivation(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, InputTables.LsoaDeprivation.TABLE.schema());
  }

  static Dataset<Row> footprints(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, LsoaHierarchy.TABLE.schema());
  }

  static Dataset<Row> population(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, InputTables.Population.TABLE.schema());
  }
}
