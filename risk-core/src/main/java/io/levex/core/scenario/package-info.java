/**
 * The one scenario engine of Levex: revalues instruments under scenarios of spot/forward moves, vol shifts and
 * time rolls, for portfolio margin, stress tests, VaR, SPAN and liquidation analysis.
 * <p>
 * Design for speed: {@link io.levex.core.scenario.ScenarioEngine} computes, per instrument, a unit-size PnL vector
 * over a whole {@link io.levex.core.scenario.ScenarioSet} once ({@link io.levex.core.scenario.InstrumentScenarioVector},
 * settlement currency per 1 unit of size); an account's scenario PnL is then the sparse sum
 * {@code sum_i size_i x vector_i} ({@link io.levex.core.scenario.ScenarioPnl}). Options are repriced with the
 * Black-76 kernel of {@link io.levex.core.pricer.impl.Black76Formula}, with {@code ln(F/K)} and {@code sqrt(T)}
 * hoisted out of the scenario loop. See docs/scenario-engine.md.
 */
package io.levex.core.scenario;
