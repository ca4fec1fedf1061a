package io.levex.pricing.health;

import io.levex.pricing.service.MarketState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Reports (informationally, in liveness, never failing) how much market data the service holds and when it last
 * changed. Readiness does not depend on it: an empty snapshot is a valid state (prices come in calculator mode or
 * after the first PublishMarketData).
 */
@Liveness
@ApplicationScoped
public class MarketDataHealthCheck implements HealthCheck {

  private final MarketState state;

  /**
   * Creates the check.
   *
   * @param state  the market state
   */
  public MarketDataHealthCheck(MarketState state) {
    this.state = state;
  }

  @Override
  public HealthCheckResponse call() {
    var snap = state.snapshot();
    return HealthCheckResponse.named("market data")
        .up()
        .withData("instruments", snap.tickers().size())
        .withData("indices", snap.indices().size())
        .withData("last_update", snap.lastUpdate().toString())
        .build();
  }
}
