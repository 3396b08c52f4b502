package uk.pophealth.deprivation;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The official ONS LSOA (2011) to LSOA (2021) lookup the product reads to bring LSOA codes of one vintage onto the
 * vintage of lsoa_deprivation. The column names are the ONS file's own ({@code LSOA11_LSOA21_LAD22} as published,
 * lower-cased, e.g. refdata's {@code geography_lookups/lookup_lsoa11_lsoa21_ltla22.csv}); other columns of the file
 * (names, district) are not read. One row per (2011 code, 2021 code) pair.
 */
public final class LsoaLookupColumns {
  public static final String LSOA11_CODE = "lsoa11_code";
  public static final String LSOA21_CODE = "lsoa21_code";
  public static final String CHANGE_CODE = "change_code";

  /** change_code values: unchanged, split (one 2011 into several 2021), merged (several into one), complex. */
  public static final String UNCHANGED = "U";
  public static final String SPLIT = "S";
  public static final String MERGED = "M";
  public static final String COMPLEX = "X";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      required(LSOA11_CODE, StringType, "LSOA 2011 code"),
      optional(CHANGE_CODE, StringType, "U unchanged, S split, M merged, X complex (irregular) change"),
      required(LSOA21_CODE, StringType, "LSOA 2021 code")});

  private LsoaLookupColumns() {}
}
