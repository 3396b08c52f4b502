package uk.pophealth.deprivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.OutputTables.ReferralDeprivation;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.testing.ReferralRows;
import uk.pophealth.testing.RowByName;
import uk.pophealth.testing.SharedSpark;

/**
 * referral_inequality made safe against referral_deprivation as published. Each place has one national-basis
 * inequality row (SII 5.0 [3.0, 7.0], RII 2.0 [1.5, 2.5], and an exact rate ratio 9.9 the withholding must not keep)
 * and, in referral_deprivation, its ten decile rows for fy 2022 as disclosure control left them:
 * <ul>
 *   <li>P1: every decile published, decile d at rate 13 - d: ratio 12 / 3 = 4.0; SII kept. Its cells that are not
 *       its deciles are suppressed and must be ignored: its quintile 1, its unknown-decile row, its decile 5 on the
 *       ics_local basis, its decile 3 in fy 2023, and decile 4 of service S2.</li>
 *   <li>P2: decile 4 suppressed. The SII is linear in the ten rates, so nine published rates and the SII give the
 *       tenth: the six SII/RII figures are withheld (null), sii_status says so. Deciles 1 and 10 are published:
 *       ratio 10 / 5 = 2.0.</li>
 *   <li>P3: decile 10 suppressed: no published rate at that end, so no ratio (the exact ratio times decile 1's
 *       rate gave decile 10's); SII withheld.</li>
 *   <li>P4: every decile published, decile 10 at rate 0: no ratio; SII kept.</li>
 *   <li>P5: decile 2 suppressed and no SII to begin with ("no referrals in decile 2"): the status says why there
 *       is none and is kept.</li>
 *   <li>P6: no decile rows published at all: no ratio; SII kept.</li>
 * </ul>
 */
class InequalityWithholdingTest {
  private static final Date FY_2023 = Date.valueOf("2023-04-01");
  private static final List<String> SII_FIGURES = List.of(ReferralInequality.SII, ReferralInequality.SII_LOWER95,
      ReferralInequality.SII_UPPER95, ReferralInequality.RII, ReferralInequality.RII_LOWER95,
      ReferralInequality.RII_UPPER95);
  private static final String NO_REFERRALS = "no referrals in decile 2";
  private static Map<String, Row> out;

  @BeforeAll
  static void withhold() {
    List<Row> deprivation = new ArrayList<>();
    RowByName cell = ReferralRows.fy2022Place(ReferralDeprivation.SCHEMA.schema())
        .with(ReferralDeprivation.QUANTILE_TYPE, ReferralDeprivation.QUANTILE_DECILE)
        .with(ReferralDeprivation.POPULATION, 1000L)
        .with(ReferralDeprivation.POPULATION_SOURCE, ReferralDeprivation.SOURCE_ONS);
    addDeciles(deprivation, cell.with(OutputTables.GEOGRAPHY_CODE, "P1"), d -> 13.0 - d, 0);
    addDeciles(deprivation, cell.with(OutputTables.GEOGRAPHY_CODE, "P2"), d -> d == 1 ? 10.0 : 5.0, 4);
    addDeciles(deprivation, cell.with(OutputTables.GEOGRAPHY_CODE, "P3"), d -> 10.0, 10);
    addDeciles(deprivation, cell.with(OutputTables.GEOGRAPHY_CODE, "P4"), d -> 10.0 - d, 0);
    addDeciles(deprivation, cell.with(OutputTables.GEOGRAPHY_CODE, "P5"), d -> 4.0, 2);
    // P1's suppressed cells that are not its fy 2022 national deciles of S1
    RowByName p1 = cell.with(OutputTables.GEOGRAPHY_CODE, "P1");
    deprivation.add(suppressed(p1.with(ReferralDeprivation.QUANTILE_TYPE, ReferralDeprivation.QUANTILE_QUINTILE)
        .with(ReferralDeprivation.IMD_QUANTILE, 1)));
    deprivation.add(suppressed(p1.with(ReferralDeprivation.IMD_QUANTILE, null)));
    addDeciles(deprivation, p1.with(ReferralDeprivation.IMD_BASIS, ReferralDeprivation.BASIS_ICS_LOCAL), d -> 8.0, 5);
    addDeciles(deprivation, p1.with(OutputTables.PERIOD_START, FY_2023), d -> 8.0, 3);
    addDeciles(deprivation, p1.with(OutputTables.SERVICE, "S2"), d -> 8.0, 4);

    RowByName row = ReferralRows.fy2022Place(ReferralInequality.SCHEMA.schema())
        .with(ReferralInequality.TARGET_SHARE, 0.5)
        .with(ReferralInequality.SII, 5.0).with(ReferralInequality.SII_LOWER95, 3.0)
        .with(ReferralInequality.SII_UPPER95, 7.0).with(ReferralInequality.RII, 2.0)
        .with(ReferralInequality.RII_LOWER95, 1.5).with(ReferralInequality.RII_UPPER95, 2.5)
        .with(ReferralInequality.SII_STATUS, ReferralInequality.SII_OK)
        .with(ReferralInequality.RATE_RATIO_D1_D10, 9.9);
    List<Row> inequality = new ArrayList<>();
    for (String place : List.of("P1", "P2", "P3", "P4", "P6")) {
      inequality.add(row.with(OutputTables.GEOGRAPHY_CODE, place).row());
    }
    RowByName noSii = row.with(OutputTables.GEOGRAPHY_CODE, "P5")
        .with(ReferralInequality.SII_STATUS, NO_REFERRALS);
    for (String figure : SII_FIGURES) {
      noSii = noSii.with(figure, null);
    }
    inequality.add(noSii.row());

    var spark = SharedSpark.spark();
    out = new HashMap<>();
    for (Row published : InequalityWithholding.withhold(
        spark.createDataFrame(inequality, ReferralInequality.SCHEMA.schema()),
        spark.createDataFrame(deprivation, ReferralDeprivation.SCHEMA.schema())).collectAsList()) {
      out.put(published.getAs(OutputTables.GEOGRAPHY_CODE), published);
    }
  }

  @Test
  void everyInequalityRowIsPublishedOnce() {
    assertEquals(6, out.size());
  }

  @Test
  void theRateRatioIsTheRatioOfThePublishedEndRates() {
    assertEquals(4.0, out.get("P1").<Double>getAs(ReferralInequality.RATE_RATIO_D1_D10), 1e-12);
    assertEquals(2.0, out.get("P2").<Double>getAs(ReferralInequality.RATE_RATIO_D1_D10), 1e-12);
    assertNull(out.get("P3").getAs(ReferralInequality.RATE_RATIO_D1_D10), "decile 10 suppressed");
    assertNull(out.get("P4").getAs(ReferralInequality.RATE_RATIO_D1_D10), "decile 10 at rate 0");
    assertNull(out.get("P6").getAs(ReferralInequality.RATE_RATIO_D1_D10), "no decile rows");
  }

  @Test
  void theSiiIsWithheldWhereADecileIsSuppressed() {
    for (String place : List.of("P2", "P3")) {
      Row row = out.get(place);
      for (String figure : SII_FIGURES) {
        assertNull(row.getAs(figure), place + " " + figure);
      }
      assertEquals("withheld: a decile's referrals or population are suppressed",
          row.getAs(ReferralInequality.SII_STATUS), place);
    }
  }

  @Test
  void theSiiIsKeptWhereEveryDecileIsPublishedOrNoneIsKnown() {
    for (String place : List.of("P1", "P4", "P6")) {
      Row row = out.get(place);
      assertEquals(List.of(5.0, 3.0, 7.0, 2.0, 1.5, 2.5),
          SII_FIGURES.stream().map(figure -> row.<Double>getAs(figure)).toList(), place);
      assertEquals(ReferralInequality.SII_OK, row.getAs(ReferralInequality.SII_STATUS), place);
    }
  }

  @Test
  void aStatusSayingWhyThereIsNoSiiIsKept() {
    assertEquals(NO_REFERRALS, out.get("P5").getAs(ReferralInequality.SII_STATUS));
    assertNull(out.get("P5").getAs(ReferralInequality.SII));
  }

  /**
   * Deciles 1-10 of {@code cell}, decile d at rate(d) per 1,000 of 1,000 people, decile {@code suppressed} (0: none)
   * suppressed.
   */
  private static void addDeciles(List<Row> rows, RowByName cell, java.util.function.IntToDoubleFunction rate,
      int suppressed) {
    for (int d = 1; d <= 10; d++) {
      RowByName decile = cell.with(ReferralDeprivation.IMD_QUANTILE, d).with(ReferralDeprivation.IMD_DECILE, d);
      rows.add(d == suppressed ? suppressed(decile) : decile
          .with(ReferralDeprivation.REFERRALS, Math.round(rate.applyAsDouble(d)))
          .with(ReferralDeprivation.RATE_PER_1000, rate.applyAsDouble(d))
          .with(OutputTables.SUPPRESSED, false).row());
    }
  }

  private static Row suppressed(RowByName cell) {
    return cell.with(ReferralDeprivation.REFERRALS, null).with(ReferralDeprivation.RATE_PER_1000, null)
        .with(OutputTables.SUPPRESSED, true).row();
  }
}
