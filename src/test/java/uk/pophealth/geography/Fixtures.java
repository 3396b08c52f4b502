package uk.pophealth.geography;

import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.testing.SharedSpark;

/** Hand-built reference tables in their canonical typed schemas. */
final class Fixtures {
  private Fixtures() {}

  static Date date(String iso) {
    return iso == null ? null : Date.valueOf(iso);
  }

  static Row practice(String code, String name, String subIcb, String from, String to) {
    return RowFactory.create(code, name, subIcb, date(from), date(to));
  }

  static Row member(String practice, String pcn, String from, String to) {
    return RowFactory.create(practice, pcn, pcn + " PCN", null, date(from), date(to));
  }

  static Row subIcb(String code, String ics, String from, String to) {
    return RowFactory.create(Footprints.ORG_TYPE_SUB_ICB, code, code, "Place " + code, ics, "ICS " + ics,
        date(from), date(to));
  }

  static Row district(String code, String place, String ics, String from, String to) {
    return RowFactory.create(Footprints.ORG_TYPE_LAD, code, place, "Place " + place, ics, "ICS " + ics,
        date(from), date(to));
  }

  static Row lsoa(String lsoa, String lad) {
    return RowFactory.create(lsoa, lad, 1, 1);
  }

  static Dataset<Row> frame(StructType schema, Row... rows) {
    return SharedSpark.spark().createDataFrame(Arrays.asList(rows), schema);
  }

  static Dataset<Row> frame(StructType schema, List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, schema);
  }

  static GeographyInputs inputs(List<Row> practices, List<Row> members, List<Row> footprints, List<Row> lsoas) {
    return new GeographyInputs(frame(Practices.TABLE.schema(), practices),
        frame(PcnMembership.TABLE.schema(), members), frame(Footprints.TABLE.schema(), footprints),
        frame(LsoaDeprivation.TABLE.schema(), lsoas));
  }
}
