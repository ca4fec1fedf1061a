package io.levex.core.margin.liquidation;

/**
 * One position's contribution to an account's excess (margin balance - MM) in a scenario: its value (unrealised
 * PnL, option mark value) minus its maintenance margin, in the unit of the enclosing {@link ShiftedMargin}.
 *
 * @param instrument  the instrument name
 * @param excess  value - MM of the position
 */
public record PositionExcess(String instrument, double excess) {
}
