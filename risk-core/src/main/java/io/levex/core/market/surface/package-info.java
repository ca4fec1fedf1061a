/**
 * Implied-volatility surfaces: raw SVI slices ({@link io.levex.core.market.surface.SviParameters}) fitted per
 * expiry by {@link io.levex.core.market.surface.SviFitter}, assembled with the
 * {@link io.levex.core.market.ForwardCurve} into a {@link io.levex.core.market.surface.VolSurface} by
 * {@link io.levex.core.market.surface.VolSurfaceBuilder}, with static-arbitrage checks
 * ({@link io.levex.core.market.surface.ArbitrageChecks}) reported as values.
 * <p>
 * Units: vol decimal per sqrt(year); total variance w = vol^2 T in years x vol^2; T in 365-day years from exact
 * seconds; log-moneyness k = ln(K/F) with strike and forward in USD per coin. Deltas are Black-76 forward deltas
 * at r = 0 (Deribit's convention). No I/O, no framework; every type is immutable or stateless.
 */
package io.levex.core.market.surface;
