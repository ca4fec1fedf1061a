/**
 * The {@code levex} command line: the one entry point users type. {@code up} and {@code demo} run the whole suite
 * locally; {@code price}, {@code iv} and {@code chain} compute offline with risk-core directly (CSV in, CSV or a
 * report out; see {@code docs/cli.md}); later issues add {@code margin}, {@code stress}, {@code var},
 * {@code exposure}, ...
 */
package io.levex.cli;
