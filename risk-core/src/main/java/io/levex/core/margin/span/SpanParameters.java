package io.levex.core.margin.span;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameters;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The SPAN parameters of one combined commodity (underlying), read from a {@code span} parameter set with the keys
 * {@code <coin>.<key>} (lower case, e.g. {@code btc.price_scan_range}). Levex's calibration, not CME's.
 *
 * @param priceScanRange  price_scan_range, relative move of the underlying, decimal (0.16 = 16%)
 * @param volatilityScanRange  volatility_scan_range, relative vol move (vol x (1 +/- v)), decimal in [0, 1)
 * @param extremeMoveMultiple  extreme_move_multiple, X: scenarios 15/16 move by X price scan ranges
 * @param extremeMoveCoverFraction  extreme_move_cover_fraction, share of the extreme loss counted, [0, 1]
 * @param intraSpreadChargeRate  intra_spread_charge_rate, per spread of 1 coin of delta per leg, decimal of the
 *     underlying (coin for inverse, x index for linear)
 * @param shortOptionMinimum  short_option_minimum, per short option (1 coin of underlying), decimal of the
 *     underlying (coin for inverse, x index for linear)
 */
public record SpanParameters(
    double priceScanRange, double volatilityScanRange, double extremeMoveMultiple, double extremeMoveCoverFraction,
    double intraSpreadChargeRate, double shortOptionMinimum) {

  /** Validates; fields are named by their keys without the underlying prefix. */
  public SpanParameters {
    Checks.inRange("price_scan_range", priceScanRange, 1e-6, 0.99);
    Checks.inRange("volatility_scan_range", volatilityScanRange, 0, 0.99);
    Checks.inRange("extreme_move_multiple", extremeMoveMultiple, 0, 100);
    if (extremeMoveMultiple * priceScanRange >= 1) {
      throw InvalidInputException.invalid("extreme_move_multiple", Checks.format(extremeMoveMultiple),
          "times price_scan_range " + Checks.format(priceScanRange) + " must be < 1 (the extreme down move)");
    }
    Checks.inRange("extreme_move_cover_fraction", extremeMoveCoverFraction, 0, 1);
    Checks.nonNegative("intra_spread_charge_rate", intraSpreadChargeRate);
    Checks.nonNegative("short_option_minimum", shortOptionMinimum);
  }

  /**
   * Reads the parameters of an underlying.
   *
   * @param p  the parameter set
   * @param underlying  the underlying, e.g. BTC (prefix {@code btc.})
   * @return the parameters
   * @throws InvalidInputException FAILED_PRECONDITION naming the set and the missing key; INVALID_ARGUMENT naming
   *     a bad value as {@code <coin>.<key>}
   */
  public static SpanParameters of(MarginParameters p, Asset underlying) {
    String k = key(underlying) + ".";
    try {
      return new SpanParameters(
          p.get(k + "price_scan_range"), p.get(k + "volatility_scan_range"), p.get(k + "extreme_move_multiple"),
          p.get(k + "extreme_move_cover_fraction"), p.get(k + "intra_spread_charge_rate"),
          p.get(k + "short_option_minimum"));
    } catch (InvalidInputException ex) {
      throw ex.error().field().startsWith("parameter_set") ? ex : ex.withFieldPrefix(key(underlying));
    }
  }

  /**
   * Gets maint_to_init_ratio: initial requirement = ratio x maintenance requirement.
   *
   * @param p  the parameter set
   * @return the ratio, >= 1
   */
  public static double maintToInitRatio(MarginParameters p) {
    return Checks.inRange("maint_to_init_ratio", p.get("maint_to_init_ratio"), 1, 100);
  }

  /**
   * Gets look_ahead_days: the time roll of every scenario.
   *
   * @param p  the parameter set
   * @return calendar days, >= 0
   */
  public static double lookAheadDays(MarginParameters p) {
    return Checks.inRange("look_ahead_days", p.get("look_ahead_days"), 0, 30);
  }

  /**
   * Gets the inter-commodity credit rate of a pair ({@code <a>_<b>.inter_commodity_credit_rate}, either order).
   *
   * @param p  the parameter set
   * @param a  one underlying
   * @param b  the other
   * @return the rate in [0, 1], or empty when the pair earns no credit
   */
  public static OptionalDouble interCommodityCreditRate(MarginParameters p, Asset a, Asset b) {
    for (String pair : new String[] {key(a) + "_" + key(b), key(b) + "_" + key(a)}) {
      String name = pair + ".inter_commodity_credit_rate";
      if (p.has(name)) {
        return OptionalDouble.of(Checks.inRange(name, p.get(name), 0, 1));
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Gets the key prefix of an underlying: its lower-case symbol.
   *
   * @param underlying  the underlying
   * @return the prefix, e.g. {@code btc}
   */
  public static String key(Asset underlying) {
    return underlying.symbol().toLowerCase(Locale.ROOT);
  }
}
