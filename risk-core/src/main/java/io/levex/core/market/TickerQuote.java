package io.levex.core.market;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * A venue ticker of one instrument (Deribit {@code public/ticker}), IV as a decimal.
 *
 * @param instrument  canonical instrument name
 * @param markPrice  mark price in the instrument's quote unit (coin per option for inverse options), > 0
 * @param markIv  mark implied vol, decimal in (0, 10]; NaN when absent
 * @param underlyingPrice  forward for the option's expiry (Deribit {@code underlying_price}), USD per coin; NaN when absent
 * @param indexPrice  spot index, USD per coin; NaN when absent
 * @param time  source time
 */
public record TickerQuote(
    String instrument, double markPrice, double markIv, double underlyingPrice, double indexPrice, Instant time) {

  /** Validates the components. */
  public TickerQuote {
    Objects.requireNonNull(instrument, "instrument");
    Checks.positive("mark_price", markPrice);
    if (!Double.isNaN(markIv) && !(markIv > 0 && markIv <= 10)) {
      throw InvalidInputException.invalid("mark_iv", Checks.format(markIv), "must be a decimal vol in (0, 10]");
    }
    if (!Double.isNaN(underlyingPrice)) {
      Checks.positive("underlying_price", underlyingPrice);
    }
    if (!Double.isNaN(indexPrice)) {
      Checks.positive("index_price", indexPrice);
    }
    Objects.requireNonNull(time, "time");
  }
}
