package uk.pophealth.deprivation;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The product's tables, lazily defined (nothing has run yet), each in the schema declared in
 * {@link DeprivationTables}.
 *
 * @param referralDeprivation {@link DeprivationTables#REFERRAL_DEPRIVATION}
 * @param referralInequality {@link DeprivationTables#REFERRAL_INEQUALITY}
 * @param lsoaResolution {@link DeprivationTables#REFERRAL_LSOA_RESOLUTION}
 */
public record DeprivationResult(Dataset<Row> referralDeprivation, Dataset<Row> referralInequality,
    Dataset<Row> lsoaResolution) {
  public DeprivationResult {
    requireNonNull(referralDeprivation, "referralDeprivation is null");
    requireNonNull(referralInequality, "referralInequality is null");
    requireNonNull(lsoaResolution, "lsoaResolution is null");
  }
}
