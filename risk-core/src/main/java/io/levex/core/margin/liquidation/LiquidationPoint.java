package io.levex.core.margin.liquidation;

/**
 * One index level at which margin balance = MM.
 *
 * @param move  the relative move from the current index, decimal ({@code P / S - 1})
 * @param indexUsd  the index level P, USD per coin
 * @param distancePct  the distance in percent, {@code 100 (P / S - 1)}, signed
 * @param distanceSigmas  the distance in standard deviations over the horizon,
 *     {@code ln(P / S) / (sigma_ATM sqrt(h / 365))}, signed
 */
public record LiquidationPoint(double move, double indexUsd, double distancePct, double distanceSigmas) {
}
