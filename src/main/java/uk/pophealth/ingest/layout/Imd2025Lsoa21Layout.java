package uk.pophealth.ingest.layout;

import static uk.pophealth.ingest.layout.LayoutColumns.source;
import static uk.pophealth.ingest.layout.LayoutColumns.withoutThousands;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.LsoaDeprivation;

/**
 * English Indices of Deprivation 2025 by LSOA 2021 (columns lsoa21_code, IMD_rank, IMD_decile, ...) with the
 * LSOA's local authority district as ltla24_code. The bare published table has no district column: join it
 * to the ONS LSOA21 to LAD24 lookup first (refdata's imd2025_lsoa21_with_names_DERIVED.csv is that join);
 * given the bare table, the reader stops naming the missing ltla24_code column.
 */
final class Imd2025Lsoa21Layout implements Layout {
  private static final long serialVersionUID = 1L;
  static final String NAME = "imd2025_lsoa21";
  static final String LSOA = "lsoa21_code";
  static final String LAD = "ltla24_code";
  static final String RANK = "IMD_rank";
  static final String DECILE = "IMD_decile";

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
