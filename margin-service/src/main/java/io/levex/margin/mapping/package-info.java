/**
 * Mapping between margin API messages and risk-core values, naming the request field of every error.
 */
package io.levex.margin.mapping;
