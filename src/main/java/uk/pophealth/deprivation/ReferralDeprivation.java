package uk.pophealth.deprivation;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.xxhash64;
import static uk.pophealth.schema.OutputTables.PERIOD_START;
import static uk.pophealth.schema.OutputTables.PERIOD_TYPE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.SOURCE_GP_REGISTERED;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.SOURCE_ONS;
import static uk.pophealth.schema.OutputTables.SERVICE;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;

/**
 * The referral deprivation product (issue 6): referrals (adult social care requests and service referrals) by the
 * IMD decile and quintile of the referred person's LSOA, per month / quarter / financial year x place / ICS /
 * district / all x service, with population and rates per 1,000; and per period x geography x service the share
 * from the 40% most deprived LSOAs against the population share and a target, SII/RII and the decile 1 : 10 rate
 * ratio. Pure transformations: nothing runs until the caller writes the tables.
 *
 * <p>Every referral in the reporting range is counted exactly once in each period type under service {@code all} at
 * level {@code all} (unresolved LSOAs and LSOAs without a decile in the empty-decile rows). The geography is the
 * footprint in force on the referral date; the population is taken on the period start date on the footprint in
 * force then. IMD vintage: the footprint must be on lsoa_deprivation's LSOA vintage; referral, GP and population
 * LSOA codes of the other vintage are brought onto it through the ONS lookup when one is given
 * ({@link LsoaVintage}: splits and merges shared equally, unmapped codes counted, never dropped).
 */
public final class ReferralDeprivation {
  private ReferralDeprivation() {}

  public static DeprivationResult compute(SparkSession spark, DeprivationInputs inputs, DeprivationOptions options) {
    requireNonNull(spark, "spark is null");
    requireNonNull(inputs, "inputs is null");
    requireNonNull(options, "options is null");
    Dataset<Row> periods = Periods.frame(spark, options);
    Dataset<Row> national = NationalDeprivation.of(inputs.lsoaDeprivation());
    Dataset<Row> footprint = DeprivationCells.selected(inputs.lsoaFootprint(), LsoaHierarchy.TABLE.schema());
    AreaAttributes areas = new AreaAttributes(national,
        options.localDeciles() ? LocalDeciles.of(footprint, national) : footprint);

    LsoaVintage vintage = LsoaVintage.of(national, inputs.lsoaLookup());

    Dataset<Row> raw = Referrals.of(inputs.socialCareEvents(), inputs.serviceReferrals(), options);
    Dataset<Row> referrals = areas.attach(
        vintage.referrals(LsoaResolution.resolve(
            raw.withColumn(Columns.ALLOCATION, xxhash64(col(Columns.PERSON_ID), col(Columns.REFERRAL_DATE))),
            inputs.gpPatients()), Columns.LSOA, Columns.ALLOCATION),
        Columns.LSOA, Columns.REFERRAL_DATE);
    // every referral keeps its row through resolution, so its services are the raw rows' (read without resolving
    // again: each resolution joins every GP registration)
    Dataset<Row> services = raw.select(explode(col(Columns.SERVICES)).as(SERVICE)).distinct();
    Dataset<Row> referralCells = referrals
        .withColumn(SERVICE, explode(col(Columns.SERVICES)))
        .groupBy(cellKeys(trunc(col(Columns.REFERRAL_DATE), "month").as(Columns.MONTH_START),
            col(SERVICE)))
        .agg(count(lit(1)).as(Columns.COUNT))
        .withColumn(Columns.PERIODS, explode(Periods.ofMonth(col(Columns.MONTH_START))))
        .withColumn(PERIOD_TYPE, col(Columns.PERIODS).getField(PERIOD_TYPE))
        .withColumn(PERIOD_START, col(Columns.PERIODS).getField(PERIOD_START));

    Dataset<Row> dates = periods.select(col(PERIOD_START).as(Columns.AS_AT)).distinct();
    boolean ons = inputs.population().isPresent();
    Dataset<Row> lsoaPopulation = vintage.population(ons
        ? LsoaPopulation.ons(inputs.population().get(), dates)
        : LsoaPopulation.gpRegistered(inputs.gpPatients(), dates));
    Dataset<Row> populationCells = areas.attach(lsoaPopulation, Columns.LSOA, Columns.AS_AT)
        .join(periods.select(col(PERIOD_TYPE), col(PERIOD_START)),
            col(Columns.AS_AT).equalTo(col(PERIOD_START)));

    Dataset<Row> deprivation = DeprivationCells.of(referralCells, populationCells, periods, services,
        options.localDeciles(), ons ? SOURCE_ONS : SOURCE_GP_REGISTERED);
    return new DeprivationResult(deprivation, ReferralInequality.of(deprivation, options),
        ResolutionSummary.of(referrals, options));
  }

  private static Column[] cellKeys(Column... leading) {
    Column[] footprint = {col(LsoaHierarchy.LAD_CODE), col(GeographyTables.PLACE_CODE),
        col(GeographyTables.PLACE_NAME), col(GeographyTables.ICS_CODE), col(GeographyTables.ICS_NAME),
        col(Columns.NATIONAL_DECILE), col(Columns.LOCAL_DECILE), col(Columns.LOCAL_QUINTILE)};
    Column[] keys = new Column[leading.length + footprint.length];
    System.arraycopy(leading, 0, keys, 0, leading.length);
    System.arraycopy(footprint, 0, keys, leading.length, footprint.length);
    return keys;
  }
}
