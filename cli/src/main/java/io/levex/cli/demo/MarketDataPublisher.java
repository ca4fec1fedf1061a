package io.levex.cli.demo;

import io.grpc.stub.StreamObserver;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.api.v1.PublishMarketDataSummary;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams market-data updates to pricing-service (PublishMarketData) and waits for the summary.
 */
public final class MarketDataPublisher {

  private MarketDataPublisher() {
  }

  /**
   * Publishes updates.
   *
   * @param stub  the async pricing stub
   * @param updates  the updates
   * @return the summary
   */
  public static PublishMarketDataSummary publish(PricingServiceGrpc.PricingServiceStub stub, List<MarketDataUpdate> updates) {
    CompletableFuture<PublishMarketDataSummary> result = new CompletableFuture<>();
    StreamObserver<MarketDataUpdate> in = stub.publishMarketData(new StreamObserver<>() {
      private PublishMarketDataSummary summary;

      @Override
      public void onNext(PublishMarketDataSummary value) {
        summary = value;
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        result.complete(summary);
      }
    });
    updates.forEach(in::onNext);
    in.onCompleted();
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", ex);
    } catch (ExecutionException | TimeoutException ex) {
      throw new IllegalStateException("PublishMarketData failed: " + ex.getMessage(), ex);
    }
  }
}
