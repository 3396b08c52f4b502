package uk.pophealth.deprivation;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The LSOA footprint frame this product reads: one row per LSOA and validity interval, giving the district,
 * place and ICS the LSOA belonged to in that interval. The geography resolver produces exactly this shape; when
 * it is merged these constants can be pointed at the resolver's own.
 */
public final class FootprintColumns {
  public static final String LSOA_CODE = "lsoa_code";
  public static final String LAD_CODE = "lad_code";
  public static final String PLACE_CODE = "place_code";
  public static final String PLACE_NAME = "place_name";
  public static final String ICS_CODE = "ics_code";
  public static final String ICS_NAME = "ics_name";
  public static final String VALID_FROM = "valid_from";
  public static final String VALID_TO = "valid_to";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      required(LSOA_CODE, StringType, "ONS LSOA code"),
      required(LAD_CODE, StringType, "Local authority district of the LSOA in this interval"),
      required(PLACE_CODE, StringType, "Place code"),
      required(PLACE_NAME, StringType, "Place name"),
      required(ICS_CODE, StringType, "ICS / ICB code"),
      required(ICS_NAME, StringType, "ICS / ICB name"),
      required(VALID_FROM, DateType, "First day of this mapping"),
      optional(VALID_TO, DateType, "Last day of this mapping; empty while current")});

  private FootprintColumns() {}
}
