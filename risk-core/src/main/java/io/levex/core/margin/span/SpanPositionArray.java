package io.levex.core.margin.span;

import io.levex.core.basics.Asset;

/**
 * One position's SPAN risk array and its loss in its combined commodity's worst scenario; amounts in the
 * settlement currency, losses positive.
 *
 * @param instrument  the instrument name
 * @param key  the combined commodity it is scanned in, e.g. {@code btc_btc}
 * @param currency  the settlement currency
 * @param size  the input size, base coin
 * @param units  the size in array units (inverse futures and perpetuals: coin-equivalent at the mark)
 * @param unitArray  the risk array of one long unit
 * @param positionArray  {@code units x unitArray}
 * @param worstScenarioLoss  its loss in the commodity's worst scenario (the losses sum to the scan risk there)
 * @param delta  its delta, coin (inverse options premium-adjusted), 0 when settled
 * @param tier  its intra-commodity tier: the expiry instant, or {@code PERPETUAL} for perpetuals and spot
 * @param settled  whether it had expired and is settled (zero array)
 * @param settlementValue  when settled, its settlement value (cash), settlement currency; else 0
 */
public record SpanPositionArray(
    String instrument, String key, Asset currency, double size, double units, RiskArray unitArray,
    RiskArray positionArray, double worstScenarioLoss, double delta, String tier, boolean settled,
    double settlementValue) {
}
