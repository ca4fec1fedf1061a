package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;

/**
 * One position's PM risk vector (Deribit's {@code initial_risk_vectors} entry) and its share of the worst scenario.
 *
 * @param instrument  the instrument name
 * @param key  the risk-matrix key it is aggregated in, e.g. {@code btc_btc}
 * @param currency  the settlement currency of the amounts
 * @param size  the input size, base coin
 * @param units  the size in vector units (inverse futures: coin-equivalent at the mark)
 * @param vector  the position's PnL vector: units x the instrument's unit vector (extended entries weighted)
 * @param worstScenarioPnl  its PnL in its matrix's worst entry (the contributions sum to the pre-aggregated PnL there)
 * @param settled  whether the instrument had expired and is settled (zero vector)
 * @param settlementValue  the settlement value of the position when settled (cash), settlement currency; else 0
 */
public record PositionRiskVector(
    String instrument, String key, Asset currency, double size, double units, RiskVector vector,
    double worstScenarioPnl, boolean settled, double settlementValue) {
}
