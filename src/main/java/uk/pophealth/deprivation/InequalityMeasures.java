package uk.pophealth.deprivation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.pophealth.schema.OutputTables.ReferralInequality;
import uk.pophealth.stats.ProportionInterval;
import uk.pophealth.stats.QuantileValue;
import uk.pophealth.stats.SiiOptions;
import uk.pophealth.stats.SiiResult;
import uk.pophealth.stats.SlopeIndexOfInequality;
import uk.pophealth.stats.WilsonInterval;

/**
 * The inequality figures of one period x geography x service from its ten deciles (plain Java, no Spark): the
 * share of referrals from deciles 1-4 with Wilson 95% limits, the population share there, the gap to the target,
 * SII/RII of the rate per 1,000 (phe_sii, RATE, counts only) and the decile 1 : decile 10 rate ratio. Figures that
 * cannot be formed (no known-decile referrals, no population, a decile without referrals or population for the
 * SII) are null, and {@link #siiStatus} says why the SII is missing.
 */
record InequalityMeasures(long referrals, long referralsKnown, long referralsMostDeprived,
    Optional<ProportionInterval> share, Long populationKnown, Long populationMostDeprived, Double populationShare,
    Double shareToPopulationShare, double targetShare, Double gapToTarget, Optional<SiiResult> sii, String siiStatus,
    Double rateRatio) {
  static final int DECILES = 10;
  static final int MOST_DEPRIVED_40 = 4;

  /**
   * @param referrals index 0 = unknown decile, 1-10 = deciles
   * @param population index 1-10 = deciles; NaN where the decile has no population
   */
  static InequalityMeasures of(long[] referrals, double[] population, double targetShare, SiiOptions options) {
    long known = 0;
    long mostDeprived = 0;
    double populationKnown = 0;
    double populationMostDeprived = 0;
    boolean anyPopulation = false;
    for (int decile = 1; decile <= DECILES; decile++) {
      known += referrals[decile];
      mostDeprived += decile <= MOST_DEPRIVED_40 ? referrals[decile] : 0;
      if (!Double.isNaN(population[decile])) {
        anyPopulation = true;
        populationKnown += population[decile];
        populationMostDeprived += decile <= MOST_DEPRIVED_40 ? population[decile] : 0;
      }
    }
    Optional<ProportionInterval> share = WilsonInterval.of(mostDeprived, known, 0.95);
    Double populationShare = anyPopulation && populationKnown > 0 ? populationMostDeprived / populationKnown : null;
    Double ratio = share.isPresent() && populationShare != null && populationShare > 0
        ? share.get().proportion() / populationShare : null;
    Double gap = share.map(s -> s.proportion() - targetShare).orElse(null);
    String status = siiStatus(referrals, population);
    Optional<SiiResult> sii = Optional.empty();
    if (status.equals(ReferralInequality.SII_OK)) {
      try {
        sii = Optional.of(SlopeIndexOfInequality.compute(quantiles(referrals, population), options));
      } catch (IllegalArgumentException e) {
        status = "not computable: " + e.getMessage();
      }
    }
    return new InequalityMeasures(referrals[0] + known, known, mostDeprived, share,
        anyPopulation ? Math.round(populationKnown) : null, anyPopulation ? Math.round(populationMostDeprived) : null,
        populationShare, ratio, targetShare, gap, sii, status, rateRatio(referrals, population));
  }

  private static String siiStatus(long[] referrals, double[] population) {
    for (int decile = 1; decile <= DECILES; decile++) {
      if (Double.isNaN(population[decile]) || population[decile] <= 0) {
        return "no population in decile " + decile;
      }
    }
    for (int decile = 1; decile <= DECILES; decile++) {
      if (referrals[decile] == 0) {
        return "no referrals in decile " + decile;
      }
    }
    return ReferralInequality.SII_OK;
  }

  private static List<QuantileValue> quantiles(long[] referrals, double[] population) {
    List<QuantileValue> quantiles = new ArrayList<>(DECILES);
    for (int decile = 1; decile <= DECILES; decile++) {
      quantiles.add(QuantileValue.fromCount(decile, population[decile], referrals[decile]));
    }
    return quantiles;
  }

  private static Double rateRatio(long[] referrals, double[] population) {
    double first = population[1];
    double last = population[DECILES];
    if (Double.isNaN(first) || Double.isNaN(last) || first <= 0 || last <= 0 || referrals[DECILES] == 0) {
      return null;
    }
    return (referrals[1] / first) / (referrals[DECILES] / last);
  }
}
