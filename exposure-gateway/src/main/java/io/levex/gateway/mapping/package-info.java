/**
 * Mapping between gateway API messages, entities and risk-core values, with request validation that names the
 * field and the value.
 */
package io.levex.gateway.mapping;
