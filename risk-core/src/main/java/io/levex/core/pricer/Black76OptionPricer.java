package io.levex.core.pricer;

import io.levex.core.basics.YearFractions;
import io.levex.core.pricer.impl.Black76Formula;
import io.levex.core.product.OptionInstrument;
import java.time.Instant;

/**
 * Black-76 pricer of European options on the forward, for linear options in USD and inverse options in
 * coin (value V/F).
 * <p>
 * Stateless and thread-safe; use {@link #DEFAULT}. At and after expiry the option is worth its intrinsic
 * value on the forward and its vol greeks are 0.
 */
public final class Black76OptionPricer {

  /** Default instance. */
  public static final Black76OptionPricer DEFAULT = new Black76OptionPricer();


  private Black76OptionPricer() {
  }

  /**
   * Computes price and greeks of one long option.
   *
   * @param option  the option
   * @param valuation  the valuation instant
   * @param forward  forward for the option's expiry, USD per coin, > 0
   * @param vol  implied vol, decimal, > 0
   * @param rate  continuously compounded rate (Deribit: 0)
   * @return the greeks, and through {@link #priceUsd} the price
   */
  public Greeks greeks(OptionInstrument option, Instant valuation, double forward, double vol, double rate) {
    double t = YearFractions.between(valuation, option.expiry());
    return greeks(option.putCall().isCall(), forward, option.strike(), t, vol, rate);
  }

  /**
   * Computes the greeks from raw inputs.
   *
   * @param call  true for a call
   * @param forward  F, USD per coin
   * @param strike  K, USD per coin
   * @param t  time to expiry, 365-day years
   * @param vol  implied vol, decimal
   * @param rate  continuously compounded rate
   * @return the greeks
   */
  public Greeks greeks(boolean call, double forward, double strike, double t, double vol, double rate) {
    double[] g = Black76Formula.priceAndGreeks(forward, strike, t, vol, rate, call);
    double vegaPerVolPoint = g[Black76Formula.VEGA] * Black76Formula.PER_VOL_POINT;
    double thetaPerDay = g[Black76Formula.THETA] * Black76Formula.PER_DAY;
    return new Greeks(
        g[Black76Formula.DELTA],
        g[Black76Formula.GAMMA],
        vegaPerVolPoint,
        thetaPerDay,
        g[Black76Formula.RHO],
        g[Black76Formula.VANNA],
        g[Black76Formula.VOLGA],
        g[Black76Formula.DELTA_PREMIUM_ADJUSTED],
        g[Black76Formula.GAMMA_COIN],
        vegaPerVolPoint / forward,
        thetaPerDay / forward);
  }

  /**
   * Computes the USD value of one long option.
   *
   * @param call  true for a call
   * @param forward  F, USD per coin
   * @param strike  K, USD per coin
   * @param t  time to expiry, 365-day years
   * @param vol  implied vol, decimal
   * @param rate  continuously compounded rate
   * @return the value, USD per option
   */
  public double priceUsd(boolean call, double forward, double strike, double t, double vol, double rate) {
    return Black76Formula.price(forward, strike, t, vol, Math.exp(-rate * t), call);
  }
}
