/**
 * Market data: an immutable {@link io.levex.core.market.MarketSnapshot} of index prices, venue tickers,
 * forwards and funding rates, and the {@link io.levex.core.market.MarketDataResolver} that picks the
 * forward, volatility and index an instrument is priced with, naming the source of each; the
 * {@link io.levex.core.market.ForwardCurve} (forward by time to expiry, log-linear between expiries) built from a
 * snapshot. Volatility surfaces are in {@code io.levex.core.market.surface}.
 */
package io.levex.core.market;
