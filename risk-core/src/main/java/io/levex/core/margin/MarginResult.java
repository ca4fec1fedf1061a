package io.levex.core.margin;

import io.levex.core.margin.account.AccountState;
import java.util.List;
import java.util.Objects;

/**
 * The margin of a portfolio: per currency, per position, and totals in USD.
 *
 * @param model  the model, e.g. {@code deribit-sm}
 * @param parameterSet  the parameter set used
 * @param currencies  per settlement currency, sorted by currency
 * @param positions  per position, in input order
 * @param initialMarginUsd  sum of IM in USD at the index
 * @param maintenanceMarginUsd  sum of MM in USD
 * @param marginBalanceUsd  sum of margin balances in USD
 * @param status  the worst status over currencies (segregated view: each currency against its own MM)
 * @param account  the cross-collateral view: currencies pooled in USD with collateral haircuts, its margin
 *     ratio, available funds and status
 */
public record MarginResult(
    String model,
    String parameterSet,
    List<CurrencyMarginResult> currencies,
    List<PositionMarginResult> positions,
    double initialMarginUsd,
    double maintenanceMarginUsd,
    double marginBalanceUsd,
    MarginStatus status,
    AccountState account) {

  /** Makes the lists immutable. */
  public MarginResult {
    Objects.requireNonNull(account, "account");
    currencies = List.copyOf(currencies);
    positions = List.copyOf(positions);
  }
}
