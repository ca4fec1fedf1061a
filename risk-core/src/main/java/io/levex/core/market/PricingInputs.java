package io.levex.core.market;

import java.time.Instant;

/**
 * The market inputs an instrument is priced with, each with its source.
 *
 * @param forwardUsd  forward for the instrument's expiry (futures / perpetuals: their mark), USD per coin
 * @param impliedVol  implied vol, decimal; NaN for non-options
 * @param rate  continuously compounded rate (Deribit: 0)
 * @param indexUsd  spot index, USD per coin
 * @param sourceTime  time of the oldest input used
 * @param source  human-readable sources, e.g. "forward=ticker underlying_price; vol=ticker mark_iv"
 */
public record PricingInputs(
    double forwardUsd, double impliedVol, double rate, double indexUsd, Instant sourceTime, String source) {
}
