/**
 * Offline computations of the command line ({@code levex price}, {@code iv}, {@code chain}, {@code surface}):
 * CSV in, CSV or report out, computed with risk-core directly (no server, no infrastructure). Bad rows fail alone
 * with a typed error naming the column and the value.
 */
package io.levex.cli.offline;
