package uk.pophealth.generate;

import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;
import uk.pophealth.schema.Activities;

/**
 * The truths planted into the data, drawn on the driver from the seed: ACP uptake probability per PCN, referral
 * rates falling log-linearly from IMD decile 1 to decile 10, social care trend and seasonality per place, the
 * capacity planted below demand, and the population projection growth by age band.
 */
record Planted(double[] acpProbabilityByPcn, double nonDementiaAcpRate, List<String> services,
    double[] serviceRatePerYearDecile10, double referralRateRatio, double lsoaRecordedShare,
    double[] placeTrendPerYear, double[] placeSeasonalAmplitude, int seasonalPeakMonth, List<String> activities,
    double[] capacityFactor, String exceededActivity, List<String> ageBands, double[] projectionGrowthPerYear,
    int projectionYears) implements Serializable {

  static final double ACP_MIN = 0.2;
  static final double ACP_MAX = 0.6;
  static final double REFERRAL_RATE_RATIO = 2.5;
  static final String INTEGRATED_WELLBEING = "integrated_wellbeing";
  static final String DRUG_AND_ALCOHOL = "drug_and_alcohol";
  static final String REQUESTS = Activities.ASC_REQUEST;
  static final String ASSESSMENTS = Activities.ASC_ASSESSMENT;
  static final String SERVICES = Activities.ASC_NEW_SERVICE;

  static Planted draw(Geography geography, long seed) {
    SplittableRandom rng = Rng.stream(seed, 0, Rng.PLANTED);
    double[] acp = new double[geography.pcnCodes().length];
    for (int i = 0; i < acp.length; i++) {
      acp[i] = round(ACP_MIN + (ACP_MAX - ACP_MIN) * rng.nextDouble());
    }
    int places = geography.placeCodes().length;
    double[] trend = new double[places];
    double[] amplitude = new double[places];
    for (int p = 0; p < places; p++) {
      trend[p] = round(-0.02 + 0.10 * rng.nextDouble());
      amplitude[p] = round(0.10 + 0.25 * rng.nextDouble());
    }
    return new Planted(acp, 0.01, List.of(INTEGRATED_WELLBEING, DRUG_AND_ALCOHOL), new double[] {0.02, 0.008},
        REFERRAL_RATE_RATIO, 0.85, trend, amplitude, 1, List.of(REQUESTS, ASSESSMENTS, SERVICES),
        new double[] {1.30, 0.80, 1.20}, ASSESSMENTS, List.of("0-64", "65-74", "75-84", "85+"),
        new double[] {0.002, 0.010, 0.025, 0.030}, 5);
  }

  /** Referral rate multiplier of an IMD decile: ratio^((10 - decile) / 9), 1 at decile 10. */
  double decileMultiplier(int decile) {
    return Math.pow(referralRateRatio, (10 - decile) / 9.0);
  }

  /** Social care intensity multiplier of a place in window month k. */
  double socialCareMultiplier(int place, int monthIndex, int calendarMonth) {
    double trend = Math.pow(1 + placeTrendPerYear[place], monthIndex / 12.0);
    double season = 1 + placeSeasonalAmplitude[place] * Math.cos(2 * Math.PI * (calendarMonth - seasonalPeakMonth) / 12.0);
    return trend * season;
  }

  static int ageBand(int age) {
    return age < 65 ? 0 : age < 75 ? 1 : age < 85 ? 2 : 3;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
