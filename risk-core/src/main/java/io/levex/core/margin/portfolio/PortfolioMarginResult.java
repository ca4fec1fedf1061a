package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import java.util.List;

/**
 * The Deribit PM of a portfolio, per settlement currency.
 *
 * @param model  the model, {@code deribit-pm}
 * @param parameterSet  the parameter set's name
 * @param currencies  one entry per settlement currency, sorted by currency
 */
public record PortfolioMarginResult(String model, String parameterSet, List<PortfolioCurrencyMargin> currencies) {

  /** Copies the list. */
  public PortfolioMarginResult {
    currencies = List.copyOf(currencies);
  }

  /**
   * Gets the margin of one currency.
   *
   * @param currency  the settlement currency
   * @return its margin
   * @throws InvalidInputException NOT_FOUND when the portfolio has nothing in that currency
   */
  public PortfolioCurrencyMargin currency(Asset currency) {
    return currencies.stream().filter(c -> c.currency().equals(currency)).findFirst()
        .orElseThrow(() -> InvalidInputException.notFound("currency", currency, "has no positions or add-ons"));
  }
}
