package uk.pophealth.stats.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A series made ready for fitting: which months count as observed (finite and not excluded), a gap-free copy
 * with the others filled by linear interpolation (nearest observed value at the ends), and notes saying so.
 */
final class PreparedSeries {
  private final double[] raw;
  private final boolean[] observed;
  private final double[] filled;
  private final int observedCount;
  private final List<String> notes;

  private PreparedSeries(double[] raw, boolean[] observed, double[] filled, int observedCount, List<String> notes) {
    this.raw = raw;
    this.observed = observed;
    this.filled = filled;
    this.observedCount = observedCount;
    this.notes = List.copyOf(notes);
  }

  static PreparedSeries of(double[] y, ForecastOptions options) {
    int n = y.length;
    boolean[] observed = new boolean[n];
    int missing = 0;
    int excluded = 0;
    int count = 0;
    for (int t = 0; t < n; t++) {
      if (options.excluded(t)) {
        excluded++;
      } else if (!Double.isFinite(y[t])) {
        missing++;
      } else {
        observed[t] = true;
        count++;
      }
    }
    List<String> notes = new ArrayList<>();
    if (missing > 0) {
      notes.add(missing + " missing month(s): left out of the ETS likelihood, linearly interpolated for other methods");
    }
    if (excluded > 0) {
      notes.add(excluded + " excluded month(s) treated as missing for fitting");
    }
    return new PreparedSeries(y.clone(), observed, interpolate(y, observed), count, notes);
  }

  /** Linear interpolation across unobserved positions; the nearest observed value beyond the ends. */
  static double[] interpolate(double[] y, boolean[] observed) {
    int n = y.length;
    double[] out = new double[n];
    int previous = -1;
    for (int t = 0; t < n; t++) {
      if (!observed[t]) {
        continue;
      }
      out[t] = y[t];
      if (previous < 0) {
        for (int k = 0; k < t; k++) {
          out[k] = y[t];
        }
      } else {
        for (int k = previous + 1; k < t; k++) {
          out[k] = y[previous] + (y[t] - y[previous]) * (k - previous) / (t - previous);
        }
      }
      previous = t;
    }
    if (previous < 0) {
      java.util.Arrays.fill(out, Double.NaN);
      return out;
    }
    for (int k = previous + 1; k < n; k++) {
      out[k] = y[previous];
    }
    return out;
  }

  int length() {
    return raw.length;
  }

  double[] raw() {
    return raw;
  }

  boolean[] observed() {
    return observed;
  }

  boolean observed(int t) {
    return observed[t];
  }

  double[] filled() {
    return filled;
  }

  int observedCount() {
    return observedCount;
  }

  List<String> notes() {
    return notes;
  }

  /** True when every observed value is strictly positive. */
  boolean allPositive() {
    for (int t = 0; t < raw.length; t++) {
      if (observed[t] && raw[t] <= 0) {
        return false;
      }
    }
    return true;
  }

  /** True when the observed values are all equal. */
  boolean constant() {
    double first = Double.NaN;
    for (int t = 0; t < raw.length; t++) {
      if (observed[t]) {
        if (Double.isNaN(first)) {
          first = raw[t];
        } else if (raw[t] != first) {
          return false;
        }
      }
    }
    return true;
  }

  /** Mean absolute observed value (1 when that is zero), used to put fitting on a unit scale. */
  double scale() {
    double sum = 0;
    for (int t = 0; t < raw.length; t++) {
      if (observed[t]) {
        sum += Math.abs(raw[t]);
      }
    }
    double mean = observedCount == 0 ? 0 : sum / observedCount;
    return mean > 0 ? mean : 1.0;
  }
}
