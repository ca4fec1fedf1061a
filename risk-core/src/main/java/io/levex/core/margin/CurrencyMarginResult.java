package io.levex.core.margin;

import io.levex.core.basics.Asset;

/**
 * Margin of one settlement currency; every amount is in that currency.
 *
 * @param currency  the currency
 * @param initialMargin  IM, >= 0
 * @param maintenanceMargin  MM, >= 0
 * @param equity  cash + unrealised futures PnL + option mark values (signed)
 * @param marginBalance  equity used against margin (equals equity under standard margin)
 * @param availableFunds  margin balance - IM
 * @param marginRatio  MM / margin balance (+Inf when the balance is <= 0 with MM > 0; 0 without requirement)
 * @param status  status from the coverage bands
 * @param indexUsd  USD per unit of the currency (1 for USD stablecoins)
 */
public record CurrencyMarginResult(
    Asset currency,
    double initialMargin,
    double maintenanceMargin,
    double equity,
    double marginBalance,
    double availableFunds,
    double marginRatio,
    MarginStatus status,
    double indexUsd) {
}
