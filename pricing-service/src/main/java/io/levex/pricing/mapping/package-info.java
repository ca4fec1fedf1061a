/**
 * Mapping between pricing API messages and risk-core market data, with field paths in every error.
 */
package io.levex.pricing.mapping;
