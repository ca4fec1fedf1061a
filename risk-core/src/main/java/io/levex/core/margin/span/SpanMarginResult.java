package io.levex.core.margin.span;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import java.util.List;

/**
 * The SPAN requirement of a portfolio, per settlement currency.
 *
 * @param model  the model, {@code span}
 * @param parameterSet  the parameter set's name
 * @param currencies  one entry per settlement currency, sorted by currency
 */
public record SpanMarginResult(String model, String parameterSet, List<SpanCurrencyMargin> currencies) {

  /** Copies the list. */
  public SpanMarginResult {
    currencies = List.copyOf(currencies);
  }

  /**
   * Gets the requirement of one currency.
   *
   * @param currency  the settlement currency
   * @return its requirement
   * @throws InvalidInputException NOT_FOUND when the portfolio has nothing in that currency
   */
  public SpanCurrencyMargin currency(Asset currency) {
    return currencies.stream().filter(c -> c.currency().equals(currency)).findFirst()
        .orElseThrow(() -> InvalidInputException.notFound("currency", currency, "has no positions"));
  }
}
