package io.levex.core.margin.liquidation;

import io.levex.core.basics.Asset;
import java.util.List;

/**
 * The margin ratio MM / margin balance of an account over a grid of spot move x vol shift of one underlying.
 *
 * @param underlying  the underlying
 * @param moves  the relative index moves, decimal (rows)
 * @param volShifts  the absolute vol shifts, decimal (columns)
 * @param marginRatio  {@code marginRatio.get(i).get(j)} at {@code moves[i]}, {@code volShifts[j]}: MM / margin
 *     balance, 0 without requirement, +Inf when the balance is {@code <= 0} with a requirement; 1 or more means
 *     liquidation
 */
public record LiquidationSurface(
    Asset underlying, List<Double> moves, List<Double> volShifts, List<List<Double>> marginRatio) {

  /** Makes the lists immutable. */
  public LiquidationSurface {
    moves = List.copyOf(moves);
    volShifts = List.copyOf(volShifts);
    marginRatio = marginRatio.stream().map(List::copyOf).toList();
  }

  /**
   * Gets one cell.
   *
   * @param moveIndex  the row
   * @param volShiftIndex  the column
   * @return the margin ratio
   */
  public double ratio(int moveIndex, int volShiftIndex) {
    return marginRatio.get(moveIndex).get(volShiftIndex);
  }
}
