package uk.pophealth.deprivation;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The product's tables, lazily defined (nothing has run yet), each in the schema declared in
 * {@link uk.pophealth.schema.OutputTables}; publish each with its {@code TABLE}.
 *
 * @param referralDeprivation {@link uk.pophealth.schema.OutputTables.ReferralDeprivation#SCHEMA}
 * @param referralInequality {@link uk.pophealth.schema.OutputTables.ReferralInequality#SCHEMA}
 * @param lsoaResolution {@link uk.pophealth.schema.OutputTables.ReferralLsoaResolution#SCHEMA}
 */
public record DeprivationResult(Dataset<Row> referralDeprivation, Dataset<Row> referralInequality,
    Dataset<Row> lsoaResolution) {
  public DeprivationResult {
    requireNonNull(referralDeprivation, "referralDeprivation is null");
    requireNonNull(referralInequality, "referralInequality is null");
    requireNonNull(lsoaResolution, "lsoaResolution is null");
  }
}
