package io.levex.core.basics;

import java.time.Duration;
import java.time.Instant;

/**
 * Time to expiry in years of 365 days, from exact seconds (crypto trades 24/7; options can have hours
 * left, so never whole days).
 */
public final class YearFractions {

  /** Seconds in a 365-day year. */
  public static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

  private YearFractions() {
  }

  /**
   * Computes {@code (to - from)} in seconds divided by 365 x 86,400, floored at 0.
   *
   * @param from  the valuation instant
   * @param to  the expiry instant
   * @return the year fraction, 0 at and after expiry
   */
  public static double between(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    if (d.isNegative() || d.isZero()) {
      return 0.0;
    }
    return (d.getSeconds() + d.getNano() / 1e9) / SECONDS_PER_YEAR;
  }
}
