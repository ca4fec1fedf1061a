package io.levex.core.market;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;

/**
 * Explicit pricing inputs that take precedence over the snapshot (calculator mode). Absent values are NaN.
 *
 * @param forwardUsd  forward, USD per coin, > 0, or NaN
 * @param impliedVol  implied vol, decimal in (0, 10], or NaN
 * @param rate  continuously compounded rate, or NaN for 0
 * @param indexUsd  spot index, USD per coin, > 0, or NaN
 */
public record PricingOverrides(double forwardUsd, double impliedVol, double rate, double indexUsd) {

  /** No overrides. */
  public static final PricingOverrides NONE = new PricingOverrides(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** Validates the given values. */
  public PricingOverrides {
    if (!Double.isNaN(forwardUsd)) {
      Checks.positive("forward_usd", forwardUsd);
    }
    if (!Double.isNaN(impliedVol)) {
      Checks.finite("implied_vol", impliedVol);
      if (!(impliedVol > 0 && impliedVol <= 10)) {
        throw InvalidInputException.invalid("implied_vol", Checks.format(impliedVol), "must be a decimal vol in (0, 10]");
      }
    }
    if (!Double.isNaN(rate)) {
      Checks.inRange("rate", rate, -1, 1);
    }
    if (!Double.isNaN(indexUsd)) {
      Checks.positive("index_price_usd", indexUsd);
    }
  }
}
