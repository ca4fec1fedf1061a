package io.levex.margin.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
    return pricing.priceInstruments(request)
        .ifNoItem().after(config.pricingDeadline()).failWith(() -> unavailable("no answer within " + config.pricingDeadline()))
        .onFailure(PricingClient::isTransport).transform(f -> unavailable(f.getMessage()));
  }

  /**
   * Gets index prices.
   *
   * @param request  the request
   * @return the snapshot
   */
  public Uni<MarketSnapshot> snapshot(GetMarketSnapshotRequest request) {
    return pricing.getMarketSnapshot(request)
        .ifNoItem().after(config.pricingDeadline()).failWith(() -> unavailable("no answer within " + config.pricingDeadline()))
        .onFailure(PricingClient::isTransport).transform(f -> unavailable(f.getMessage()));
  }

  private static boolean isTransport(Throwable f) {
    return f instanceof StatusRuntimeException s
        && (s.getStatus().getCode() == Status.Code.UNAVAILABLE || s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED);
  }

  private static StatusRuntimeException unavailable(String detail) {
    return Status.UNAVAILABLE.withDescription("pricing-service unavailable: " + detail).asRuntimeException();
  }
}
