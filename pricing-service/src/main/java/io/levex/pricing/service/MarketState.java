package io.levex.pricing.service;

import io.levex.api.v1.MarketDataUpdate;
import io.levex.core.market.MarketSnapshot;
import io.levex.pricing.mapping.MarketDataMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current market snapshot of the service, updated atomically (copy on write) by market-data updates.
 */
@ApplicationScoped
public class MarketState {

  private final AtomicReference<MarketSnapshot> current = new AtomicReference<>(MarketSnapshot.empty());
  private final Clock clock = Clock.systemUTC();

  /**
   * Gets the current snapshot.
   *
   * @return the snapshot
   */
  public MarketSnapshot snapshot() {
    return current.get();
  }

  /**
   * Replaces the snapshot atomically with a function of the current one.
   *
   * @param change  the change; must not throw after partial work (it works on an immutable value)
   * @return the new snapshot
   */
  public MarketSnapshot update(java.util.function.UnaryOperator<MarketSnapshot> change) {
    return current.updateAndGet(change);
  }

  /**
   * Applies one update atomically.
   *
   * @param update  the update
   * @return what was applied
   * @throws io.levex.core.collect.InvalidInputException when the update is invalid (nothing changes)
   */
  public MarketDataMapper.Applied apply(MarketDataUpdate update) {
    while (true) {
      MarketSnapshot before = current.get();
      MarketDataMapper.Applied applied = MarketDataMapper.apply(before, update, clock.instant());
      if (current.compareAndSet(before, applied.snapshot())) {
        return applied;
      }
    }
  }
}
