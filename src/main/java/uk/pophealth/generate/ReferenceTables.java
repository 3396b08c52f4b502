package uk.pophealth.generate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.TableSchema;

/**
 * The small reference tables, built on the driver from the geography (at most tens of thousands of rows):
 * codelists, practices, pcn_membership, lsoa_deprivation and footprints. Columns are strings in declared order.
 */
final class ReferenceTables {
  private final SparkSession spark;
  private final Geography geography;
  private final Timeline timeline;

  ReferenceTables(SparkSession spark, Geography geography, Timeline timeline) {
    this.spark = spark;
    this.geography = geography;
    this.timeline = timeline;
  }

  Built codelists() {
    List<Row> rows = new ArrayList<>();
    for (ClinicalCodes.Code code : ClinicalCodes.ALL) {
      rows.add(row(Codelists.TABLE, Codelists.CODELIST, code.codelist(), Codelists.CODE, code.code(),
          Codelists.TERM, code.term()));
    }
    return frame(Codelists.TABLE, rows);
  }

  Built practices() {
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < geography.practiceCount(); p++) {
      rows.add(row(Practices.TABLE, Practices.PRACTICE_CODE, geography.practiceCodes()[p],
          Practices.PRACTICE_NAME, geography.practiceNames()[p],
          Practices.SUB_ICB_CODE, geography.subIcbCodes()[geography.practiceSubIcb()[p]],
          Practices.EFFECTIVE_FROM, Timeline.iso(geography.practiceFrom()[p]), Practices.EFFECTIVE_TO, null));
    }
    return frame(Practices.TABLE, rows);
  }

  Built pcnMembership() {
    List<Row> rows = new ArrayList<>();
    int pcnStart = (int) Timeline.PCN_START.toEpochDay();
    for (int p = 0; p < geography.practiceCount(); p++) {
      int before = geography.practicePcnBefore()[p];
      int after = geography.practicePcnAfter()[p];
      int from = Math.max(pcnStart, geography.practiceFrom()[p]);
      if (before == after) {
        rows.add(membership(p, before, from, -1));
      } else {
        rows.add(membership(p, before, from, timeline.pcnChangeDay() - 1));
        rows.add(membership(p, after, timeline.pcnChangeDay(), -1));
      }
    }
    return frame(PcnMembership.TABLE, rows);
  }

  private Row membership(int practice, int pcn, int from, int to) {
    return row(PcnMembership.TABLE, PcnMembership.PRACTICE_CODE, geography.practiceCodes()[practice],
        PcnMembership.PCN_CODE, geography.pcnCodes()[pcn], PcnMembership.PCN_NAME, geography.pcnNames()[pcn],
        PcnMembership.SUB_ICB_CODE, geography.subIcbCodes()[geography.pcnSubIcb()[pcn]],
        PcnMembership.EFFECTIVE_FROM, Timeline.iso(from), PcnMembership.EFFECTIVE_TO, to < 0 ? null : Timeline.iso(to));
  }

  Built lsoaDeprivation() {
    List<Row> rows = new ArrayList<>();
    for (int l = 0; l < geography.lsoaCodes().length; l++) {
      rows.add(row(LsoaDeprivation.TABLE, LsoaDeprivation.LSOA_CODE, geography.lsoaCodes()[l],
          LsoaDeprivation.LAD_CODE, geography.ladCodes()[geography.lsoaLad()[l]],
          LsoaDeprivation.IMD_RANK, Integer.toString(geography.lsoaRank()[l]),
          LsoaDeprivation.IMD_DECILE, Integer.toString(geography.lsoaDecile()[l])));
    }
    return frame(LsoaDeprivation.TABLE, rows);
  }

  Built footprints() {
    List<Row> rows = new ArrayList<>();
    for (Geography.FootprintRow f : geography.footprints()) {
      rows.add(row(Footprints.TABLE, Footprints.ORG_TYPE, f.orgType(), Footprints.ORG_CODE, f.orgCode(),
          Footprints.PLACE_CODE, f.placeCode(), Footprints.PLACE_NAME, f.placeName(),
          Footprints.ICS_CODE, f.icsCode(), Footprints.ICS_NAME, f.icsName(),
          Footprints.EFFECTIVE_FROM, Timeline.iso(f.from()), Footprints.EFFECTIVE_TO, f.to() < 0 ? null : Timeline.iso(f.to())));
    }
    return frame(Footprints.TABLE, rows);
  }

  /** A row in the table's declared column order from (column, value) pairs. */
  static Row row(TableSchema table, String... columnsAndValues) {
    Object[] cells = new Object[table.columnNames().size()];
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      cells[table.schema().fieldIndex(columnsAndValues[i])] = columnsAndValues[i + 1];
    }
    return RowFactory.create(cells);
  }

  /** A driver-built table and its row count. */
  record Built(Dataset<Row> rows, long count) {}

  Built frame(TableSchema table, List<Row> rows) {
    return new Built(spark.createDataFrame(rows, PersonTables.stringSchema(table)).coalesce(1), rows.size());
  }
}
