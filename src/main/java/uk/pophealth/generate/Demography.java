package uk.pophealth.generate;

import java.util.SplittableRandom;

/**
 * The population model: an England-like age pyramid (ONS mid-2020 shares by five-year band), sex ratio by age,
 * annual mortality (Gompertz), dementia diagnosis by age, and social care request rates by age.
 */
final class Demography {
  /** Share (%) of people in each five-year band at the extract date: 0-4, 5-9, ..., 85-89, 90+. */
  private static final double[] PYRAMID = {5.8, 6.2, 6.0, 5.6, 6.1, 6.8, 6.9, 6.6, 6.2, 6.6, 6.9, 6.5, 5.6, 4.9,
      5.0, 3.6, 2.5, 1.6, 0.9};
  private static final double[] PYRAMID_CUMULATIVE = Rng.cumulative(PYRAMID);

  /**
   * Cumulative probability of a dementia diagnosis by exact age (piecewise linear between these points), so that
   * prevalence among the living is about 0.8% overall and about 4% at 65 and over.
   */
  private static final double[] DEMENTIA_AGES = {40, 60, 67, 72, 77, 82, 87, 95, 105};
  private static final double[] DEMENTIA_CUMULATIVE = {0, 0.0018, 0.011, 0.020, 0.041, 0.079, 0.144, 0.24, 0.30};

  static final double DAYS_PER_YEAR = 365.25;

  private Demography() {}

  /** Age in whole years at the extract date. */
  static int age(SplittableRandom rng) {
    int band = Rng.pick(rng, PYRAMID_CUMULATIVE);
    if (band == PYRAMID.length - 1) {
      double extra = -Math.log(1 - rng.nextDouble()) * 3.5;
      return 90 + (int) Math.min(extra, 14);
    }
    return band * 5 + rng.nextInt(5);
  }

  /** Probability of being female, rising with age as in England's population. */
  static double femaleShare(int age) {
    if (age < 50) {
      return 0.49;
    } else if (age < 70) {
      return 0.51;
    } else if (age < 80) {
      return 0.54;
    } else if (age < 90) {
      return 0.60;
    }
    return 0.70;
  }

  /** Annual probability of death at an age. */
  static double annualMortality(double age) {
    return Math.min(0.5, Math.exp(-10.2 + 0.093 * age));
  }

  /** Age at dementia diagnosis for a person's uniform draw, or NaN if the person never develops dementia. */
  static double dementiaDiagnosisAge(double uniform) {
    if (uniform >= DEMENTIA_CUMULATIVE[DEMENTIA_CUMULATIVE.length - 1]) {
      return Double.NaN;
    }
    for (int i = 1; i < DEMENTIA_AGES.length; i++) {
      if (uniform < DEMENTIA_CUMULATIVE[i]) {
        double share = (uniform - DEMENTIA_CUMULATIVE[i - 1]) / (DEMENTIA_CUMULATIVE[i] - DEMENTIA_CUMULATIVE[i - 1]);
        return DEMENTIA_AGES[i - 1] + share * (DEMENTIA_AGES[i] - DEMENTIA_AGES[i - 1]);
      }
    }
    return Double.NaN;
  }

  /** Monthly probability of a request for adult social care support, before place trend and seasonality. */
  static double socialCareMonthlyRate(double age) {
    if (age < 18) {
      return 0;
    } else if (age < 65) {
      return 0.0012;
    } else if (age < 75) {
      return 0.005;
    } else if (age < 85) {
      return 0.012;
    }
    return 0.03;
  }

  /** Mean number of noise GP events per person over the record, rising with age. */
  static double noiseEventMean(double age) {
    return age < 65 ? 0.45 : 1.2;
  }
}
