/**
 * Liquidation analysis: every index level at which an account's margin balance equals its maintenance margin
 * (bracketing on a log grid plus Brent root finding), distances in percent and in standard deviations, a
 * margin-ratio surface over spot move x vol shift, and the positions that drive the account there.
 * <p>
 * The analyzer works on any margin model through {@link io.levex.core.margin.liquidation.AccountMarginFunction};
 * {@link io.levex.core.margin.liquidation.StandardMarginShift} adapts Deribit standard margin of futures and
 * perpetuals.
 */
package io.levex.core.margin.liquidation;
