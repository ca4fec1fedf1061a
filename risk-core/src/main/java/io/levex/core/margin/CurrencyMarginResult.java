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
 * @param details  the model's details of this currency (Deribit PM: the risk matrices and
 *     {@code risk_matrix_margin_details}); null when the model has none (standard margin)
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
    double indexUsd,
    MarginDetails details) {

  /**
   * Creates a result without model details (standard margin).
   *
   * @param currency  the currency
   * @param initialMargin  IM
   * @param maintenanceMargin  MM
   * @param equity  equity
   * @param marginBalance  margin balance
   * @param availableFunds  margin balance - IM
   * @param marginRatio  MM / margin balance
   * @param status  the status
   * @param indexUsd  USD per unit
   */
  public CurrencyMarginResult(Asset currency, double initialMargin, double maintenanceMargin, double equity,
      double marginBalance, double availableFunds, double marginRatio, MarginStatus status, double indexUsd) {
    this(currency, initialMargin, maintenanceMargin, equity, marginBalance, availableFunds, marginRatio, status, indexUsd,
        null);
  }

  /**
   * Gets the details when they are of a given type.
   *
   * @param <T>  the type
   * @param type  the details class, e.g. {@code PortfolioCurrencyMargin.class}
   * @return the details, empty when absent or of another type
   */
  public <T extends MarginDetails> java.util.Optional<T> details(Class<T> type) {
    return type.isInstance(details) ? java.util.Optional.of(type.cast(details)) : java.util.Optional.empty();
  }
}
