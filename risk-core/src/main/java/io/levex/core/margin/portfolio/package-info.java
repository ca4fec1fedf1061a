/**
 * Deribit portfolio margin (PM) on the scenario engine of {@link io.levex.core.scenario}: the 27-entry standard
 * risk matrix (9 price points x 3 vol scenarios), the weighted and dampened extended table, pnl_offset on gains,
 * roll shock, delta shock and correlation contingency; IM and MM per settlement currency, with every scenario's
 * PnL and each position's vector. Formulas and evidence: docs/margin-parameters.md. Per-tick caches for many
 * accounts: {@link io.levex.core.margin.portfolio.PmAccountMargin} (IM/MM as sparse sums of cached risk vectors) and
 * {@link io.levex.core.margin.portfolio.PmLiquidationGrid} (liquidation levels from risk vectors cached at index
 * nodes).
 */
package io.levex.core.margin.portfolio;
