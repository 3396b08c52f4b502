package uk.pophealth.ingest.layout;

import static org.apache.spark.sql.functions.trim;
import static uk.pophealth.ingest.layout.LayoutColumns.isoDate;
import static uk.pophealth.ingest.layout.LayoutColumns.source;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.Practices;

/**
 * The NHS ODS epraccur file (GP and GP practice organisations): no header, 27 columns, every field quoted,
 * latin-1, dates as yyyyMMdd. Kept: GP practices (Prescribing Setting 4) that are active (Status A) or closed
 * (Status C, with their Close Date), so that registrations at since-closed practices still resolve; dormant
 * (D) and proposed (P) organisations and other prescribing settings are outside the practices table (rows_in
 * counts the rows kept). Commissioner is the sub-ICB location. One snapshot cannot tell an earlier
 * commissioner, so each practice holds its current commissioner from its Open Date to its Close Date.
 */
final class EpraccurLayout extends PublishedLayout {
  private static final long serialVersionUID = 1L;
  static final String NAME = "epraccur";
  static final String CODE = "Organisation Code";
  static final String PRACTICE_NAME = "Name";
  static final String OPEN_DATE = "Open Date";
  static final String CLOSE_DATE = "Close Date";
  static final String STATUS = "Status Code";
  static final String COMMISSIONER = "Commissioner";
  static final String PRESCRIBING_SETTING = "Prescribing Setting";
  static final String GP_PRACTICE_SETTING = "4";
  static final List<String> STATUSES_KEPT = List.of("A", "C");
  static final List<String> COLUMNS = List.of(CODE, PRACTICE_NAME, "National Grouping",
      "High Level Health Geography", "Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4",
      "Address Line 5", "Postcode", OPEN_DATE, CLOSE_DATE, STATUS, "Organisation Sub-Type Code", COMMISSIONER,
      "Join Provider/Purchaser Date", "Left Provider/Purchaser Date", "Contact Telephone Number", "Null 19",
      "Null 20", "Null 21", "Amended Record Indicator", "Null 23", "Provider/Purchaser", "Null 25",
      PRESCRIBING_SETTING, "Null 27");

  EpraccurLayout() {
    super(NAME, Practices.NAME, List.of());
  }

  @Override
  public boolean hasHeader() {
    return false;
  }

  @Override
  public List<String> columnNames() {
    return COLUMNS;
  }

  @Override
  public String charset() {
    return "ISO-8859-1";
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    Dataset<Row> practices = raw.filter(trim(source(PRESCRIBING_SETTING)).equalTo(GP_PRACTICE_SETTING)
        .and(trim(source(STATUS)).isin(STATUSES_KEPT.toArray())));
    return LayoutColumns.select(practices, List.of(
        source(CODE).as(Practices.PRACTICE_CODE),
        source(PRACTICE_NAME).as(Practices.PRACTICE_NAME),
        source(COMMISSIONER).as(Practices.SUB_ICB_CODE),
        isoDate(source(OPEN_DATE)).as(Practices.EFFECTIVE_FROM),
        isoDate(source(CLOSE_DATE)).as(Practices.EFFECTIVE_TO)));
  }
}
