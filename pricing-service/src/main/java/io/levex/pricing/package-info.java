/**
 * pricing-service: marks, greeks, implied vols and market data over gRPC ({@code levex.v1.PricingService}).
 * <p>
 * Packages follow the skeleton every Levex service shares: {@code grpc} (transport), {@code service}
 * (orchestration over risk-core), {@code repository} (the Redis mark cache), {@code mapping} (API to core),
 * {@code config}, {@code health}. All finance lives in risk-core.
 */
package io.levex.pricing;
