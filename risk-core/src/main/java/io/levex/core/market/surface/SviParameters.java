package io.levex.core.market.surface;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;

/**
 * Raw SVI parameters of one smile slice (Gatheral 2004): total implied variance as a function of log-moneyness
 * <pre>
 *   w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + sigma^2)),   k = ln(K / F)
 * </pre>
 * where {@code w = vol^2 T} is in years x vol^2 (vol decimal per sqrt(year), T in 365-day years), K and F in USD
 * per coin.
 * <p>
 * Constraints (checked): {@code b >= 0}, {@code |rho| < 1}, {@code sigma > 0} and
 * {@code a + b sigma sqrt(1 - rho^2) >= 0} (the minimum of w, so that w >= 0 everywhere). They do not exclude
 * butterfly arbitrage; {@link #g(double)} does. Immutable and thread-safe.
 *
 * @param a  level, years x vol^2 (may be negative)
 * @param b  angle between the wings, years x vol^2 per unit of k, >= 0 (asymptotic slopes b (1 - rho), b (1 + rho))
 * @param rho  rotation (skew), dimensionless, in (-1, 1)
 * @param m  horizontal shift, log-moneyness
 * @param sigma  ATM curvature scale, log-moneyness, > 0
 */
public record SviParameters(double a, double b, double rho, double m, double sigma) {

  /** Validates the parameters. */
  public SviParameters {
    Checks.finite("a", a);
    Checks.nonNegative("b", b);
    Checks.finite("rho", rho);
    if (!(Math.abs(rho) < 1.0)) {
      throw InvalidInputException.invalid("rho", Checks.format(rho), "must lie in (-1, 1)");
    }
    Checks.finite("m", m);
    Checks.positive("sigma", sigma);
    double min = a + b * sigma * Math.sqrt(1.0 - rho * rho);
    if (min < 0) {
      throw InvalidInputException.invalid("a", Checks.format(a),
          "gives a negative minimum total variance a + b sigma sqrt(1 - rho^2) = " + Checks.format(min) + " (must be >= 0)");
    }
  }

  /**
   * Obtains the parameters.
   *
   * @param a  level, years x vol^2
   * @param b  wing angle, >= 0
   * @param rho  rotation, in (-1, 1)
   * @param m  shift, log-moneyness
   * @param sigma  curvature scale, > 0
   * @return the parameters
   */
  public static SviParameters of(double a, double b, double rho, double m, double sigma) {
    return new SviParameters(a, b, rho, m, sigma);
  }

  //-------------------------------------------------------------------------
  /**
   * Computes the total implied variance.
   *
   * @param k  log-moneyness ln(K/F)
   * @return w(k), years x vol^2, >= 0
   */
  public double totalVariance(double k) {
    double x = k - m;
    return a + b * (rho * x + Math.sqrt(x * x + sigma * sigma));
  }

  /**
   * Computes the first derivative of the total variance in log-moneyness.
   *
   * @param k  log-moneyness ln(K/F)
   * @return dw/dk, years x vol^2 per unit of k
   */
  public double totalVarianceFirstDerivative(double k) {
    double x = k - m;
    return b * (rho + x / Math.sqrt(x * x + sigma * sigma));
  }

  /**
   * Computes the second derivative of the total variance in log-moneyness.
   *
   * @param k  log-moneyness ln(K/F)
   * @return d2w/dk2, years x vol^2 per unit of k squared, >= 0
   */
  public double totalVarianceSecondDerivative(double k) {
    double x = k - m;
    double r2 = x * x + sigma * sigma;
    return b * sigma * sigma / (r2 * Math.sqrt(r2));
  }

  /**
   * Computes the implied vol.
   *
   * @param k  log-moneyness ln(K/F)
   * @param t  time to expiry, 365-day years, > 0
   * @return sqrt(w(k) / t), decimal per sqrt(year)
   */
  public double impliedVol(double k, double t) {
    return Math.sqrt(totalVariance(k) / t);
  }

  /**
   * Gets the minimum of the total variance, reached at {@code k = m - rho sigma / sqrt(1 - rho^2)}.
   *
   * @return a + b sigma sqrt(1 - rho^2), years x vol^2, >= 0
   */
  public double minimumTotalVariance() {
    return a + b * sigma * Math.sqrt(1.0 - rho * rho);
  }

  /**
   * Computes Gatheral's density function (Gatheral and Jacquier 2014, eq. 2.1; Durrleman's condition):
   * <pre>
   *   g(k) = (1 - k w'/(2w))^2 - (w'^2/4) (1/w + 1/4) + w''/2
   * </pre>
   * The risk-neutral density of ln(S_T/F) is {@code g(k) / sqrt(2 pi w) exp(-d2^2/2)}: the slice is free of
   * butterfly arbitrage if and only if {@code g(k) >= 0} for all k (and the call price tends to 0 as k grows).
   *
   * @param k  log-moneyness ln(K/F)
   * @return g(k), dimensionless; NaN where w(k) = 0
   */
  public double g(double k) {
    double x = k - m;
    double r2 = x * x + sigma * sigma;
    double r = Math.sqrt(r2);
    double w = a + b * (rho * x + r);
    double w1 = b * (rho + x / r);
    double w2 = b * sigma * sigma / (r2 * r);
    double u = 1.0 - k * w1 / (2.0 * w);
    return u * u - w1 * w1 / 4.0 * (1.0 / w + 0.25) + w2 / 2.0;
  }
}
