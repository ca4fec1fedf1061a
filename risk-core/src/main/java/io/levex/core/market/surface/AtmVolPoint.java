package io.levex.core.market.surface;

import java.time.Instant;

/**
 * One point of the ATM term structure: the slice vol at the forward (k = 0).
 *
 * @param expiry  the expiry instant
 * @param timeToExpiry  T, 365-day years
 * @param forwardUsd  the forward, USD per coin
 * @param atmVol  sqrt(w(0)/T), vol decimal
 */
public record AtmVolPoint(Instant expiry, double timeToExpiry, double forwardUsd, double atmVol) {
}
