package io.levex.core.margin.span;

import io.levex.core.basics.Asset;
import java.util.Map;

/**
 * The SPAN requirement of one combined commodity: all products on one underlying settled in one currency (key
 * {@code <underlying>_<settlement>}, e.g. {@code btc_btc} inverse, {@code btc_usdc} linear); amounts in that
 * currency.
 *
 * @param key  the key
 * @param underlying  the underlying
 * @param indexUsd  the index the linear charges and the credit are converted at, USD per coin
 * @param scan  the summed losses of all 16 scenarios, the scan risk and the worst scenario
 * @param tierDeltas  net delta per tier (expiry instant or {@code PERPETUAL}), coin
 * @param netDelta  the net delta, coin
 * @param intraSpreads  the intra-commodity spreads formed, coin of delta per leg
 * @param intraSpreadCharge  {@code intra_spread_charge_rate x intraSpreads} (x index for linear)
 * @param shortOptions  the number of short options (sum of |size|), coin of underlying
 * @param shortOptionMinimum  {@code short_option_minimum x shortOptions} (x index for linear)
 * @param interCommodityCredit  the credit from spreads with other combined commodities
 * @param risk  {@code max(scan + intra - credit, SOM)}: the maintenance requirement
 * @param netOptionValue  the mark value of its live options (signed); reported, not deducted (see docs)
 */
public record CombinedCommodityMargin(
    String key, Asset underlying, double indexUsd, ScanResult scan, Map<String, Double> tierDeltas, double netDelta,
    double intraSpreads, double intraSpreadCharge, double shortOptions, double shortOptionMinimum,
    double interCommodityCredit, double risk, double netOptionValue) {

  /** Copies the map. */
  public CombinedCommodityMargin {
    tierDeltas = Map.copyOf(tierDeltas);
  }

  /**
   * Gets the scan risk.
   *
   * @return the largest loss over the 16 scenarios, >= 0
   */
  public double scanRisk() {
    return scan.scanRisk();
  }
}
