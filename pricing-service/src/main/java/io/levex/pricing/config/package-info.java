/**
 * Typed configuration of pricing-service ({@code levex.pricing.*}).
 */
package io.levex.pricing.config;
