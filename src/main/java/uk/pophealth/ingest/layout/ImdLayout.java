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
  private final String districtAdvice;

  private ImdLayout(String name, String lsoa, String lad, String rank, String decile, String districtAdvice) {
    super(name, LsoaDeprivation.NAME, List.of(lsoa, lad, rank, decile));
    this.lsoa = lsoa;
    this.lad = lad;
    this.rank = rank;
    this.decile = decile;
    this.districtAdvice = districtAdvice;
  }

  /** MHCLG IoD 2019 File_1 saved as CSV (LSOA 2011, LAD 2019): BOM, ranks as "29,199". */
  static ImdLayout imd2019File1() {
    return new ImdLayout("imd2019_file1", "LSOA code (2011)", "Local Authority District code (2019)",
        "Index of Multiple Deprivation (IMD) Rank", "Index of Multiple Deprivation (IMD) Decile", "");
  }

  /**
   * IoD 2025 by LSOA 2021 (lsoa21_code, IMD_rank, IMD_decile) with the district as ltla24_code. The bare
   * published table has no district column, and is refused: lsoa_deprivation's lad_code is not an optional
   * breakdown but the one LSOA -> district link of the geography (the LSOA hierarchy places each LSOA in its
   * district, place and ICS through it; without it no resident-based fact reaches a place or ICS). The error says
   * to join the table to the ONS LSOA21 to LAD24 lookup first (refdata's imd2025_lsoa21_with_names_DERIVED.csv is
   * that join).
   */
  static ImdLayout imd2025Lsoa21() {
    return new ImdLayout("imd2025_lsoa21", "lsoa21_code", "ltla24_code", "IMD_rank", "IMD_decile",
        "the bare IoD 2025 table (imd2025_england_lsoa21.csv) has no district, and lsoa_deprivation needs one per "
        + "LSOA to place it in its district, place and ICS: use the table joined to the ONS LSOA 2021 to LAD 2024 "
        + "lookup (lookup_lsoa21_ward24_ltla24.csv) with the district as ltla24_code, as in "
        + "imd2025_lsoa21_with_names_DERIVED.csv");
  }

  @Override
  public String missingColumnsAdvice(List<String> missing) {
    return missing.contains(lad) ? districtAdvice : "";
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
