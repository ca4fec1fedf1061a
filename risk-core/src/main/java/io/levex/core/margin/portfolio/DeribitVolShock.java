package io.levex.core.margin.portfolio;

import io.levex.core.scenario.VolShift;

/**
 * The vol shocks and extended-table weights of Deribit PM.
 * <p>
 * Vol shock [INF: Deribit's old PM page, Paradex and Derive publish this form]:
 * {@code f = (30 / max(DTE, 1))^p}, p = short_term_vega_power when DTE < 30 else long_term_vega_power;
 * {@code up = max(vol (1 + volatility_range_up f), min_volatility_for_shock_up)},
 * {@code down = max(vol (1 - volatility_range_down f), 0)}; DTE = years x 365.
 * <p>
 * Extended weight [V-ex: reproduces Deribit's extended vectors]:
 * {@code extended_table_factor x (price_range/|m|) x (1+m)/(1 + sign(m) price_range)}. Stateless.
 */
public final class DeribitVolShock {

  private DeribitVolShock() {
  }

  /**
   * The DTE scaling {@code (30 / max(DTE, 1))^power}.
   *
   * @param dte  days to expiry
   * @param power  the vega power
   * @return the factor
   */
  public static double dteFactor(double dte, double power) {
    return Math.pow(30.0 / Math.max(dte, 1.0), power);
  }

  /**
   * The vega power for a DTE.
   *
   * @param dte  days to expiry
   * @param p  the parameters
   * @return short_term_vega_power below 30 days, else long_term_vega_power
   */
  public static double power(double dte, DeribitPmParameters p) {
    return dte < 30 ? p.shortTermVegaPower() : p.longTermVegaPower();
  }

  /**
   * The relative size of a shock at a DTE: {@code range x (30/max(DTE,1))^power}.
   *
   * @param range  volatility_range_up or _down
   * @param dte  days to expiry
   * @param power  the vega power
   * @return the relative shock
   */
  public static double shockSize(double range, double dte, double power) {
    return range * dteFactor(dte, power);
  }

  /**
   * The vol-up shift.
   *
   * @param p  the parameters
   * @return the shift
   */
  public static VolShift up(DeribitPmParameters p) {
    return (vol, years) -> {
      double dte = years * 365.0;
      return Math.max(vol * (1.0 + shockSize(p.volatilityRangeUp(), dte, power(dte, p))), p.minVolatilityForShockUp());
    };
  }

  /**
   * The vol-down shift.
   *
   * @param p  the parameters
   * @return the shift
   */
  public static VolShift down(DeribitPmParameters p) {
    return (vol, years) -> {
      double dte = years * 365.0;
      return Math.max(vol * (1.0 - shockSize(p.volatilityRangeDown(), dte, power(dte, p))), 0.0);
    };
  }

  /**
   * The Paradex/Deribit extended-move weight {@code price_range / |m|}.
   *
   * @param move  the extended move, decimal
   * @param priceRange  price_range
   * @return the weight
   */
  public static double moveWeight(double move, double priceRange) {
    return priceRange / Math.abs(move);
  }

  /**
   * The full weight of an instrument's vol-up PnL at an extended move:
   * {@code factor x (price_range/|m|) x (1+m)/(1 + sign(m) price_range)}.
   *
   * @param move  the extended move, decimal
   * @param priceRange  price_range
   * @param extendedTableFactor  extended_table_factor
   * @return the weight
   */
  public static double extendedWeight(double move, double priceRange, double extendedTableFactor) {
    return extendedTableFactor * moveWeight(move, priceRange) * (1.0 + move) / (1.0 + Math.signum(move) * priceRange);
  }

  /**
   * The extended-table dampener in the settlement currency:
   * {@code (max(|m|/price_range, 1) - 1) x extended_dampener_usd}, divided by {@code (1 + sign(m) price_range) x index}
   * for coin-settled currencies [3P form; INF for linear currencies, where no conversion applies].
   *
   * @param move  the extended move
   * @param priceRange  price_range
   * @param dampenerUsd  extended_dampener, USD
   * @param indexUsd  the index, USD per coin; ignored when {@code coin} is false
   * @param coin  whether the settlement currency is the coin
   * @return the dampener, >= 0
   */
  public static double dampener(double move, double priceRange, double dampenerUsd, double indexUsd, boolean coin) {
    double d = (Math.max(Math.abs(move) / priceRange, 1.0) - 1.0) * dampenerUsd;
    return coin ? d / ((1.0 + Math.signum(move) * priceRange) * indexUsd) : d;
  }
}
