package io.levex.core.margin;

import java.util.List;

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
 * @param status  the worst status over currencies
 */
public record MarginResult(
    String model,
    String parameterSet,
    List<CurrencyMarginResult> currencies,
    List<PositionMarginResult> positions,
    double initialMarginUsd,
    double maintenanceMarginUsd,
    double marginBalanceUsd,
    MarginStatus status) {

  /** Makes the lists immutable. */
  public MarginResult {
    currencies = List.copyOf(currencies);
    positions = List.copyOf(positions);
  }
}
