package uk.pophealth.job;

import java.util.Map;
import uk.pophealth.core.PopHealthException;

/** Placeholder until the forecast product lands. */
public final class ForecastJob {
  private ForecastJob() {}

  public static void main(String series, String out, int horizon, Map<String, String> sparkConf) {
    throw PopHealthException.failure("Cannot forecast: not built yet (%s)", series);
  }
}
