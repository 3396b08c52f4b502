package uk.pophealth.report;

import java.util.ArrayList;
import java.util.List;

/** Maps a data interval onto a pixel interval, and chooses round tick values for an axis. */
record LinearScale(double domainMin, double domainMax, double rangeMin, double rangeMax) {
  LinearScale {
    if (!(domainMax > domainMin)) {
      // A flat or empty domain (one value): widen it so every value still maps inside the range.
      double centre = Double.isFinite(domainMin) ? domainMin : 0.0;
      double half = Math.abs(centre) > 0 ? Math.abs(centre) * 0.1 : 1.0;
      domainMin = centre - half;
      domainMax = centre + half;
    }
  }

  double map(double value) {
    return rangeMin + (value - domainMin) / (domainMax - domainMin) * (rangeMax - rangeMin);
  }

  /** About {@code count} round values (1, 2 or 5 times a power of ten apart) inside the domain. */
  List<Double> ticks(int count) {
    double step = niceStep((domainMax - domainMin) / Math.max(1, count));
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(domainMin / step - 1e-9) * step;
    for (double tick = first; tick <= domainMax + step * 1e-9; tick += step) {
      ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
    }
    return ticks;
  }

  /** A copy whose domain is widened outwards to round tick values. */
  LinearScale nice(int count) {
    double step = niceStep((domainMax - domainMin) / Math.max(1, count));
    return new LinearScale(Math.floor(domainMin / step) * step, Math.ceil(domainMax / step) * step, rangeMin, rangeMax);
  }

  static double niceStep(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return 1.0;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }
}
