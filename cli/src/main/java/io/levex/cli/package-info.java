/**
 * The {@code levex} command line: the one entry point users type. {@code up} and {@code demo} run the whole suite
 * locally; {@code price}, {@code iv}, {@code chain} and {@code surface} compute offline with risk-core directly (CSV in,
 * CSV, a report or charts out; see {@code docs/cli.md}); later issues add {@code margin}, {@code stress}, {@code var},
 * {@code exposure}, ...
 */
package io.levex.cli;
