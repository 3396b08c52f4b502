package uk.pophealth.ingest.layout;

import static uk.pophealth.ingest.layout.LayoutColumns.source;
import static uk.pophealth.ingest.layout.LayoutColumns.withoutThousands;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.LsoaDeprivation;

/**
 * MHCLG English Indices of Deprivation 2019, File_1 (IMD rank and decile by LSOA 2011) saved as CSV: a UTF-8
 * byte-order mark and ranks quoted with thousands separators ("29,199"). LAD codes are the 2019 districts.
 */
final class Imd2019File1Layout implements Layout {
  private static final long serialVersionUID = 1L;
  static final String NAME = "imd2019_file1";
  static final String LSOA = "LSOA code (2011)";
  static final String LAD = "Local Authority District code (2019)";
  static final String RANK = "Index of Multiple Deprivation (IMD) Rank";
  static final String DECILE = "Index of Multiple Deprivation (IMD) Decile";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String table() {
    return LsoaDeprivation.NAME;
  }

  @Override
  public boolean hasHeader() {
    return true;
  }

  @Override
  public List<String> requiredSourceColumns() {
    return List.of(LSOA, LAD, RANK, DECILE);
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    return LayoutColumns.select(raw, List.of(
        source(LSOA).as(LsoaDeprivation.LSOA_CODE),
        source(LAD).as(LsoaDeprivation.LAD_CODE),
        withoutThousands(source(RANK)).as(LsoaDeprivation.IMD_RANK),
        withoutThousands(source(DECILE)).as(LsoaDeprivation.IMD_DECILE)));
  }
}
