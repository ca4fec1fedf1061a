package io.levex.core.market.surface;

import java.time.Instant;

/**
 * The delta pillars of one smile: the strikes whose Black-76 forward delta, at the smile's own vol, is
 * {@code +delta} (call) and {@code -delta} (put), with the ATM (k = 0) vol.
 * <p>
 * Delta convention: Deribit's plain Black-Scholes forward delta with r = 0, not premium-adjusted:
 * {@code N(d1)} for a call, {@code N(d1) - 1} for a put, {@code d1 = (ln(F/K) + vol^2 T/2) / (vol sqrt(T))}.
 * ATM is the forward (K = F), not the delta-neutral straddle.
 *
 * @param expiry  the expiry instant
 * @param timeToExpiry  T, 365-day years
 * @param forwardUsd  the forward, USD per coin
 * @param delta  the absolute delta of the pillars, e.g. 0.25
 * @param atmVol  vol at K = F, decimal
 * @param callStrikeUsd  the call strike, USD per coin
 * @param callVol  the smile vol at the call strike, decimal
 * @param putStrikeUsd  the put strike, USD per coin
 * @param putVol  the smile vol at the put strike, decimal
 */
public record DeltaSmile(
    Instant expiry,
    double timeToExpiry,
    double forwardUsd,
    double delta,
    double atmVol,
    double callStrikeUsd,
    double callVol,
    double putStrikeUsd,
    double putVol) {

  /**
   * Gets the risk reversal.
   *
   * @return vol(call) - vol(put), vol decimal
   */
  public double riskReversal() {
    return callVol - putVol;
  }

  /**
   * Gets the (smile) butterfly.
   *
   * @return (vol(call) + vol(put)) / 2 - atm vol, vol decimal
   */
  public double butterfly() {
    return (callVol + putVol) / 2.0 - atmVol;
  }
}
