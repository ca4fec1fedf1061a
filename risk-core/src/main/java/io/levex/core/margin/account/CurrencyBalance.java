package io.levex.core.margin.account;

import io.levex.core.basics.Asset;

/**
 * One currency's balance in the account, in the currency's own unit and in USD.
 *
 * @param currency  the currency
 * @param indexUsd  USD per unit of the currency (the index; 1 for USD stablecoins)
 * @param equity  cash + unrealised PnL + option mark values, currency units (signed)
 * @param marginBalance  the segregated margin balance, currency units (equals equity under standard margin)
 * @param equityUsd  equity x index, USD
 * @param marginBalanceUsd  margin balance x index, USD (no haircut)
 * @param haircut  the cross-collateral haircut in [0, 1] (1 when the currency is not cross collateral)
 * @param crossValueUsd  what the balance adds to the cross margin balance, USD: {@code (1 - haircut) x
 *     marginBalanceUsd} when positive, the full {@code marginBalanceUsd} when negative (a debt is never
 *     haircut)
 */
public record CurrencyBalance(
    Asset currency,
    double indexUsd,
    double equity,
    double marginBalance,
    double equityUsd,
    double marginBalanceUsd,
    double haircut,
    double crossValueUsd) {
}
