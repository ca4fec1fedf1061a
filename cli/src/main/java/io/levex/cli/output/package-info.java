/**
 * Human-readable output: tables of exposure reports and chain repricing reports, trace summaries, number
 * formatting; the chain report's JSON form.
 */
package io.levex.cli.output;
