package io.levex.core.pricer;

import io.levex.core.product.Instrument;
import java.time.Instant;

/**
 * The value and greeks of one long unit of an instrument under one set of market inputs: a mark.
 * <p>
 * Immutable and thread-safe.
 *
 * @param instrument  the instrument
 * @param price  mark price in the instrument's quote unit: USD per coin (futures, perpetuals, spot), coin
 *     per option (inverse options), USD(C) per option (linear options)
 * @param priceUsd  value of one long unit in USD
 * @param priceCoin  value of one long unit in coin (priceUsd / forward); 1 for delta-one contracts
 * @param forwardUsd  forward for the instrument's expiry, USD per coin
 * @param indexUsd  spot index, USD per coin
 * @param impliedVol  implied vol used, decimal; 0 for non-options
 * @param timeToExpiry  365-day years, 0 for perpetuals, spot and expired instruments
 * @param greeks  per-unit greeks
 * @param valuationTime  the valuation instant
 * @param sourceTime  the time of the oldest market input used
 * @param source  where the inputs came from, for humans
 */
public record Valuation(
    Instrument instrument,
    double price,
    double priceUsd,
    double priceCoin,
    double forwardUsd,
    double indexUsd,
    double impliedVol,
    double timeToExpiry,
    Greeks greeks,
    Instant valuationTime,
    Instant sourceTime,
    String source) {

  /**
   * Age of the oldest input, seconds (0 when the inputs are newer than the valuation time).
   *
   * @return the age in seconds
   */
  public double ageSeconds() {
    double age = (valuationTime.toEpochMilli() - sourceTime.toEpochMilli()) / 1000.0;
    return Math.max(age, 0.0);
  }
}
