/**
 * Human-readable output: tables of exposure reports, chain repricing reports and volatility surfaces, trace
 * summaries, number formatting; the JSON forms of the chain and surface reports; PNG charts of the surfaces.
 */
package io.levex.cli.output;
