package io.levex.core.portfolio;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;

/**
 * One position of a portfolio as written by a user: a Deribit instrument name and a signed size.
 *
 * @param instrument  the Deribit instrument name, e.g. {@code BTC-PERPETUAL} or {@code BTC-27MAR26-90000-C}
 * @param size  signed size in base-coin units, long positive; |size| at most {@link #MAX_ABS_SIZE_COIN}
 * @param averagePrice  average entry price in the instrument's quote unit (USD per coin for futures and
 *     perpetuals, coin per option for inverse options); 0 when unknown
 */
public record PortfolioPosition(String instrument, double size, double averagePrice) {

  /** The largest accepted |size|, coin: larger sizes are taken for input errors, not positions. */
  public static final double MAX_ABS_SIZE_COIN = 1e9;

  /** Validates the components; errors name the fields {@code instrument}, {@code size}, {@code average_price}. */
  public PortfolioPosition {
    if (instrument == null || instrument.isBlank()) {
      throw InvalidInputException.invalid("instrument", "", "is required");
    }
    instrument = instrument.trim();
    Checks.finite("size", size);
    if (Math.abs(size) > MAX_ABS_SIZE_COIN) {
      throw InvalidInputException.invalid("size", Checks.format(size),
          "is absurd: |size| must be at most 1e9 coin (sizes are in base-coin units)");
    }
    Checks.nonNegative("average_price", averagePrice);
  }
}
