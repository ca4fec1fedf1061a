package io.levex.core.pricer.impl;

/**
 * The Black-76 formula on a forward and its analytic derivatives, with discount factor
 * {@code df = exp(-r T)}.
 * <p>
 * All values are per unit of underlying in the currency of F and K. At zero total volatility
 * ({@code T = 0} or {@code sigma = 0}) the value is the discounted intrinsic value and every
 * second-order greek is 0.
 */
public final class Black76Formula {

  private Black76Formula() {
  }

  /**
   * Discounted Black-76 price.
   *
   * @param forward  F
   * @param strike  K
   * @param t  time to expiry, years
   * @param vol  sigma, decimal
   * @param df  discount factor
   * @param call  true for a call
   * @return the price
   */
  public static double price(double forward, double strike, double t, double vol, double df, boolean call) {
    double s = vol * Math.sqrt(t);
    if (!(s > 0)) {
      return df * Math.max(call ? forward - strike : strike - forward, 0.0);
    }
    double d1 = Math.log(forward / strike) / s + 0.5 * s;
    double d2 = d1 - s;
    if (call) {
      return df * (forward * NormalDistribution.cdf(d1) - strike * NormalDistribution.cdf(d2));
    }
    return df * (strike * NormalDistribution.cdf(-d2) - forward * NormalDistribution.cdf(-d1));
  }

  /**
   * Price and analytic greeks in one pass.
   *
   * @param forward  F
   * @param strike  K
   * @param t  time to expiry, years
   * @param vol  sigma, decimal
   * @param rate  continuously compounded rate r
   * @param call  true for a call
   * @return price, dV/dF, d2V/dF2, dV/dsigma, dV/dt (per year, F fixed), dV/dr (F fixed), vanna, volga
   */
  public static double[] priceAndGreeks(double forward, double strike, double t, double vol, double rate, boolean call) {
    double df = Math.exp(-rate * t);
    double s = vol * Math.sqrt(t);
    double[] out = new double[8];
    if (!(s > 0)) {
      double intrinsic = Math.max(call ? forward - strike : strike - forward, 0.0);
      out[0] = df * intrinsic;
      double itm = call ? Math.signum(forward - strike) : Math.signum(strike - forward);
      double step = itm > 0 ? 1.0 : (itm == 0 ? 0.5 : 0.0);
      out[1] = df * (call ? step : -step);
      out[4] = rate * out[0];
      out[5] = -t * out[0];
      return out;
    }
    double sqrtT = Math.sqrt(t);
    double d1 = Math.log(forward / strike) / s + 0.5 * s;
    double d2 = d1 - s;
    double nd1 = NormalDistribution.pdf(d1);
    double value;
    double delta;
    if (call) {
      value = df * (forward * NormalDistribution.cdf(d1) - strike * NormalDistribution.cdf(d2));
      delta = df * NormalDistribution.cdf(d1);
    } else {
      value = df * (strike * NormalDistribution.cdf(-d2) - forward * NormalDistribution.cdf(-d1));
      delta = -df * NormalDistribution.cdf(-d1);
    }
    double gamma = df * nd1 / (forward * s);
    double vega = df * forward * nd1 * sqrtT;
    double theta = rate * value - df * forward * nd1 * vol / (2.0 * sqrtT);
    out[0] = value;
    out[1] = delta;
    out[2] = gamma;
    out[3] = vega;
    out[4] = theta;
    out[5] = -t * value;
    out[6] = -df * nd1 * d2 / vol;
    out[7] = vega * d1 * d2 / vol;
    return out;
  }
}
