package io.levex.core.margin;

import io.levex.core.basics.Asset;

/**
 * Margin and value of one position, in its settlement currency.
 *
 * @param instrument  the instrument name
 * @param size  signed size, base coin
 * @param currency  the settlement currency of the amounts
 * @param initialMargin  IM, >= 0; NaN under a portfolio model, where a position's margin is not separable
 * @param maintenanceMargin  MM, >= 0; NaN under a portfolio model
 * @param unrealizedPnl  unrealised PnL of futures and perpetuals (0 for options and when the average price is unknown)
 * @param marketValue  mark value of options (price x size, signed); 0 for futures
 * @param worstCaseContribution  portfolio models: the position's PnL in its risk matrix's worst scenario (signed,
 *     a loss is negative; the contributions of a matrix sum to its pre-aggregated worst PnL); 0 under standard margin
 */
public record PositionMarginResult(
    String instrument,
    double size,
    Asset currency,
    double initialMargin,
    double maintenanceMargin,
    double unrealizedPnl,
    double marketValue,
    double worstCaseContribution) {

  /**
   * Creates a standard-margin result (no worst-case contribution).
   *
   * @param instrument  the instrument name
   * @param size  signed size, base coin
   * @param currency  the settlement currency
   * @param initialMargin  IM
   * @param maintenanceMargin  MM
   * @param unrealizedPnl  unrealised PnL
   * @param marketValue  option mark value
   */
  public PositionMarginResult(String instrument, double size, Asset currency, double initialMargin,
      double maintenanceMargin, double unrealizedPnl, double marketValue) {
    this(instrument, size, currency, initialMargin, maintenanceMargin, unrealizedPnl, marketValue, 0.0);
  }

  /**
   * Gets the position's value in the margin balance: unrealised PnL + option mark value.
   *
   * @return the value, settlement currency
   */
  public double value() {
    return unrealizedPnl + marketValue;
  }
}
