/**
 * A CME-style SPAN margin model for crypto on the scenario engine of {@link io.levex.core.scenario}: per combined
 * commodity 16 risk-array scenarios with a one-day look-ahead, scan risk, intra-commodity spread charge, short
 * option minimum and inter-commodity credit; maintenance and initial requirement per settlement currency, for
 * side-by-side comparison with Deribit PM. Method, parameters and departures from CME: docs/margin-span.md.
 */
package io.levex.core.margin.span;
