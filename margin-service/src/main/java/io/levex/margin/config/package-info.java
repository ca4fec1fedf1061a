/**
 * Typed configuration of margin-service ({@code levex.margin.*}).
 */
package io.levex.margin.config;
