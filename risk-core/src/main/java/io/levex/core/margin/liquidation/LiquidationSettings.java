package io.levex.core.margin.liquidation;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;

/**
 * The search range and grid of the liquidation analysis.
 * <p>
 * The grid is evenly spaced in {@code u = ln(1 + move)} over {@code [ln(1 + minMove), ln(1 + maxMove)]}. The
 * default, 4,001 points over -99% ... +1000%, has a spacing of 0.00175 in u (0.175% of the index), and every
 * interval without a sign change but with a local minimum of |excess| is searched for a hidden pair of roots, so
 * roots closer together than the spacing are found as long as the excess has one extremum between them.
 *
 * @param minMove  the lowest relative move searched, decimal, {@code > -1} (default -0.99)
 * @param maxMove  the highest, decimal, {@code > minMove} (default 10.0 = +1000%)
 * @param gridPoints  the number of grid points, {@code >= 3} (default 4,001)
 */
public record LiquidationSettings(double minMove, double maxMove, int gridPoints) {

  /** -99% ... +1000% on 4,001 log-spaced points. */
  public static final LiquidationSettings DEFAULT = new LiquidationSettings(-0.99, 10.0, 4001);

  /**
   * Validates.
   *
   * @throws InvalidInputException INVALID_ARGUMENT naming the bad field
   */
  public LiquidationSettings {
    Checks.finite("min_move", minMove);
    Checks.finite("max_move", maxMove);
    if (minMove <= -1) {
      throw InvalidInputException.invalid("min_move", Checks.format(minMove), "must be > -1");
    }
    if (maxMove <= minMove) {
      throw InvalidInputException.invalid("max_move", Checks.format(maxMove), "must be > min_move (" + Checks.format(minMove) + ")");
    }
    if (gridPoints < 3) {
      throw InvalidInputException.invalid("grid_points", gridPoints, "must be >= 3");
    }
  }
}
