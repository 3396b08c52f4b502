package uk.pophealth.cohort;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.Fields.optional;
import static uk.pophealth.schema.Fields.required;

import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.TableSchema;

/**
 * The person-month dementia register: one row per person on the register at a month end. Internal to the
 * pipeline (person level), never published.
 */
public final class CohortColumns {
  public static final String PERSON_ID = "person_id";
  public static final String PERIOD_END = "period_end";
  public static final String PRACTICE_CODE = "practice_code";
  public static final String YEAR_OF_BIRTH = "year_of_birth";
  public static final String SEX = "sex";
  public static final String LSOA_CODE = "lsoa_code";
  public static final String AGE_BAND = "age_band";
  public static final String IMD_QUINTILE = "imd_quintile";
  public static final String KNOWN_TO_SOCIAL_CARE = "known_to_social_care";
  public static final String HAS_ACP = "has_acp";

  public static final TableSchema REGISTER = new TableSchema("dementia_register", new StructType(new StructField[] {
      required(PERSON_ID, StringType, "Pseudonymised person identifier"),
      required(PERIOD_END, DateType, "Month end the register is taken at"),
      required(PRACTICE_CODE, StringType, "Practice the person is registered at on that date"),
      required(YEAR_OF_BIRTH, IntegerType, "Year of birth"),
      required(SEX, StringType, "Sex"),
      optional(LSOA_CODE, StringType, "LSOA of residence of the registration"),
      required(AGE_BAND, StringType, "Age band on that date: 0-64, 65-74, 75-84, 85+"),
      optional(IMD_QUINTILE, IntegerType, "National IMD quintile of the LSOA (1 = most deprived)"),
      required(KNOWN_TO_SOCIAL_CARE, BooleanType, "Had an adult social care event in the 12 months to that date"),
      required(HAS_ACP, BooleanType, "Has an ACP code on or before that date (within the look-back if set)")}),
      Set.of(), "Person-month dementia register (internal, never published).");

  private CohortColumns() {}
}
