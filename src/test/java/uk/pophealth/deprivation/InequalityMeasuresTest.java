package uk.pophealth.deprivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.stats.SiiOptions;
import uk.pophealth.stats.ValueType;

/** Plain-Java checks of the per-group inequality figures and of the options (no Spark). */
class InequalityMeasuresTest {
  private static final SiiOptions OPTIONS = new SiiOptions(ValueType.RATE, 1000, 2_000, 0.95, false, 1);

  @Test
  void exactLinearGradientOnEqualPopulationsGivesItsSlope() {
    // equal deciles of 2,000: relative ranks b = 0.05, 0.15, ..., 0.95; referrals 200, 180, ..., 20 = 210 - 200 b,
    // so the rate per 1,000 is exactly 105 - 100 b: SII = -100, RII = (105 - 100) / 105
    long[] referrals = new long[11];
    double[] population = new double[11];
    for (int d = 1; d <= 10; d++) {
      referrals[d] = 200 - 20L * (d - 1);
      population[d] = 2000;
    }
    InequalityMeasures m = InequalityMeasures.of(referrals, population, 0.6, OPTIONS);
    assertEquals("ok", m.siiStatus());
    assertEquals(-100.0, m.sii().orElseThrow().sii(), 1e-9);
    assertEquals(5.0 / 105, m.sii().orElseThrow().rii(), 1e-12);
    assertEquals(10.0, m.rateRatio(), 1e-12);
    assertEquals((200 + 180 + 160 + 140) / 1100.0, m.share().orElseThrow().proportion(), 1e-12);
    assertEquals(0.4, m.populationShare(), 1e-12);
  }

  @Test
  void missingPopulationOrReferralsLeaveTheSiiEmptyWithAReason() {
    long[] referrals = {5, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0};
    double[] population = new double[11];
    Arrays.fill(population, 100);
    InequalityMeasures noReferrals = InequalityMeasures.of(referrals, population, 0.6, OPTIONS);
    assertEquals("no referrals in decile 10", noReferrals.siiStatus());
    assertTrue(noReferrals.sii().isEmpty());
    assertNull(noReferrals.rateRatio());
    assertEquals(95, noReferrals.referrals());
    assertEquals(90, noReferrals.referralsKnown());
    population[3] = Double.NaN;
    assertEquals("no population in decile 3", InequalityMeasures.of(referrals, population, 0.6, OPTIONS).siiStatus());
  }

  @Test
  void noKnownDecileReferralsGiveNoShare() {
    long[] referrals = {4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    double[] population = new double[11];
    Arrays.fill(population, Double.NaN);
    InequalityMeasures m = InequalityMeasures.of(referrals, population, 0.6, OPTIONS);
    assertTrue(m.share().isEmpty());
    assertNull(m.gapToTarget());
    assertNull(m.populationShare());
    assertNull(m.populationKnown());
  }

  @Test
  void optionsComeFromTheJobConfigAndBadOnesAreRefused() {
    DeprivationOptions options = DeprivationOptions.fromConfig(JobConfig.builder().periodFrom("2022-04").periodTo("2023-03").build());
    assertEquals(YearMonth.of(2022, 4), options.firstMonth());
    assertEquals(0.6, options.targetShare(), 0);
    assertEquals(100_000, options.siiRepetitions());
    assertEquals(JobConfig.defaults().seed(), options.seed());
    PopHealthException missing = assertThrows(PopHealthException.class,
        () -> DeprivationOptions.fromConfig(JobConfig.defaults()));
    assertEquals("Cannot report referral deprivation: period_from is not set (null)", missing.getMessage());
    PopHealthException target = assertThrows(PopHealthException.class,
        () -> new DeprivationOptions(YearMonth.of(2022, 4), YearMonth.of(2022, 5), false, 1.5, 1_000, 1));
    assertEquals("Cannot report referral deprivation: target_share must be between 0 and 1 (1.5)",
        target.getMessage());
  }
}
