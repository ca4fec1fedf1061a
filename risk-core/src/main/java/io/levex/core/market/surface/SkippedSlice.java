package io.levex.core.market.surface;

import java.time.Instant;
import java.util.Objects;

/**
 * An expiry that has option quotes but no fitted slice, and why.
 *
 * @param expiry  the expiry instant
 * @param quoteCount  the number of usable quotes left after selection
 * @param reason  why the expiry was skipped (expired, too few quotes, no forward, fit failure)
 */
public record SkippedSlice(Instant expiry, int quoteCount, String reason) {

  /** Validates the components. */
  public SkippedSlice {
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(reason, "reason");
  }
}
