/**
 * exposure-gateway: the public API of Levex ({@code levex.v1.ExposureGateway}): accounts, collateral, fills,
 * positions and exposure. Same package skeleton as every Levex service: {@code grpc}, {@code service},
 * {@code repository}, {@code mapping}, {@code client} (pricing-service, margin-service), {@code config},
 * {@code health}. All finance lives in risk-core.
 */
package io.levex.gateway;
