/**
 * Readiness checks of the gateway's downstream services (PostgreSQL is checked by the reactive client extension).
 */
package io.levex.gateway.health;
