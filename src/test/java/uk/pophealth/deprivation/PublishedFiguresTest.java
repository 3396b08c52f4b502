package uk.pophealth.deprivation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables.ReferralLsoaResolution;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.ReferralRows;
import uk.pophealth.testing.RowByName;
import uk.pophealth.testing.SharedSpark;

/**
 * The referral tables' rates and shares recomputed from the counts as disclosure control published them, never from
 * the exact figures the rows still carry: each input row below holds the exact rate or share (which would give the
 * exact count back) beside its rounded or suppressed count, and each expected value is worked by hand from the
 * published counts.
 */
class PublishedFiguresTest {
  private static final double EXACT = 1e-9;
  private static final double WORKED = 1e-6;
  private static final Date FY_2022 = ReferralRows.FY_2022;

  /**
   * Three decile cells as disclosure control left them. D1: exact 22 referrals in 4,000 people (exact rate 5.5),
   * published as 20 (rounded to 5). D2: exact 3 referrals, suppressed (null). D3: 0 referrals in 2,000 people,
   * published as 0.
   */
  @Test
  void deprivationRatesComeFromThePublishedReferralsAndPopulation() {
    RowByName cell = deprivationCell();
    Map<String, Row> out = byCode(PublishedFigures.deprivation(frame(ReferralDeprivation.SCHEMA.schema(),
        cell.with(OutputTables.GEOGRAPHY_CODE, "D1").with(ReferralDeprivation.REFERRALS, 20L)
            .with(ReferralDeprivation.POPULATION, 4000L).with(ReferralDeprivation.RATE_PER_1000, 5.5)
            .with(OutputTables.LOWER95, 3.4).with(OutputTables.UPPER95, 8.3).row(),
        cell.with(OutputTables.GEOGRAPHY_CODE, "D2").with(ReferralDeprivation.REFERRALS, null)
            .with(ReferralDeprivation.POPULATION, 1000L).with(ReferralDeprivation.RATE_PER_1000, 3.0)
            .with(OutputTables.LOWER95, 0.6).with(OutputTables.UPPER95, 8.8)
            .with(OutputTables.SUPPRESSED, true).row(),
        cell.with(OutputTables.GEOGRAPHY_CODE, "D3").with(ReferralDeprivation.REFERRALS, 0L)
            .with(ReferralDeprivation.POPULATION, 2000L).with(ReferralDeprivation.RATE_PER_1000, 0.0).row())),
        OutputTables.GEOGRAPHY_CODE);
    assertEquals(3, out.size());
    // D1, 20 events (Byar, z = 1.959964): rate 20 / 4000 * 1000 = 5.0;
    // lower 20 (1 - 1/180 - z/(3 sqrt 20))^3 = 20 * 0.610571 = 12.211429 -> 3.052857 per 1,000;
    // upper 21 (1 - 1/189 + z/(3 sqrt 21))^3 = 21 * 1.470947 = 30.889880 -> 7.722470 per 1,000
    Row published = out.get("D1");
    assertEquals(5.0, published.<Double>getAs(ReferralDeprivation.RATE_PER_1000), EXACT);
    assertEquals(3.052857, published.<Double>getAs(OutputTables.LOWER95), WORKED);
    assertEquals(7.722470, published.<Double>getAs(OutputTables.UPPER95), WORKED);
    assertEquals(20L, published.<Long>getAs(ReferralDeprivation.REFERRALS), "the counts are kept as published");
    // D2: no published referrals, so no rate and no limits (its exact 3.0 would give 3 referrals back)
    Row suppressed = out.get("D2");
    assertNull(suppressed.getAs(ReferralDeprivation.RATE_PER_1000));
    assertNull(suppressed.getAs(OutputTables.LOWER95));
    assertNull(suppressed.getAs(OutputTables.UPPER95));
    // D3, 0 events (exact Poisson): rate 0; lower 0; upper qchisq(0.975, 2) / 2 = -ln(0.025) = 3.688879 events
    // -> 3.688879 / 2000 * 1000 = 1.844440 per 1,000
    Row zero = out.get("D3");
    assertEquals(0.0, zero.<Double>getAs(ReferralDeprivation.RATE_PER_1000), EXACT);
    assertEquals(0.0, zero.<Double>getAs(OutputTables.LOWER95), EXACT);
    assertEquals(1.844440, zero.<Double>getAs(OutputTables.UPPER95), WORKED);
  }

  @Test
  void theTableKeepsItsDeclaredColumnsInOrder() {
    Dataset<Row> disclosed = frame(ReferralDeprivation.SCHEMA.schema(), deprivationCell()
        .with(ReferralDeprivation.REFERRALS, 20L).with(ReferralDeprivation.POPULATION, 4000L).row());
    assertArrayEquals(ReferralDeprivation.SCHEMA.schema().fieldNames(),
        PublishedFigures.deprivation(disclosed).columns());
  }

  /**
   * Service S1 over one range: four ways of resolving its referrals, published as 50, 30, suppressed and 20 (exact
   * 48, 31, 4 and 19, so exact shares 48/102 etc.). The published total is 50 + 30 + 20 = 100: shares 0.5, 0.3, none
   * and 0.2. Service S2 has one row, suppressed: no published total, so no share. The same service over another range
   * is its own total: 10 / 10 = 1.
   */
  @Test
  void resolutionSharesAreOfTheServicesPublishedReferrals() {
    RowByName row = RowByName.of(ReferralLsoaResolution.SCHEMA.schema())
        .with(ReferralLsoaResolution.RANGE_START, FY_2022)
        .with(ReferralLsoaResolution.RANGE_END, Date.valueOf("2023-03-31"))
        .with(OutputTables.SERVICE, "S1")
        .with(ReferralLsoaResolution.LSOA_SOURCE, ReferralLsoaResolution.SOURCE_OWN_LSOA)
        .with(OutputTables.SUPPRESSED, false);
    Dataset<Row> disclosed = frame(ReferralLsoaResolution.SCHEMA.schema(),
        resolution(row, ReferralLsoaResolution.MAPPING_AS_GIVEN, 50L, 48.0 / 102),
        resolution(row, ReferralLsoaResolution.MAPPING_MAPPED, 30L, 31.0 / 102),
        resolution(row, ReferralLsoaResolution.MAPPING_SHARED, null, 4.0 / 102),
        resolution(row, ReferralLsoaResolution.MAPPING_NO_LSOA, 20L, 19.0 / 102),
        resolution(row.with(OutputTables.SERVICE, "S2"), ReferralLsoaResolution.MAPPING_AS_GIVEN, null,
            1.0),
        resolution(row.with(ReferralLsoaResolution.RANGE_START, Date.valueOf("2023-04-01"))
            .with(ReferralLsoaResolution.RANGE_END, Date.valueOf("2024-03-31")),
            ReferralLsoaResolution.MAPPING_AS_GIVEN, 10L, 1.0));
    Map<String, Double> share = new HashMap<>();
    for (Row r : PublishedFigures.resolution(disclosed).collectAsList()) {
      share.put(r.getAs(ReferralLsoaResolution.RANGE_START) + "|" + r.getAs(OutputTables.SERVICE) + "|"
          + r.getAs(ReferralLsoaResolution.LSOA_MAPPING), r.getAs(ReferralLsoaResolution.SHARE_OF_REFERRALS));
    }
    assertEquals(6, share.size());
    assertEquals(0.5, share.get("2022-04-01|S1|as_given"), EXACT);
    assertEquals(0.3, share.get("2022-04-01|S1|mapped"), EXACT);
    assertNull(share.get("2022-04-01|S1|mapped_shared"), "a suppressed row has no share");
    assertEquals(0.2, share.get("2022-04-01|S1|no_lsoa"), EXACT);
    assertNull(share.get("2022-04-01|S2|as_given"), "no published referrals: no share");
    assertEquals(1.0, share.get("2023-04-01|S1|as_given"), EXACT);
  }

  /**
   * I1: 40 of 100 known-decile referrals from deciles 1-4 as published (exact 41 of 98), 3,000 of 10,000 people in
   * deciles 1-4, target 0.5. I2: deciles 1-4 suppressed. I3: no population with a known decile.
   */
  @Test
  void inequalitySharesComeFromThePublishedCounts() {
    RowByName row = ReferralRows.fy2022Place(ReferralInequality.SCHEMA.schema())
        .with(ReferralInequality.TARGET_SHARE, 0.5).with(ReferralInequality.SII_STATUS, ReferralInequality.SII_OK)
        .with(ReferralInequality.REFERRALS_MOST_DEPRIVED_40, 40L).with(ReferralInequality.REFERRALS_KNOWN_DECILE, 100L)
        .with(ReferralInequality.POPULATION_MOST_DEPRIVED_40, 3000L)
        .with(ReferralInequality.POPULATION_KNOWN_DECILE, 10000L)
        .with(ReferralInequality.SHARE_MOST_DEPRIVED_40, 41.0 / 98)
        .with(ReferralInequality.SHARE_TO_POPULATION_SHARE, 41.0 / 98 / 0.3);
    Map<String, Row> out = byCode(PublishedFigures.inequality(frame(ReferralInequality.SCHEMA.schema(),
        row.with(OutputTables.GEOGRAPHY_CODE, "I1").row(),
        row.with(OutputTables.GEOGRAPHY_CODE, "I2").with(ReferralInequality.REFERRALS_MOST_DEPRIVED_40, null)
            .with(OutputTables.SUPPRESSED, true).row(),
        row.with(OutputTables.GEOGRAPHY_CODE, "I3").with(ReferralInequality.POPULATION_KNOWN_DECILE, 0L)
            .with(ReferralInequality.POPULATION_MOST_DEPRIVED_40, 0L).row())),
        OutputTables.GEOGRAPHY_CODE);
    assertEquals(3, out.size());
    // I1: share 40/100 = 0.4; Wilson (z = 1.959964, z^2 = 3.841459): centre (0.4 + 3.841459/200) / 1.03841459
    // = 0.403699, half-width z sqrt(0.4 * 0.6 / 100 + 3.841459/40000) / 1.03841459 = 0.094298: 0.309401 - 0.497997.
    // Gap 0.4 - 0.5 = -0.1; population share 3000/10000 = 0.3; share / population share = 0.4 / 0.3 = 1.333333
    Row i1 = out.get("I1");
    assertEquals(0.4, i1.<Double>getAs(ReferralInequality.SHARE_MOST_DEPRIVED_40), EXACT);
    assertEquals(0.309401, i1.<Double>getAs(ReferralInequality.SHARE_LOWER95), WORKED);
    assertEquals(0.497997, i1.<Double>getAs(ReferralInequality.SHARE_UPPER95), WORKED);
    assertEquals(-0.1, i1.<Double>getAs(ReferralInequality.GAP_TO_TARGET), EXACT);
    assertEquals(0.3, i1.<Double>getAs(ReferralInequality.POPULATION_SHARE_MOST_DEPRIVED_40), EXACT);
    assertEquals(4.0 / 3, i1.<Double>getAs(ReferralInequality.SHARE_TO_POPULATION_SHARE), EXACT);
    // I2: no published numerator, so no share, limits, gap or ratio; the population share is still 0.3
    Row i2 = out.get("I2");
    for (String figure : List.of(ReferralInequality.SHARE_MOST_DEPRIVED_40, ReferralInequality.SHARE_LOWER95,
        ReferralInequality.SHARE_UPPER95, ReferralInequality.GAP_TO_TARGET,
        ReferralInequality.SHARE_TO_POPULATION_SHARE)) {
      assertNull(i2.getAs(figure), figure);
    }
    assertEquals(0.3, i2.<Double>getAs(ReferralInequality.POPULATION_SHARE_MOST_DEPRIVED_40), EXACT);
    // I3: no population with a known decile: no population share and no ratio to it; the share is still 0.4
    Row i3 = out.get("I3");
    assertNull(i3.getAs(ReferralInequality.POPULATION_SHARE_MOST_DEPRIVED_40));
    assertNull(i3.getAs(ReferralInequality.SHARE_TO_POPULATION_SHARE));
    assertEquals(0.4, i3.<Double>getAs(ReferralInequality.SHARE_MOST_DEPRIVED_40), EXACT);
  }

  private static RowByName deprivationCell() {
    return ReferralRows.fy2022Place(ReferralDeprivation.SCHEMA.schema())
        .with(ReferralDeprivation.QUANTILE_TYPE, ReferralDeprivation.QUANTILE_DECILE)
        .with(ReferralDeprivation.IMD_QUANTILE, 1).with(ReferralDeprivation.IMD_DECILE, 1)
        .with(ReferralDeprivation.POPULATION_SOURCE, ReferralDeprivation.SOURCE_ONS);
  }

  private static Row resolution(RowByName row, String mapping, Long referrals, double exactShare) {
    return row.with(ReferralLsoaResolution.LSOA_MAPPING, mapping).with(OutputTables.ReferralDeprivation.REFERRALS,
        referrals)
        .with(ReferralLsoaResolution.SHARE_OF_REFERRALS, exactShare)
        .with(OutputTables.SUPPRESSED, referrals == null).row();
  }

  private static Dataset<Row> frame(StructType schema, Row... rows) {
    return SharedSpark.spark().createDataFrame(List.of(rows), schema);
  }

  private static Map<String, Row> byCode(Dataset<Row> rows, String code) {
    Map<String, Row> out = new HashMap<>();
    rows.collectAsList().forEach(r -> out.put(r.getAs(code), r));
    return out;
  }
}
