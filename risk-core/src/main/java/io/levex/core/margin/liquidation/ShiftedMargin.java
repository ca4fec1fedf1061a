package io.levex.core.margin.liquidation;

import java.util.List;

/**
 * The margin of an account in one scenario. All amounts share one unit, chosen by the
 * {@link AccountMarginFunction} (the settlement currency for a segregated view, USD for a cross view).
 *
 * @param marginBalance  the margin balance
 * @param maintenanceMargin  MM, {@code >= 0}
 * @param positions  per position, value - MM, in the account's position order; cash and collateral are not listed
 *     (their contribution is margin balance - MM - the sum of these)
 */
public record ShiftedMargin(double marginBalance, double maintenanceMargin, List<PositionExcess> positions) {

  /** Makes the list immutable. */
  public ShiftedMargin {
    positions = List.copyOf(positions);
  }

  /**
   * Gets the excess, margin balance - MM; the account is liquidated below 0.
   *
   * @return the excess
   */
  public double excess() {
    return marginBalance - maintenanceMargin;
  }
}
