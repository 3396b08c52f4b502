package uk.pophealth.schema;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.field;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The flattened, effective-dated geography hierarchies the geography stage derives from the reference tables,
 * declared once. Each row is one interval [valid_from, valid_to] (both inclusive; empty valid_to = still in
 * force) during which the whole chain is constant; intervals of one key never overlap.
 */
public final class GeographyTables {
  private GeographyTables() {}

  public static final String PLACE_CODE = "place_code";
  public static final String PLACE_NAME = "place_name";
  public static final String ICS_CODE = "ics_code";
  public static final String ICS_NAME = "ics_name";
  public static final String VALID_FROM = "valid_from";
  public static final String VALID_TO = "valid_to";

  /** The key fields followed by the place, ICS and validity fields both hierarchies end with. */
  private static StructType withFootprint(boolean footprintMayBeEmpty, String parent, StructField... keys) {
    List<StructField> fields = new ArrayList<>(List.of(keys));
    fields.add(field(PLACE_CODE, StringType, footprintMayBeEmpty, "Place of the " + parent
        + (footprintMayBeEmpty ? "; empty where footprints has none (a footprint_gap)" : ""), ""));
    fields.add(field(PLACE_NAME, StringType, footprintMayBeEmpty, "Place name", ""));
    fields.add(field(ICS_CODE, StringType, footprintMayBeEmpty, "ICS / ICB of the " + parent, ""));
    fields.add(field(ICS_NAME, StringType, footprintMayBeEmpty, "ICS / ICB name", ""));
    fields.add(required(VALID_FROM, DateType, "First day on which this whole chain is in force"));
    fields.add(optional(VALID_TO, DateType, "Last day on which this whole chain is in force; empty while current"));
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** practice -> PCN -> sub-ICB location -> place -> ICS. */
  public static final class PracticeHierarchy {
    public static final String NAME = "practice_hierarchy";
    public static final String PRACTICE_CODE = "practice_code";
    public static final String PRACTICE_NAME = "practice_name";
    public static final String PCN_CODE = "pcn_code";
    public static final String PCN_NAME = "pcn_name";
    public static final String SUB_ICB_CODE = "sub_icb_code";
    public static final TableSchema TABLE = new TableSchema(NAME, withFootprint(true, "sub-ICB location",
        required(PRACTICE_CODE, StringType, "ODS code of the practice"),
        required(PRACTICE_NAME, StringType, "Practice name"),
        optional(PCN_CODE, StringType, "PCN of the practice; empty while it belongs to none (a footprint_gap)"),
        optional(PCN_NAME, StringType, "PCN name"),
        required(SUB_ICB_CODE, StringType, "Sub-ICB location (commissioner) of the practice")),
        Set.of(PCN_CODE, PCN_NAME, PLACE_CODE, PLACE_NAME, ICS_CODE, ICS_NAME, VALID_TO),
        "Effective-dated practice hierarchy: one row per interval in which the chain is constant.");

    /** The columns a fact gains when its practice is resolved (all but the key and the interval). */
    public static final List<String> ATTRIBUTES =
        List.of(PRACTICE_NAME, PCN_CODE, PCN_NAME, SUB_ICB_CODE, PLACE_CODE, PLACE_NAME, ICS_CODE, ICS_NAME);
  }

  /** LSOA -> local authority district -> place -> ICS. */
  public static final class LsoaHierarchy {
    public static final String NAME = "lsoa_hierarchy";
    public static final String LSOA_CODE = "lsoa_code";
    public static final String LAD_CODE = "lad_code";
    public static final TableSchema TABLE = new TableSchema(NAME, withFootprint(false, "district",
        required(LSOA_CODE, StringType, "ONS LSOA code"),
        required(LAD_CODE, StringType, "Local authority district of the LSOA")),
        Set.of(VALID_TO),
        "Effective-dated LSOA hierarchy: one row per LSOA and interval in which the chain is constant.");

    /** The columns a fact gains when its LSOA is resolved (all but the key and the interval). */
    public static final List<String> ATTRIBUTES = List.of(LAD_CODE, PLACE_CODE, PLACE_NAME, ICS_CODE, ICS_NAME);
  }
}
