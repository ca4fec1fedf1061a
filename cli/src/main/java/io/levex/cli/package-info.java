/**
 * The {@code levex} command line: the one entry point users type. {@code up} and {@code demo} run the whole suite
 * locally; later issues add computation subcommands ({@code price}, {@code chain}, {@code margin}, {@code stress},
 * {@code var}, {@code exposure}, ...).
 */
package io.levex.cli;
