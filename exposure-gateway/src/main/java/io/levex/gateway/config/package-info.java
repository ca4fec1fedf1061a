/**
 * Typed configuration of exposure-gateway ({@code levex.gateway.*}).
 */
package io.levex.gateway.config;
