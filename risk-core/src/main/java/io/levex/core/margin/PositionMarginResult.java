package io.levex.core.margin;

import io.levex.core.basics.Asset;

/**
 * Margin and value of one position, in its settlement currency.
 *
 * @param instrument  the instrument name
 * @param size  signed size, base coin
 * @param currency  the settlement currency of the amounts
 * @param initialMargin  IM, >= 0
 * @param maintenanceMargin  MM, >= 0
 * @param unrealizedPnl  unrealised PnL of futures and perpetuals (0 for options and when the average price is unknown)
 * @param marketValue  mark value of options (price x size, signed); 0 for futures
 */
public record PositionMarginResult(
    String instrument,
    double size,
    Asset currency,
    double initialMargin,
    double maintenanceMargin,
    double unrealizedPnl,
    double marketValue) {
}
