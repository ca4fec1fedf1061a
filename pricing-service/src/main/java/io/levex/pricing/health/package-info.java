/**
 * Health checks beyond those the extensions provide (Redis and the gRPC server are checked by Quarkus itself).
 */
package io.levex.pricing.health;
