/**
 * The gRPC transport of pricing-service: {@code levex.v1.PricingService}. Maps requests, calls the service layer,
 * and turns typed input errors into per-item errors or gRPC statuses that name the field and the value.
 */
package io.levex.pricing.grpc;
