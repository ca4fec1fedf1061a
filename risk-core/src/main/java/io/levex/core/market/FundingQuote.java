package io.levex.core.market;

import io.levex.core.collect.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * The current funding rate of a perpetual.
 *
 * @param instrument  canonical perpetual name
 * @param rate8h  decimal per 8 hours; > 0 means longs pay shorts; |rate| <= 1
 * @param time  source time
 */
public record FundingQuote(String instrument, double rate8h, Instant time) {

  /** Validates the components. */
  public FundingQuote {
    Objects.requireNonNull(instrument, "instrument");
    Checks.inRange("rate_8h", rate8h, -1, 1);
    Objects.requireNonNull(time, "time");
  }
}
