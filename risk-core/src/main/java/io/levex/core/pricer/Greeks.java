package io.levex.core.pricer;

/**
 * Sensitivities of one long unit (one coin of underlying) of an instrument, Black-76 on the forward.
 * <p>
 * USD measures are derivatives of the USD value V; coin measures are derivatives of V/F (the coin value
 * of an inverse option). Immutable and thread-safe.
 *
 * @param delta  dV/dF, dimensionless (call 0..1, put -1..0); 1 for futures, perpetuals and spot
 * @param gammaPerUsd  d2V/dF2, per 1 USD of forward
 * @param vegaUsdPerVolPoint  dV/dsigma / 100, USD per vol point
 * @param thetaUsdPerDay  dV/dt with F fixed, / 365: USD per calendar day (negative for a long option)
 * @param rhoUsdPerUnitRate  dV/dr with F fixed (= -T V), USD per 1.00 of rate
 * @param vannaPerUnitVol  d2V/dF dsigma, change of delta per 1.00 of vol
 * @param volgaUsdPerUnitVolSquared  d2V/dsigma2, USD per (1.00 of vol) squared
 * @param deltaPremiumAdjustedCoin  delta - V/F (Deribit "net transaction delta"), coin per option
 * @param gammaCoinPerUsd  d2(V/F)/dF2, coin per USD squared (inverse futures: -2/F^2 per coin of face)
 * @param vegaCoinPerVolPoint  vega / F, coin per vol point
 * @param thetaCoinPerDay  theta / F, coin per day
 */
public record Greeks(
    double delta,
    double gammaPerUsd,
    double vegaUsdPerVolPoint,
    double thetaUsdPerDay,
    double rhoUsdPerUnitRate,
    double vannaPerUnitVol,
    double volgaUsdPerUnitVolSquared,
    double deltaPremiumAdjustedCoin,
    double gammaCoinPerUsd,
    double vegaCoinPerVolPoint,
    double thetaCoinPerDay) {

  /**
   * The greeks of a delta-one linear contract: delta 1, everything else 0, premium-adjusted delta 1.
   */
  public static final Greeks DELTA_ONE_LINEAR = new Greeks(1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0);

  /**
   * The greeks of one coin of face of an inverse future or perpetual at forward F: delta 1, the coin
   * value's curvature -2/F^2 (inverse convexity), everything else 0.
   *
   * @param forward  F, USD per coin
   * @return the greeks
   */
  public static Greeks deltaOneInverse(double forward) {
    return new Greeks(1, 0, 0, 0, 0, 0, 0, 1, -2.0 / (forward * forward), 0, 0);
  }
}
