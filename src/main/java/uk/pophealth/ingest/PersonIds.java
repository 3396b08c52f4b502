package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;

/**
 * What person_id holds and how it becomes the pseudonym the products see: in {@link PersonIdMode#NHS_NUMBER}
 * mode the number (spaces and 3-3-4 dashes removed, a zero decimal part dropped) must pass Modulus 11 and is replaced by its keyed HMAC-SHA256; in
 * {@link PersonIdMode#PSEUDONYMISED} mode the token is used as it is.
 */
final class PersonIds {
  private final PersonIdMode mode;
  private final UserDefinedFunction hmac;

  private PersonIds(PersonIdMode mode, UserDefinedFunction hmac) {
    this.mode = requireNonNull(mode, "mode is null");
    this.hmac = hmac;
  }

  /** Refuses (BAD_CONFIG) to start in NHS number mode without a key in the environment. */
  static PersonIds forConfig(SparkSession spark, JobConfig config, Map<String, String> env) {
    if (config.personIdMode() == PersonIdMode.PSEUDONYMISED) {
      return new PersonIds(PersonIdMode.PSEUDONYMISED, null);
    }
    PseudonymKey key = PseudonymKey.fromEnvironment(config.pseudonymisationKeyEnv(), env);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    UserDefinedFunction function = udf(new HmacPseudonym(jsc.broadcast(key.bytes())), DataTypes.StringType)
        .withName("nhs_number_pseudonym");
    return new PersonIds(PersonIdMode.NHS_NUMBER, function);
  }

  boolean checksNhsNumbers() {
    return mode == PersonIdMode.NHS_NUMBER;
  }

  /**
   * The identifier as checked: in NHS number mode without spaces, a 3-3-4 dashed number as its 10 digits, and a
   * number with a zero decimal part (9990000018.0: Excel, or a Parquet DOUBLE) as its digits. Each is a form of one
   * number only; anything else is left for the check to refuse.
   */
  Column normalised(Column raw) {
    if (!checksNhsNumbers()) {
      return raw;
    }
    Column spaceless = regexp_replace(raw, "\\s", "");
    Column undashed = regexp_replace(spaceless, "^(\\d{3})-(\\d{3})-(\\d{4})$", "$1$2$3");
    return regexp_replace(undashed, "^(\\d{10})\\.0+$", "$1");
  }

  /** True when a valid identifier was written in another form than its 10 digits (a normalisation to count). */
  Column rewritten(Column raw, Column normalised, Column valid) {
    return checksNhsNumbers() ? valid.and(raw.notEqual(normalised)) : lit(false);
  }

  /**
   * True when the normalised identifier is acceptable: a valid NHS number in NHS number mode, anything in
   * pseudonymised mode. Give it a column, not the expression: the check is a dozen expressions over the value.
   */
  Column valid(Column normalised) {
    return checksNhsNumbers() ? NhsNumber.isValid(normalised) : lit(true);
  }

  /**
   * The identifier the products see; null where {@code valid} is false (such rows are quarantined). Give it the
   * columns holding the normalised identifier and its validity, computed once per row.
   */
  Column pseudonym(Column normalised, Column valid) {
    return checksNhsNumbers() ? when(valid, hmac.apply(normalised)) : normalised;
  }
}
