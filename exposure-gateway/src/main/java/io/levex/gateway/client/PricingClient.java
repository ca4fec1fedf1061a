package io.levex.gateway.client;

import io.levex.api.client.DownstreamCalls;
import io.levex.api.v1.GetMarketSnapshotRequest;
import io.levex.api.v1.MarketSnapshot;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceInstrumentsResponse;
import io.levex.api.v1.PricingService;
import io.levex.gateway.config.GatewayConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pricing-service client (deadline, outage as UNAVAILABLE naming the service).
 */
@ApplicationScoped
public class PricingClient {

  private static final String SERVICE = "pricing-service";

  private final PricingService pricing;
  private final GatewayConfig config;

  /**
   * Creates the client.
   *
   * @param pricing  the gRPC client {@code pricing}
   * @param config  the configuration
   */
  public PricingClient(@GrpcClient("pricing") PricingService pricing, GatewayConfig config) {
    this.pricing = pricing;
    this.config = config;
  }

  /**
   * Prices instruments.
   *
   * @param request  the request
   * @return per-item marks or errors
   */
  public Uni<PriceInstrumentsResponse> price(PriceInstrumentsRequest request) {
    return DownstreamCalls.guard(pricing.priceInstruments(request), SERVICE, config.downstreamDeadline());
  }

  /**
   * Gets index prices.
   *
   * @param request  the request
   * @return the snapshot
   */
  public Uni<MarketSnapshot> snapshot(GetMarketSnapshotRequest request) {
    return DownstreamCalls.guard(pricing.getMarketSnapshot(request), SERVICE, config.downstreamDeadline());
  }
}
