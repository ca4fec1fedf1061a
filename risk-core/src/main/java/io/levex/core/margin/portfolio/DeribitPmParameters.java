package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Deribit PM parameters of one underlying and settlement currency, read from a {@link MarginParameters} set
 * with Deribit's key names: {@code <coin>_usd.<key>} (currency_pair), {@code <ccy>.<key>} (currency; USD-like
 * settlement currencies use {@code usd}), general keys unprefixed, {@code extended_move.<n>}.
 *
 * @param priceRange  price_range, decimal
 * @param bucketsCount  buckets_count, price points per side
 * @param volatilityRangeUp  volatility_range_up, relative
 * @param volatilityRangeDown  volatility_range_down, relative
 * @param shortTermVegaPower  short_term_vega_power (DTE < 30)
 * @param longTermVegaPower  long_term_vega_power (DTE >= 30)
 * @param minVolatilityForShockUp  min_volatility_for_shock_up, vol decimal
 * @param extendedTableFactor  extended_table_factor
 * @param maxDeltaShock  max_delta_shock, decimal
 * @param deltaTotalLiqShockThreshold  delta_total_liq_shock_threshold, USD
 * @param mInc  m_inc
 * @param annualisedMoveRisk  annualised_move_risk, per year
 * @param minAnnualisedMove  min_annualised_move, decimal
 * @param extendedDampener  extended_dampener, USD
 * @param pnlOffset  pnl_offset, fraction of gains
 * @param maxOffsetablePnl  max_offsetable_pnl, USD
 * @param mmFactor  mm_factor
 * @param extendedMoves  the extended-table moves, decimal
 */
public record DeribitPmParameters(
    double priceRange, int bucketsCount, double volatilityRangeUp, double volatilityRangeDown,
    double shortTermVegaPower, double longTermVegaPower, double minVolatilityForShockUp, double extendedTableFactor,
    double maxDeltaShock, double deltaTotalLiqShockThreshold, double mInc, double annualisedMoveRisk,
    double minAnnualisedMove, double extendedDampener, double pnlOffset, double maxOffsetablePnl, double mmFactor,
    List<Double> extendedMoves) {

  /** Validates. */
  public DeribitPmParameters {
    Checks.inRange("price_range", priceRange, 1e-6, 0.99);
    if (bucketsCount < 1) {
      throw InvalidInputException.invalid("buckets_count", bucketsCount, "must be a whole number >= 1");
    }
    Checks.nonNegative("volatility_range_up", volatilityRangeUp);
    Checks.inRange("volatility_range_down", volatilityRangeDown, 0, 1);
    Checks.inRange("pnl_offset", pnlOffset, 0, 1);
    extendedMoves = List.copyOf(extendedMoves);
    for (double m : extendedMoves) {
      if (!(m > -1) || m == 0 || !Double.isFinite(m)) {
        throw InvalidInputException.invalid("extended_move", Checks.format(m), "must be finite, > -1 and not 0");
      }
    }
  }

  /**
   * Reads the parameters of an underlying and settlement currency.
   *
   * @param p  the parameter set
   * @param underlying  the underlying coin, e.g. BTC (pair key {@code btc_usd})
   * @param settlement  the settlement currency, e.g. BTC ({@code btc}) or USDC ({@code usd})
   * @return the parameters
   * @throws InvalidInputException FAILED_PRECONDITION naming the set and the missing key
   */
  public static DeribitPmParameters of(MarginParameters p, Asset underlying, Asset settlement) {
    String pair = pairKey(underlying) + ".";
    String ccy = currencyKey(settlement) + ".";
    double buckets = p.get("buckets_count");
    if (buckets != Math.rint(buckets) || buckets < 1 || buckets > 100) {
      throw InvalidInputException.invalid("buckets_count", Checks.format(buckets), "must be a whole number in [1, 100]");
    }
    if (p.has("vol_scenarios_count") && p.get("vol_scenarios_count") != 3) {
      throw InvalidInputException.invalid("vol_scenarios_count", Checks.format(p.get("vol_scenarios_count")),
          "must be 3 (up, unchanged, down)");
    }
    List<Double> moves = new ArrayList<>();
    for (int n = 1; p.has("extended_move." + n); n++) {
      moves.add(p.get("extended_move." + n));
    }
    return new DeribitPmParameters(
        p.get(pair + "price_range"), (int) buckets, p.get(pair + "volatility_range_up"),
        p.get(pair + "volatility_range_down"), p.get(pair + "short_term_vega_power"),
        p.get(pair + "long_term_vega_power"), p.get(pair + "min_volatility_for_shock_up"),
        p.get(pair + "extended_table_factor"), p.get(pair + "max_delta_shock"),
        p.get(pair + "delta_total_liq_shock_threshold"), p.get(pair + "m_inc"),
        p.get(ccy + "annualised_move_risk"), p.get(ccy + "min_annualised_move"), p.get(ccy + "extended_dampener"),
        p.get(ccy + "pnl_offset"), p.get(ccy + "max_offsetable_pnl"), p.get("mm_factor"), moves);
  }

  /**
   * Gets the currency_pair key prefix of an underlying, e.g. {@code btc_usd}.
   *
   * @param underlying  the underlying
   * @return the prefix
   */
  public static String pairKey(Asset underlying) {
    return underlying.symbol().toLowerCase(Locale.ROOT) + "_usd";
  }

  /**
   * Gets the currency key prefix of a settlement currency: its lower-case symbol, {@code usd} for USD-like ones.
   *
   * @param settlement  the settlement currency
   * @return the prefix
   */
  public static String currencyKey(Asset settlement) {
    return settlement.isUsdLike() ? "usd" : settlement.symbol().toLowerCase(Locale.ROOT);
  }
}
