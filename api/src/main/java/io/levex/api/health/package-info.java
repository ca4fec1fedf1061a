/**
 * Health probing of downstream gRPC services through the standard {@code grpc.health.v1.Health} service.
 */
package io.levex.api.health;
