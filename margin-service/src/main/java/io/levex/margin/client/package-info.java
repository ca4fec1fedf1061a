/**
 * Clients of downstream services: pricing-service for marks.
 */
package io.levex.margin.client;
