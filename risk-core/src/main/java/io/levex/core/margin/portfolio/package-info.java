/**
 * Deribit portfolio margin (PM) on the scenario engine of {@link io.levex.core.scenario}: the 27-entry standard
 * risk matrix (9 price points x 3 vol scenarios), the weighted and dampened extended table, pnl_offset on gains,
 * roll shock, delta shock and correlation contingency; IM and MM per settlement currency, with every scenario's
 * PnL and each position's vector. Formulas and evidence: docs/margin-parameters.md.
 */
package io.levex.core.margin.portfolio;
