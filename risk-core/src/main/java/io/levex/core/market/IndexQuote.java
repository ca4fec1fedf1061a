package io.levex.core.market;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A spot index price (Deribit {@code btc_usd}).
 *
 * @param underlying  the coin
 * @param priceUsd  USD per coin, > 0
 * @param time  source time
 */
public record IndexQuote(Asset underlying, double priceUsd, Instant time) {

  /** Validates the components. */
  public IndexQuote {
    Objects.requireNonNull(underlying, "underlying");
    Checks.positive("price_usd", priceUsd);
    Objects.requireNonNull(time, "time");
  }
}
