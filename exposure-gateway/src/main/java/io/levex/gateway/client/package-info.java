/**
 * Clients of the downstream services: pricing-service (marks, index prices) and margin-service (margin, what-if).
 */
package io.levex.gateway.client;
