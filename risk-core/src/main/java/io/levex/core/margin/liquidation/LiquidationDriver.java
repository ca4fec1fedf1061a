package io.levex.core.margin.liquidation;

/**
 * A position's part in bringing the account from now to its nearest liquidation level.
 *
 * @param instrument  the instrument name
 * @param excessChange  the change of the position's value - MM between now and the nearest liquidation level, in
 *     the analysis' unit; negative pushes towards liquidation. Over all drivers plus the cash/collateral term the
 *     changes sum to {@code -excess now}
 */
public record LiquidationDriver(String instrument, double excessChange) {
}
