/**
 * The gRPC transport of margin-service: {@code levex.v1.MarginService}.
 */
package io.levex.margin.grpc;
