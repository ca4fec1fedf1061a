package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;
import java.util.List;

/**
 * The risk matrix of one underlying within one settlement currency (Deribit's aggregated-vector key, e.g.
 * {@code btc_btc} for BTC inverse contracts, {@code btc_usdc} for BTC linear ones); amounts in the settlement
 * currency.
 *
 * @param key  the key, {@code <underlying>_<settlement>} in lower case
 * @param underlying  the underlying
 * @param indexUsd  the index the dampener and the caps are converted at, USD per coin
 * @param buckets  the description of every entry: the standard ones, then the extended ones
 * @param preAggregated  the sum of the position vectors (before pnl_offset and the dampener)
 * @param aggregated  after pnl_offset on gains (with max_offsetable_pnl) and, on the extended table, the dampener
 * @param worstCase  {@code max(0, -min(aggregated))}
 * @param worstCaseBucket  the first entry reaching the minimum (standard before extended)
 * @param netDeltaCoin  net delta, coin (options: premium-adjusted delta for inverse, plain delta for linear)
 * @param rollShock  the roll shock of this underlying
 * @param deltaShock  the delta shock of this underlying
 */
public record RiskMatrix(
    String key, Asset underlying, double indexUsd, List<PmBucket> buckets, RiskVector preAggregated,
    RiskVector aggregated, double worstCase, PmBucket worstCaseBucket, double netDeltaCoin, double rollShock,
    double deltaShock) {

  /** Copies the list. */
  public RiskMatrix {
    buckets = List.copyOf(buckets);
  }
}
