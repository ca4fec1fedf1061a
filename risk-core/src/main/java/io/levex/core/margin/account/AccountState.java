package io.levex.core.margin.account;

import io.levex.core.margin.MarginStatus;
import java.util.List;

/**
 * The cross-collateral view of an account (Deribit X:SM / X:PM style): all currencies pooled in USD at the index,
 * positive balances haircut, requirements summed in USD.
 *
 * @param balances  per currency, sorted by currency
 * @param equityUsd  sum of equity x index, USD (no haircut)
 * @param marginBalanceUsd  the cross margin balance: sum of the balances' {@code crossValueUsd}, USD
 * @param initialMarginUsd  sum of IM x index, USD
 * @param maintenanceMarginUsd  sum of MM x index, USD
 * @param availableFundsUsd  cross margin balance - IM, USD (negative when IM is not covered)
 * @param marginRatio  MM / cross margin balance (0 without requirement; +Inf when the balance is {@code <= 0} with a
 *     requirement)
 * @param status  status from the bands on coverage = cross margin balance / MM
 */
public record AccountState(
    List<CurrencyBalance> balances,
    double equityUsd,
    double marginBalanceUsd,
    double initialMarginUsd,
    double maintenanceMarginUsd,
    double availableFundsUsd,
    double marginRatio,
    MarginStatus status) {

  /** Makes the list immutable. */
  public AccountState {
    balances = List.copyOf(balances);
  }
}
