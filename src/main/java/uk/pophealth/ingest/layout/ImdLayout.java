package uk.pophealth.ingest.layout;

import static uk.pophealth.ingest.layout.LayoutColumns.source;
import static uk.pophealth.ingest.layout.LayoutColumns.withoutThousands;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.LsoaDeprivation;

/**
 * An English Indices of Deprivation file by LSOA: LSOA code, district code, IMD rank and decile, under the
 * names of its vintage. Ranks may be quoted with thousands separators ("29,199"); a byte-order mark is
 * dropped by the reader.
 */
final class ImdLayout extends PublishedLayout {
  private static final long serialVersionUID = 1L;

  private final String lsoa;
  private final String lad;
  private final String rank;
  private final String decile;

  private ImdLayout(String name, String lsoa, String lad, String rank, String decile) {
    super(name, LsoaDeprivation.NAME, List.of(lsoa, lad, rank, decile));
    this.lsoa = lsoa;
    this.lad = lad;
    this.rank = rank;
    this.decile = decile;
  }

  /** MHCLG IoD 2019 File_1 saved as CSV (LSOA 2011, LAD 2019): BOM, ranks as "29,199". */
  static ImdLayout imd2019File1() {
    return new ImdLayout("imd2019_file1", "LSOA code (2011)", "Local Authority District code (2019)",
        "Index of Multiple Deprivation (IMD) Rank", "Index of Multiple Deprivation (IMD) Decile");
  }

  /**
   * IoD 2025 by LSOA 2021 (lsoa21_code, IMD_rank, IMD_decile) with the district as ltla24_code. The bare
   * published table has no district column: join it to the ONS LSOA21 to LAD24 lookup first (refdata's
   * imd2025_lsoa21_with_names_DERIVED.csv is that join); given the bare table, the reader stops naming the
   * missing ltla24_code column.
   */
  static ImdLayout imd2025Lsoa21() {
    return new ImdLayout("imd2025_lsoa21", "lsoa21_code", "ltla24_code", "IMD_rank", "IMD_decile");
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    return LayoutColumns.select(raw, List.of(
        source(lsoa).as(LsoaDeprivation.LSOA_CODE),
        source(lad).as(LsoaDeprivation.LAD_CODE),
        withoutThousands(source(rank)).as(LsoaDeprivation.IMD_RANK),
        withoutThousands(source(decile)).as(LsoaDeprivation.IMD_DECILE)));
  }
}
