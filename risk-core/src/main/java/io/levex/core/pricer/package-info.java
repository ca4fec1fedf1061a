/**
 * Stateless pricers: Black-76 on the forward for European options (linear in USD, inverse in coin),
 * delta-one pricing for futures, perpetuals and spot, and the implied-volatility solver.
 * <p>
 * Conventions (docs/measures.md): r = 0 unless given; delta is the plain Black-Scholes delta; gamma per
 * 1 USD of forward; vega per vol point (0.01); theta per calendar day with the forward fixed. Coin
 * measures are those of V/F. Puts are evaluated directly with N(-d), never through parity.
 */
package io.levex.core.pricer;
