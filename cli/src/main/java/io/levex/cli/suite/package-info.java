/**
 * Running the local suite from the command line: locating the built services, ports, progress output.
 */
package io.levex.cli.suite;
