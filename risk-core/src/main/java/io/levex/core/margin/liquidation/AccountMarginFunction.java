package io.levex.core.margin.liquidation;

import io.levex.core.basics.Asset;

/**
 * An account's margin after a shift of one underlying, everything else fixed: the plug-in point of the
 * liquidation analysis for any margin model.
 * <p>
 * Implementations must be deterministic, return finite amounts, list the same positions in the same order for
 * every shift, and give {@code move = 0, volShift = 0} as the account now.
 */
@FunctionalInterface
public interface AccountMarginFunction {

  /**
   * Computes the margin after the shift.
   *
   * @param underlying  the underlying whose index moves (with every mark and forward on it)
   * @param move  the relative move of the index, decimal, {@code > -1} (-0.2 = index x 0.8)
   * @param volShift  the absolute shift of the implied vols on the underlying, decimal (+0.10 = +10 vol points);
   *     models without vol-dependent positions ignore it
   * @return margin balance, MM and per-position contributions, in one unit the implementation states
   */
  ShiftedMargin at(Asset underlying, double move, double volShift);
}
