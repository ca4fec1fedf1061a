package io.levex.core.margin.liquidation;

import io.levex.core.basics.Asset;
import java.util.List;
import java.util.Optional;

/**
 * The liquidation analysis of an account for one underlying, everything else fixed.
 *
 * @param underlying  the underlying
 * @param indexUsd  the current index S, USD per coin
 * @param atmVol  the ATM implied vol used for distances, decimal
 * @param horizonDays  the horizon h of the sigma distance, days (365-day year)
 * @param marginBalance  the margin balance now, in the analysis' unit
 * @param maintenanceMargin  MM now, in the analysis' unit
 * @param points  every level in the searched range where margin balance = MM, by increasing index (may be empty)
 * @param nearest  the point nearest to S in log distance |ln(P / S)| (the smallest |distanceSigmas|), if any
 * @param drivers  per position, the change of value - MM from now to the nearest point, most negative first; empty
 *     without a nearest point
 * @param otherExcessChange  the change not attributed to positions (cash and collateral revaluation, cross-view
 *     haircuts); 0 without a nearest point
 */
public record UnderlyingLiquidation(
    Asset underlying,
    double indexUsd,
    double atmVol,
    double horizonDays,
    double marginBalance,
    double maintenanceMargin,
    List<LiquidationPoint> points,
    Optional<LiquidationPoint> nearest,
    List<LiquidationDriver> drivers,
    double otherExcessChange) {

  /** Makes the lists immutable. */
  public UnderlyingLiquidation {
    points = List.copyOf(points);
    drivers = List.copyOf(drivers);
  }

  /**
   * Whether the account is at or below MM now (margin balance {@code <=} MM).
   *
   * @return true when liquidation applies already
   */
  public boolean belowMaintenanceNow() {
    return marginBalance <= maintenanceMargin;
  }
}
