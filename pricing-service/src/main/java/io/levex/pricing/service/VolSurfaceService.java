package io.levex.pricing.service;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.MarketSnapshot;
import io.levex.core.market.surface.VolSurface;
import io.levex.core.market.surface.VolSurfaceBuilder;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The SVI volatility surface of each underlying in the current snapshot, built with risk-core's
 * {@link VolSurfaceBuilder} at the snapshot's own time and kept until the snapshot changes (a build takes about a
 * millisecond; a snapshot changes with every market-data update, and a surface is rebuilt only when asked for).
 */
@ApplicationScoped
public class VolSurfaceService {

  private record Built(long version, VolSurface surface, InvalidInputException failure) {
  }

  private final MarketState state;
  private final ConcurrentMap<Asset, Built> built = new ConcurrentHashMap<>();

  /**
   * Creates the service.
   *
   * @param state  the market state
   */
  public VolSurfaceService(MarketState state) {
    this.state = state;
  }

  /**
   * Gets the surface of an underlying in the current snapshot.
   *
   * @param underlying  the coin
   * @return the surface
   * @throws InvalidInputException NOT_FOUND when the snapshot holds no option of the underlying with a mark IV,
   *     FAILED_PRECONDITION when no expiry can be fitted
   */
  @WithSpan("VolSurfaceService.surface")
  public VolSurface surface(@SpanAttribute("levex.underlying") Asset underlying) {
    Built b = builtFor(state.snapshot(), underlying);
    if (b.failure() != null) {
      throw b.failure();
    }
    return b.surface();
  }

  /**
   * Gets the surface of an underlying in a snapshot, if one can be built (the resolver's last source of vols).
   *
   * @param snapshot  the snapshot
   * @param underlying  the coin
   * @return the surface, empty when the snapshot has none for the underlying
   */
  public Optional<VolSurface> lookup(MarketSnapshot snapshot, Asset underlying) {
    return Optional.ofNullable(builtFor(snapshot, underlying).surface());
  }

  private Built builtFor(MarketSnapshot snapshot, Asset underlying) {
    Built cached = built.get(underlying);
    if (cached != null && cached.version() == snapshot.version()) {
      return cached;
    }
    Built fresh;
    try {
      fresh = new Built(snapshot.version(), VolSurfaceBuilder.DEFAULT.build(snapshot, underlying, snapshot.lastUpdate()), null);
    } catch (InvalidInputException ex) {
      fresh = new Built(snapshot.version(), null, ex);
    }
    built.merge(underlying, fresh, (old, neu) -> neu.version() >= old.version() ? neu : old);
    return fresh;
  }
}
