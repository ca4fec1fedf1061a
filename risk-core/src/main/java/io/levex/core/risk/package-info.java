/**
 * Risk aggregation: exposure of positions (notional, delta-adjusted exposure, greeks in coin and USD)
 * summed per expiry, per underlying and per account, with leverage and mark staleness.
 */
package io.levex.core.risk;
