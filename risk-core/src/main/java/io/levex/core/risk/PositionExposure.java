package io.levex.core.risk;

import io.levex.core.basics.Asset;

/**
 * Exposure of one position: per-unit greeks times signed size. Units as in the API's {@code PositionExposure}.
 *
 * @param position  the position and its mark
 * @param notionalUsd  USD notional, >= 0 (options: |size| x index; linear futures: |size| x mark; inverse futures: |face|)
 * @param deltaCoin  Black-Scholes delta x size, coin (futures: coin equivalent at the mark)
 * @param deltaTotalCoin  premium-adjusted delta x size for inverse options (Deribit delta total), coin
 * @param deltaUsd  deltaCoin x index, USD
 * @param gammaCoinPerUsd  gamma x size: change of deltaCoin per 1 USD move of the forward
 * @param cashGammaUsdPerPct  0.5 x gamma x (0.01 F)^2 x size: USD PnL from gamma for a 1% move
 * @param vegaUsdPerVolPoint  USD per vol point
 * @param thetaUsdPerDay  USD per day
 * @param vegaCoinPerVolPoint  coin per vol point
 * @param thetaCoinPerDay  coin per day
 * @param standardizedVegaUsdPerVolPoint  vega x sqrt(30 / days to expiry), days floored at 1; USD per vol point
 * @param settlementCurrency  currency of marketValue and unrealizedPnl
 * @param marketValue  options: price x size; futures: 0 (settlement currency)
 * @param unrealizedPnl  settlement currency (0 when the average price is unknown)
 * @param unrealizedPnlUsd  unrealizedPnl in USD at the index
 */
public record PositionExposure(
    ValuedPosition position,
    double notionalUsd,
    double deltaCoin,
    double deltaTotalCoin,
    double deltaUsd,
    double gammaCoinPerUsd,
    double cashGammaUsdPerPct,
    double vegaUsdPerVolPoint,
    double thetaUsdPerDay,
    double vegaCoinPerVolPoint,
    double thetaCoinPerDay,
    double standardizedVegaUsdPerVolPoint,
    Asset settlementCurrency,
    double marketValue,
    double unrealizedPnl,
    double unrealizedPnlUsd) {

  /**
   * Gets the position's contribution to equity in its settlement currency: the mark value of an option (its premium
   * already moved cash), the unrealised PnL of a future or perpetual.
   *
   * @return the contribution, settlement currency
   */
  public double equityContribution() {
    return position.instrument() instanceof io.levex.core.product.OptionInstrument ? marketValue : unrealizedPnl;
  }
}
