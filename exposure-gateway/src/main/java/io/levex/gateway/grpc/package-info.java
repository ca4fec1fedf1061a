/**
 * The gRPC transport of exposure-gateway: {@code levex.v1.ExposureGateway}, the public API.
 */
package io.levex.gateway.grpc;
