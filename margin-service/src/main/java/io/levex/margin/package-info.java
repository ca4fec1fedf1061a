/**
 * margin-service: margin under venue models, what-if, and (later) stress, VaR and liquidation over gRPC
 * ({@code levex.v1.MarginService}). Same package skeleton as every Levex service: {@code grpc}, {@code service},
 * {@code client} (pricing-service), {@code mapping}, {@code config}, {@code health}. All finance lives in risk-core.
 */
package io.levex.margin;
