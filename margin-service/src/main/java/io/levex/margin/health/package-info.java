/**
 * Readiness checks of margin-service's downstream services.
 */
package io.levex.margin.health;
