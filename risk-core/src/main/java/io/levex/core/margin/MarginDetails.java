package io.levex.core.margin;

/**
 * Model-specific details of one currency's margin, attached to {@link CurrencyMarginResult#details()}.
 * <p>
 * Deribit PM attaches its {@link io.levex.core.margin.portfolio.PortfolioCurrencyMargin} (risk-matrix margin
 * details, every risk matrix, each position's vector); standard margin attaches none. A further model (SPAN)
 * implements this interface with its own per-currency breakdown.
 */
public interface MarginDetails {

  /**
   * Gets the model these details belong to.
   *
   * @return e.g. {@code deribit-pm}
   */
  String model();
}
