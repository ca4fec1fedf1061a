/**
 * The {@code levex} command line: the one entry point users type. {@code up} and {@code demo} run the whole suite
 * locally; {@code price}, {@code iv}, {@code chain}, {@code surface} and {@code margin} compute offline with risk-core directly
 * (CSV or a portfolio file in, CSV, a report or charts out; see {@code docs/cli.md}); later issues add {@code stress}, {@code var},
 * {@code exposure}, ...
 */
package io.levex.cli;
