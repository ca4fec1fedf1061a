package io.levex.core.pricer.impl;

/**
 * The Black-76 formula on a forward and its analytic derivatives: the one kernel behind every option price and
 * greek in Levex.
 * <p>
 * Values are per unit of underlying in the currency of F and K, discounted with {@code df = exp(-r T)}. The price
 * is {@code df (intrinsic + time value)} where the time value {@code sqrt(F K) b(-|x|, s)} comes from
 * {@link NormalisedBlack} (no cancellation anywhere, puts computed directly, never by parity). The greeks reuse
 * the exponential and the scaled error functions of the price:
 * {@code N(d1') = exp(-d1'^2/2) erfcx(-d1'/sqrt 2) / 2} with {@code exp(-d1'^2/2) = base / u},
 * {@code base = exp(-(h^2 + t^2)/2)}, {@code u = exp(-|x|/2)}, so a price with all greeks costs one logarithm, two
 * square roots, one exponential and two or three rational functions in the common regions.
 * <p>
 * At zero total volatility ({@code T = 0} or {@code sigma = 0}) the value is the discounted intrinsic value, delta
 * is the discounted step (1 in the money, 1/2 at the money, 0 out of it, signed for puts) and the other greeks are
 * 0 except {@code dV/dt = r V} and {@code dV/dr = -T V}. Stateless.
 */
public final class Black76Formula {

  /** Index of the value in the scalar output array. */
  public static final int VALUE = 0;
  /** dV/dF. */
  public static final int DELTA = 1;
  /** d2V/dF2. */
  public static final int GAMMA = 2;
  /** dV/dsigma, per 1.00 of vol. */
  public static final int VEGA = 3;
  /** dV/dt with F fixed, per year of calendar time (minus dV/dT). */
  public static final int THETA = 4;
  /** dV/dr with F fixed, per 1.00 of rate. */
  public static final int RHO = 5;
  /** d2V/dF dsigma. */
  public static final int VANNA = 6;
  /** d2V/dsigma2. */
  public static final int VOLGA = 7;
  /** d(V/F)/dF x F = delta - V/F: the premium-adjusted (coin) delta, df (K/F) N(d2) for a call. */
  public static final int DELTA_PREMIUM_ADJUSTED = 8;
  /** d2(V/F)/dF2 = df K/F^3 [n(d2)/s - 2 N(d2)] for a call: the curvature of the coin value. */
  public static final int GAMMA_COIN = 9;
  /** Vega per vol point = dV/dsigma x this (0.01). */
  public static final double PER_VOL_POINT = 0.01;
  /** Theta per calendar day = dV/dt per year x this (1/365). */
  public static final double PER_DAY = 1.0 / 365.0;
  /** Length of the scalar output array. */
  public static final int SIZE = 10;

  private Black76Formula() {
  }

  /**
   * ln(F/K) to about one ulp of the result, also near the money: the rounding of the quotient {@code r = F/K} is
   * recovered exactly with a fused multiply-add ({@code F - r K}) and added to {@code ln r} to first order (the plain
   * {@code ln(F/K)} has an absolute error of half an ulp of 1, which is a large relative error when F is close to K).
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @return ln(F/K)
   */
  public static double logMoneyness(double forward, double strike) {
    double ratio = forward / strike;
    double remainder = Math.fma(-ratio, strike, forward);
    return Math.log(ratio) + remainder / forward;
  }

  /**
   * Discounted Black-76 price.
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @param t  time to expiry, years, >= 0
   * @param vol  sigma, decimal, >= 0
   * @param df  discount factor
   * @param call  true for a call
   * @return the price, >= 0
   */
  public static double price(double forward, double strike, double t, double vol, double df, boolean call) {
    double s = vol * Math.sqrt(t);
    if (!(s > 0)) {
      return df * Math.max(call ? forward - strike : strike - forward, 0.0);
    }
    return priceFromLogMoneyness(forward, strike, logMoneyness(forward, strike), s, df, call);
  }

  /**
   * Discounted Black-76 price from a precomputed log-moneyness and total volatility: the entry point for
   * revaluation loops that hoist {@code ln(F/K)} and {@code sqrt(T)} out of the loop (a shocked forward
   * {@code F (1 + m)} has {@code ln(F(1+m)/K) = ln(F/K) + ln(1+m)}).
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @param logMoneyness  ln(F/K), consistent with F and K
   * @param totalVol  sigma sqrt(T), >= 0
   * @param df  discount factor
   * @param call  true for a call
   * @return the price, >= 0
   */
  public static double priceFromLogMoneyness(double forward, double strike, double logMoneyness, double totalVol, double df,
      boolean call) {
    double intrinsic = Math.max(call ? forward - strike : strike - forward, 0.0);
    double s = totalVol;
    if (!(s > 0)) {
      return df * intrinsic;
    }
    double x = -Math.abs(logMoneyness);
    double h = x * (1.0 / s);
    double halfS = 0.5 * s;
    double base = NormalisedBlack.gaussianBase(x, s, h, halfS);
    double u = Math.exp(0.5 * x);
    double b;
    if (NormalisedBlack.isAsymptotic(h, halfS)) {
      b = NormalisedBlack.asymptoticExpansion(h, halfS, base);
    } else if (NormalisedBlack.isSmallT(h, halfS)) {
      b = NormalisedBlack.smallTExpansion(h, halfS, base);
    } else {
      double d1o = h + halfS;
      double e2 = NormalDistribution.erfcx(-NormalDistribution.INV_SQRT_2 * (h - halfS));
      if (d1o <= 0) {
        b = NormalisedBlack.fromScaledTails(base, NormalDistribution.erfcx(-NormalDistribution.INV_SQRT_2 * d1o), e2);
      } else {
        double invU = Math.exp(-0.5 * x);
        double tailD1o = 0.5 * base * invU * NormalDistribution.erfcx(NormalDistribution.INV_SQRT_2 * d1o);
        b = NormalisedBlack.fromCdfs(u, invU, 1.0 - tailD1o, 0.5 * base * u * e2);
      }
    }
    return df * (intrinsic + Math.max(forward, strike) * u * b);
  }

  /**
   * Price and greeks in one pass.
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @param t  time to expiry, years, >= 0
   * @param vol  sigma, decimal, >= 0
   * @param rate  continuously compounded rate r
   * @param call  true for a call
   * @return the values at the indices {@link #VALUE} ... {@link #GAMMA_COIN}
   */
  public static double[] priceAndGreeks(double forward, double strike, double t, double vol, double rate, boolean call) {
    double[] out = new double[SIZE];
    priceAndGreeks(forward, strike, t, vol, rate, call, out, 0);
    return out;
  }

  /**
   * Price and greeks in one pass, written to {@code out[offset + VALUE ... offset + GAMMA_COIN]}.
   *
   * @param forward  F > 0
   * @param strike  K > 0
   * @param t  time to expiry, years, >= 0
   * @param vol  sigma, decimal, >= 0
   * @param rate  continuously compounded rate r
   * @param call  true for a call
   * @param out  the output array
   * @param offset  where to write
   */
  public static void priceAndGreeks(double forward, double strike, double t, double vol, double rate, boolean call,
      double[] out, int offset) {
    double df = rate == 0.0 ? 1.0 : Math.exp(-rate * t);
    double intrinsic = Math.max(call ? forward - strike : strike - forward, 0.0);
    double sqrtT = Math.sqrt(t);
    double s = vol * sqrtT;
    if (!(s > 0)) {
      double value = df * intrinsic;
      double step = forward == strike ? 0.5 : (intrinsic > 0 ? 1.0 : 0.0);
      out[offset + VALUE] = value;
      out[offset + DELTA] = df * (call ? step : -step);
      out[offset + GAMMA] = 0.0;
      out[offset + VEGA] = 0.0;
      out[offset + THETA] = rate * value;
      out[offset + RHO] = -t * value;
      out[offset + VANNA] = 0.0;
      out[offset + VOLGA] = 0.0;
      // coin value V/F = df max(1 - K/F, 0) (call): its slope x F and its curvature away from the money
      double kOverF = strike / forward;
      double itm = intrinsic > 0 ? 1.0 : 0.0;
      out[offset + DELTA_PREMIUM_ADJUSTED] = df * kOverF * (call ? step : -step);
      out[offset + GAMMA_COIN] = df * itm * (call ? -2.0 : 2.0) * kOverF / (forward * forward);
      return;
    }
    double lm = logMoneyness(forward, strike);
    double x = -Math.abs(lm);
    double invS = 1.0 / s;
    double h = x * invS;
    double halfS = 0.5 * s;
    double base = NormalisedBlack.gaussianBase(x, s, h, halfS);
    // out-of-the-money orientation: u = exp(x/2) <= 1, d1' = h + s/2, d2' = h - s/2 < 0; the four normal
    // probabilities from two scaled tails: N(d) = exp(-d^2/2) erfcx(-d/sqrt 2) / 2, exp(-d1'^2/2) = base / u
    double u = Math.exp(0.5 * x);
    double invU = Math.exp(-0.5 * x);
    double d1o = h + halfS;
    double e2 = NormalDistribution.erfcx(-NormalDistribution.INV_SQRT_2 * (h - halfS));
    double cdfD2o = 0.5 * base * u * e2;
    double cdfD1o;
    double tailD1o;
    double b;
    if (d1o <= 0) {
      double e1 = NormalDistribution.erfcx(-NormalDistribution.INV_SQRT_2 * d1o);
      cdfD1o = 0.5 * base * invU * e1;
      tailD1o = 1.0 - cdfD1o;
      b = NormalisedBlack.fromScaledTails(base, e1, e2);
    } else {
      tailD1o = 0.5 * base * invU * NormalDistribution.erfcx(NormalDistribution.INV_SQRT_2 * d1o);
      cdfD1o = 1.0 - tailD1o;
      b = NormalisedBlack.fromCdfs(u, invU, cdfD1o, cdfD2o);
    }
    if (NormalisedBlack.isAsymptotic(h, halfS)) {
      b = NormalisedBlack.asymptoticExpansion(h, halfS, base);
    } else if (NormalisedBlack.isSmallT(h, halfS)) {
      b = NormalisedBlack.smallTExpansion(h, halfS, base);
    }
    double value = df * (intrinsic + Math.max(forward, strike) * u * b);
    // N(d1), N(-d1), N(d2), N(-d2) of the original d1 = ln(F/K)/s + s/2 and d2 = d1 - s
    boolean belowForward = lm <= 0;
    double cdfD1 = belowForward ? cdfD1o : 1.0 - cdfD2o;
    double cdfMinusD1 = belowForward ? tailD1o : cdfD2o;
    double cdfD2 = belowForward ? cdfD2o : tailD1o;
    double cdfMinusD2 = belowForward ? 1.0 - cdfD2o : cdfD1o;
    double d1 = lm * invS + halfS;
    double d2 = d1 - s;
    double nd1 = NormalDistribution.INV_SQRT_2PI * base * (belowForward ? invU : u);
    double nd2 = NormalDistribution.INV_SQRT_2PI * base * (belowForward ? u : invU);
    double dfNd1 = df * nd1;
    double vega = dfNd1 * forward * sqrtT;
    double invVol = sqrtT * invS;
    double invF = 1.0 / forward;
    double kOverF = strike * invF;
    out[offset + VALUE] = value;
    out[offset + DELTA] = df * (call ? cdfD1 : -cdfMinusD1);
    out[offset + GAMMA] = dfNd1 * invF * invS;
    out[offset + VEGA] = vega;
    out[offset + THETA] = rate * value - 0.5 * dfNd1 * forward * vol * (vol * invS);
    out[offset + RHO] = -t * value;
    out[offset + VANNA] = -dfNd1 * d2 * invVol;
    out[offset + VOLGA] = vega * d1 * d2 * invVol;
    out[offset + DELTA_PREMIUM_ADJUSTED] = df * kOverF * (call ? cdfD2 : -cdfMinusD2);
    out[offset + GAMMA_COIN] = df * kOverF * invF * invF * (nd2 * invS + (call ? -2.0 * cdfD2 : 2.0 * cdfMinusD2));
  }
}
