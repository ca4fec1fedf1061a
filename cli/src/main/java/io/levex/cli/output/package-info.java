/**
 * Human-readable output: tables of exposure reports, trace summaries, number formatting.
 */
package io.levex.cli.output;
