/**
 * The demo: a real Deribit BTC market snapshot replayed now, and a leveraged options-and-perpetual book driven
 * through the public API.
 */
package io.levex.cli.demo;
