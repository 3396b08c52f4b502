/**
 * The synthetic data generator ({@code generate}): every input table of the input contract, deterministic from
 * the seed, at any scale, with planted truths written to {@code truth.json} and a ready {@code job.yaml}.
 *
 * <h2>How it scales</h2>
 * People are {@code spark.range(people)} in partitions of 250,000; each person is generated from (seed, person
 * index) alone by {@link uk.pophealth.generate.PersonGenerator} with independent random streams per component
 * ({@link uk.pophealth.generate.Rng}), so output does not depend on partitioning, timing or the bad-row share.
 * Nothing grows on the driver except the geography (at most England's ~6,500 practices and ~33,000 LSOAs). Each
 * person-level table is written by its own pass ({@link uk.pophealth.generate.TableRows}); one more pass
 * ({@link uk.pophealth.generate.PersonFacts}) reads every person's good rows back into exact row counts and the
 * realised truths, aggregated by Spark.
 *
 * <h2>Identifiers</h2>
 * NHS numbers: {@link uk.pophealth.generate.NhsNumbers} (first 900,000 people in the reserved 999 test range, then
 * 998, 997, ... valid but unreserved). Synthetic geography codes: ICS {@code E54Z00001}, place {@code ZP001},
 * sub-ICB {@code Z01}, district {@code E07Z00001}, LSOA {@code E01Z00001}, practice {@code Z00001}; PCNs in both
 * geography modes {@code UZ0001} ("Synthetic PCN ..."). Real geography: {@link uk.pophealth.generate.RealGeography}.
 *
 * <h2>Output</h2>
 * One folder per table under {@code --out}; CSV with header, empty for null, ISO dates (or Parquet with the same
 * string values, so bad rows survive); on a local disk part files are renamed {@code part-00000.csv} and Spark's
 * marker and checksum files removed. The truth.json keys are documented in {@link uk.pophealth.generate.TruthReport}.
 */
package uk.pophealth.generate;
