package io.levex.margin.client;

import io.levex.api.client.DownstreamCalls;
import io.levex.api.v1.GetMarketSnapshotRequest;
import io.levex.api.v1.MarketSnapshot;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceInstrumentsResponse;
import io.levex.api.v1.PricingService;
import io.levex.margin.config.MarginConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pricing-service client: marks for positions and index prices, with a deadline; a pricing outage becomes
 * UNAVAILABLE naming the downstream.
 */
@ApplicationScoped
public class PricingClient {

  private static final String SERVICE = "pricing-service";

  private final PricingService pricing;
  private final MarginConfig config;

  /**
   * Creates the client.
   *
   * @param pricing  the gRPC client {@code pricing}
   * @param config  the configuration
   */
  public PricingClient(@GrpcClient("pricing") PricingService pricing, MarginConfig config) {
    this.pricing = pricing;
    this.config = config;
  }

  /**
   * Prices instruments against pricing-service's current snapshot.
   *
   * @param request  the request
   * @return the per-item results
   */
  public Uni<PriceInstrumentsResponse> price(PriceInstrumentsRequest request) {
    return DownstreamCalls.guard(pricing.priceInstruments(request), SERVICE, config.pricingDeadline());
  }

  /**
   * Gets index prices.
   *
   * @param request  the request
   * @return the snapshot
   */
  public Uni<MarketSnapshot> snapshot(GetMarketSnapshotRequest request) {
    return DownstreamCalls.guard(pricing.getMarketSnapshot(request), SERVICE, config.pricingDeadline());
  }
}
