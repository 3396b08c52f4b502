package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.LSOA_MAPPING;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.MAPPING_AS_GIVEN;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.MAPPING_MAPPED;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.MAPPING_NO_LSOA;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.MAPPING_SHARED;
import static uk.pophealth.schema.OutputTables.ReferralLsoaResolution.MAPPING_UNMAPPED;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.InputTables.LsoaLookup;
import org.apache.spark.sql.types.DataTypes;

/**
 * Brings LSOA codes onto the vintage of lsoa_deprivation (LSOA 2011 for IMD 2019, LSOA 2021 for IoD 2025) through
 * the ONS LSOA 2011 to 2021 lookup ({@link LsoaLookup}), in whichever direction lands on ranked codes.
 *
 * <p>The rule, per code:
 * <ul>
 *   <li>a code lsoa_deprivation ranks is used as given ({@code as_given}); unchanged (U) LSOAs keep their code in
 *       both vintages, so they never need the lookup;</li>
 *   <li>else, the lookup's codes of the other vintage paired with it that lsoa_deprivation ranks are its
 *       candidates. One candidate ({@code mapped}): a 2011 LSOA merged (M) into a 2021 one, or a 2021 LSOA split
 *       (S) out of a 2011 one, maps exactly.</li>
 *   <li>Several candidates ({@code mapped_shared}): a 2011 LSOA split into several 2021 LSOAs (S), a 2021 LSOA
 *       merged from several 2011 ones (M), or a complex change (X). Where in the old area a person lived is not
 *       known, so the area is shared equally among its candidates: each referral goes to one candidate chosen by a
 *       hash of its person and date (deterministic: the same inputs give the same choice), and the population
 *       recorded on the old code is divided equally among them (the remainder one each to the lowest codes).
 *       Referrals and population are shared by the same rule, so a rate's numerator and denominator stay on the
 *       same LSOAs. Equal shares suit splits, which ONS made to keep LSOAs at 1,000-3,000 residents, so the parts
 *       of a split are of similar size; no population on both vintages is needed. Across England's 837 split
 *       2011 LSOAs the parts' IoD 2025 deciles agree in 181 and differ by at most one in 429, so the choice moves
 *       few referrals by more than a decile.</li>
 *   <li>Not ranked and no candidate (a code of neither vintage, a Welsh code against English IMD, a typo):
 *       {@code unmapped}. The code is kept, so the referral finds no decile and is counted in the unknown-decile
 *       rows and in referral_lsoa_resolution under {@code unmapped}: never dropped.</li>
 * </ul>
 * Without a lookup every code is either {@code as_given} or {@code unmapped}; a referral without an LSOA is
 * {@code no_lsoa}.
 */
final class LsoaVintage {
  private static final String FROM = "_vintage_from";
  private static final String TARGET = "_vintage_target";
  private static final String TARGETS = "_vintage_targets";
  /** A population row's targets: its mapped codes, or its own code when it has none. */
  private static final String ALL_TARGETS = "_vintage_all_targets";
  private static final String KIND = "_vintage_kind";
  private static final String POSITION = "_vintage_position";

  /** FROM, TARGETS (sorted codes of the deprivation vintage), KIND: one row per code that is ranked or mappable. */
  private final Dataset<Row> mapping;

  private LsoaVintage(Dataset<Row> mapping) {
    this.mapping = mapping;
  }

  /**
   * @param national {@link NationalDeprivation#of}: the codes that have a decile
   * @param lookup {@link LsoaLookup#TABLE} rows, if given
   */
  static LsoaVintage of(Dataset<Row> national, Optional<Dataset<Row>> lookup) {
    Dataset<Row> ranked = national.select(col(Columns.LSOA).as(FROM)).distinct();
    Dataset<Row> mapping = ranked.select(col(FROM), array(col(FROM)).as(TARGETS), lit(MAPPING_AS_GIVEN).as(KIND));
    if (lookup.isPresent()) {
      mapping = mapping.unionByName(candidates(lookup.get(), ranked));
    }
    return new LsoaVintage(mapping);
  }

  private static Dataset<Row> candidates(Dataset<Row> lookup, Dataset<Row> ranked) {
    Dataset<Row> pairs = lookup
        .select(col(LsoaLookup.LSOA11_CODE).as(FROM), col(LsoaLookup.LSOA21_CODE).as(TARGET))
        .union(lookup.select(col(LsoaLookup.LSOA21_CODE).as(FROM),
            col(LsoaLookup.LSOA11_CODE).as(TARGET)))
        .where(col(FROM).isNotNull().and(col(TARGET).isNotNull()));
    return pairs
        .join(ranked.select(col(FROM).as(TARGET)), new String[] {TARGET}, "left_semi")
        .join(ranked, new String[] {FROM}, "left_anti")
        .groupBy(col(FROM))
        .agg(array_sort(collect_set(col(TARGET))).as(TARGETS))
        .withColumn(KIND, when(size(col(TARGETS)).gt(1), lit(MAPPING_SHARED)).otherwise(lit(MAPPING_MAPPED)));
  }

  /**
   * Replaces {@code lsoaColumn} by its code on the deprivation vintage and adds {@code lsoa_mapping}; a code
   * shared among several is allocated by {@code allocationColumn} (a long hash, e.g. of person and date).
   */
  Dataset<Row> referrals(Dataset<Row> rows, String lsoaColumn, String allocationColumn) {
    Column targets = col(TARGETS);
    Column chosen = element_at(targets,
        pmod(col(allocationColumn), size(targets).cast(DataTypes.LongType)).cast(DataTypes.IntegerType).plus(1));
    return joined(rows, lsoaColumn)
        .withColumn(LSOA_MAPPING, when(col(lsoaColumn).isNull(), lit(MAPPING_NO_LSOA))
            .otherwise(coalesce(col(KIND), lit(MAPPING_UNMAPPED))))
        .withColumn(lsoaColumn, when(targets.isNull(), col(lsoaColumn)).otherwise(chosen))
        .drop(FROM, TARGETS, KIND, allocationColumn);
  }

  /**
   * Population rows ({@link Columns#AS_AT}, {@link Columns#LSOA}, {@link Columns#COUNT}) moved onto the
   * deprivation vintage: merged codes summed, shared codes divided equally, unmapped codes kept as they are.
   */
  Dataset<Row> population(Dataset<Row> rows) {
    Column targets = coalesce(col(TARGETS), array(col(Columns.LSOA)));
    Column count = col(Columns.COUNT);
    Column parts = size(col(ALL_TARGETS)).cast(DataTypes.LongType);
    Column share = floor(count.divide(parts)).cast(DataTypes.LongType)
        .plus(when(col(POSITION).lt(pmod(count, parts)), lit(1L)).otherwise(lit(0L)));
    return joined(rows, Columns.LSOA)
        .withColumn(ALL_TARGETS, targets)
        .select(col(Columns.AS_AT), col(Columns.COUNT), col(ALL_TARGETS),
            posexplode(col(ALL_TARGETS)).as(new String[] {POSITION, TARGET}))
        .groupBy(col(Columns.AS_AT), col(TARGET).as(Columns.LSOA))
        .agg(sum(share).as(Columns.COUNT));
  }

  private Dataset<Row> joined(Dataset<Row> rows, String lsoaColumn) {
    return rows.join(broadcast(mapping), col(lsoaColumn).equalTo(col(FROM)), "left");
  }
}
