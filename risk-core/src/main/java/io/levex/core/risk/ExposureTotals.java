package io.levex.core.risk;

/**
 * Exposure summed over a set of positions. Units as in the API's {@code ExposureTotals}.
 *
 * @param grossNotionalUsd  sum of notionals, USD, >= 0
 * @param netDeltaUsd  sum of delta in USD (signed): the net delta-adjusted exposure
 * @param grossDeltaUsd  sum of |delta in USD|, >= 0
 * @param deltaCoin  Black-Scholes delta, coin
 * @param deltaTotalCoin  Deribit delta total (premium-adjusted for inverse options), coin
 * @param gammaCoinPerUsd  change of deltaCoin per 1 USD move
 * @param cashGammaUsdPerPct  USD PnL from gamma for a 1% move
 * @param vegaUsdPerVolPoint  USD per vol point
 * @param thetaUsdPerDay  USD per day
 * @param standardizedVegaUsdPerVolPoint  vega x sqrt(30 / days to expiry), USD per vol point
 * @param unrealizedPnlUsd  unrealised PnL at the index, USD
 */
public record ExposureTotals(
    double grossNotionalUsd,
    double netDeltaUsd,
    double grossDeltaUsd,
    double deltaCoin,
    double deltaTotalCoin,
    double gammaCoinPerUsd,
    double cashGammaUsdPerPct,
    double vegaUsdPerVolPoint,
    double thetaUsdPerDay,
    double standardizedVegaUsdPerVolPoint,
    double unrealizedPnlUsd) {

  /** All zero. */
  public static final ExposureTotals ZERO = new ExposureTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * Adds a position's exposure.
   *
   * @param p  the position exposure
   * @return the new totals
   */
  public ExposureTotals plus(PositionExposure p) {
    return new ExposureTotals(
        grossNotionalUsd + p.notionalUsd(),
        netDeltaUsd + p.deltaUsd(),
        grossDeltaUsd + Math.abs(p.deltaUsd()),
        deltaCoin + p.deltaCoin(),
        deltaTotalCoin + p.deltaTotalCoin(),
        gammaCoinPerUsd + p.gammaCoinPerUsd(),
        cashGammaUsdPerPct + p.cashGammaUsdPerPct(),
        vegaUsdPerVolPoint + p.vegaUsdPerVolPoint(),
        thetaUsdPerDay + p.thetaUsdPerDay(),
        standardizedVegaUsdPerVolPoint + p.standardizedVegaUsdPerVolPoint(),
        unrealizedPnlUsd + p.unrealizedPnlUsd());
  }
}
