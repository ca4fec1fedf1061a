package io.levex.core.market;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * The forward of an underlying for one expiry.
 *
 * @param underlying  the coin
 * @param expiry  the expiry instant
 * @param forwardUsd  USD per coin, > 0
 * @param time  source time
 */
public record ForwardQuote(Asset underlying, Instant expiry, double forwardUsd, Instant time) {

  /** Validates the components. */
  public ForwardQuote {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(expiry, "expiry");
    Checks.positive("forward_usd", forwardUsd);
    Objects.requireNonNull(time, "time");
  }
}
