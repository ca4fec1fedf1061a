package io.levex.core.risk;

import io.levex.core.basics.Asset;
import java.util.List;

/**
 * Exposure per underlying.
 *
 * @param underlying  the coin
 * @param indexUsd  spot index, USD per coin
 * @param totals  the totals over the underlying's positions
 * @param byExpiry  the totals per expiry, perpetuals first, then by expiry
 * @param fundingUsdPerDay  expected funding cash flow of perpetuals at the current rate, USD per day (+ received)
 * @param equityCoin  equity held in this coin (coin-settled cash + futures PnL + option values), coin
 * @param deltaTotalWithEquityCoin  delta total + equity in coin (Deribit's "Equity + Delta Total")
 */
public record UnderlyingExposure(
    Asset underlying,
    double indexUsd,
    ExposureTotals totals,
    List<ExpiryBucket> byExpiry,
    double fundingUsdPerDay,
    double equityCoin,
    double deltaTotalWithEquityCoin) {

  /** Makes the list immutable. */
  public UnderlyingExposure {
    byExpiry = List.copyOf(byExpiry);
  }
}
