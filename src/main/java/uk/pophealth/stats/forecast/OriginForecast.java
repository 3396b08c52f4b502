package uk.pophealth.stats.forecast;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The point forecasts a backtest made from one origin, kept so that forecasts of several series can be combined
 * and scored afterwards (e.g. reconciled across a hierarchy).
 *
 * @param origin the number of training months (the first forecast month is index {@code origin} of the series)
 * @param scale  the in-sample seasonal-naive MAE of the training part, MASE's divisor (NaN or 0 when unusable)
 * @param point  the point forecasts for h = 1..horizon
 */
public record OriginForecast(int origin, double scale, double[] point) implements Serializable {

  public OriginForecast {
    point = point.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OriginForecast that && origin == that.origin && Double.compare(scale, that.scale) == 0
        && Arrays.equals(point, that.point);
  }

  @Override
  public int hashCode() {
    return 31 * Integer.hashCode(origin) + Arrays.hashCode(point);
  }

  @Override
  public String toString() {
    return "OriginForecast[origin=" + origin + ", scale=" + scale + ", point=" + Arrays.toString(point) + "]";
  }
}
