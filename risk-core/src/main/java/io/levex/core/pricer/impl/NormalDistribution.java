package io.levex.core.pricer.impl;

import org.apache.commons.math3.special.Erf;

/**
 * Standard normal density and distribution function.
 * <p>
 * The distribution function is {@code erfc(-x / sqrt 2) / 2} (commons-math3), which keeps its relative
 * accuracy in the lower tail where {@code 1 - N(-x)} would lose it.
 */
public final class NormalDistribution {

  private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

  private NormalDistribution() {
  }

  /**
   * Density n(x).
   *
   * @param x  the point
   * @return the density
   */
  public static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /**
   * Distribution function N(x).
   *
   * @param x  the point
   * @return the probability P(Z <= x)
   */
  public static double cdf(double x) {
    return 0.5 * Erf.erfc(-x * INV_SQRT_2);
  }
}
