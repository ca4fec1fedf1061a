package io.levex.core.margin.portfolio;

/**
 * Deribit's {@code risk_matrix_margin_details} of one settlement currency; amounts in that currency.
 *
 * @param worstCase  the worst aggregated scenario loss, >= 0 (summed over underlyings when several)
 * @param worstCaseBucket  the entry that sets it (of the underlying with the largest worst case)
 * @param worstCaseKey  the aggregated-vector key it belongs to, e.g. {@code btc_btc}
 * @param rollShock  the roll shock
 * @param deltaShock  the delta shock
 * @param correlationContingency  the correlation contingency (not published by Deribit: 0)
 */
public record RiskMatrixMarginDetails(
    double worstCase, PmBucket worstCaseBucket, String worstCaseKey, double rollShock, double deltaShock,
    double correlationContingency) {
}
