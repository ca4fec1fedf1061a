package io.levex.core.market.chain;

import io.levex.core.basics.Asset;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.YearFractions;
import java.time.Instant;

/**
 * One option of a recorded Deribit chain snapshot, as the venue reported it.
 * <p>
 * Prices are <b>coin per option</b> (inverse options); NaN where the venue had no quote. Immutable.
 *
 * @param line  1-based line number in the source text, for error messages
 * @param timestamp  collection time of the row (UTC)
 * @param instrumentName  Deribit name, e.g. {@code BTC-16JAN26-82000-C}
 * @param currency  the underlying coin (BTC, ETH)
 * @param putCall  call or put
 * @param strikeUsd  strike, USD per coin
 * @param expiry  expiry instant (08:00 UTC on the named day)
 * @param underlyingPriceUsd  Deribit {@code underlying_price}: the forward for this expiry, USD per coin
 * @param underlyingName  Deribit {@code underlying_index}: the future (e.g. {@code BTC-27MAR26}) or synthetic
 *     forward ({@code SYN.BTC-16JAN26}) the forward comes from
 * @param indexPriceUsd  spot index ({@code btc_usd}), USD per coin
 * @param bidPriceCoin  best bid, coin per option; NaN when none
 * @param askPriceCoin  best ask, coin per option; NaN when none
 * @param markPriceCoin  Deribit mark price, coin per option, >= 0
 * @param markIv  Deribit mark IV, <b>decimal</b> (the file's {@code implied_volatility} = mark_iv / 100)
 * @param delta  Deribit Black-Scholes delta (dimensionless, r = 0)
 * @param vegaUsdPerVolPoint  Deribit vega, USD per vol point
 * @param openInterestCoin  open interest, coin (1 contract = 1 coin)
 */
public record DeribitChainRow(
    int line,
    Instant timestamp,
    String instrumentName,
    Asset currency,
    PutCall putCall,
    double strikeUsd,
    Instant expiry,
    double underlyingPriceUsd,
    String underlyingName,
    double indexPriceUsd,
    double bidPriceCoin,
    double askPriceCoin,
    double markPriceCoin,
    double markIv,
    double delta,
    double vegaUsdPerVolPoint,
    double openInterestCoin) {

  /**
   * Time to expiry from the row's timestamp, exact seconds over 365-day years (not the file's 365.25-day
   * {@code time_to_maturity} column).
   *
   * @return the time to expiry, years, 0 at and after expiry
   */
  public double timeToExpiryYears() {
    return Math.max(YearFractions.between(timestamp, expiry), 0.0);
  }
}
