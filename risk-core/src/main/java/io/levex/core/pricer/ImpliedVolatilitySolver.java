package io.levex.core.pricer;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.impl.Black76Formula;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.exception.NoBracketingException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

/**
 * Black-76 implied volatility by bracketing root finding (commons-math3 Brent solver of order 5).
 * <p>
 * Fails explicitly, never with a wrong number: a price at or below the discounted intrinsic value (no time
 * value) or at or above the no-arbitrage upper bound (discounted F for a call, K for a put) throws
 * FAILED_PRECONDITION. Accurate to about 1e-12 in vol; Jäckel's "Let's Be Rational" is the reference method
 * the pricing issue replaces it with. Stateless and thread-safe.
 */
public final class ImpliedVolatilitySolver {

  /** Default instance. */
  public static final ImpliedVolatilitySolver DEFAULT = new ImpliedVolatilitySolver();

  private static final double MIN_VOL = 1e-6;
  private static final double MAX_VOL = 10.0;
  private static final int MAX_EVALUATIONS = 500;

  private ImpliedVolatilitySolver() {
  }

  /**
   * Solves for the implied vol of a USD price.
   *
   * @param call  true for a call
   * @param forward  F, USD per coin, > 0
   * @param strike  K, USD per coin, > 0
   * @param t  time to expiry, 365-day years, > 0
   * @param rate  continuously compounded rate
   * @param priceUsd  the option price in USD
   * @return the implied vol, decimal
   */
  public double impliedVol(boolean call, double forward, double strike, double t, double rate, double priceUsd) {
    Checks.positive("forward_usd", forward);
    Checks.positive("strike_usd", strike);
    Checks.positive("time_to_expiry_years", t);
    Checks.finite("rate", rate);
    Checks.nonNegative("price_usd", priceUsd);
    double df = Math.exp(-rate * t);
    double intrinsic = df * Math.max(call ? forward - strike : strike - forward, 0.0);
    double upper = df * (call ? forward : strike);
    if (priceUsd <= intrinsic) {
      throw InvalidInputException.failedPrecondition("price_usd", Checks.format(priceUsd),
          "has no time value (intrinsic " + Checks.format(intrinsic) + "): no implied volatility exists");
    }
    if (priceUsd >= upper) {
      throw InvalidInputException.failedPrecondition("price_usd", Checks.format(priceUsd),
          "is at or above the no-arbitrage bound " + Checks.format(upper) + ": no implied volatility exists");
    }
    double low = Black76Formula.price(forward, strike, t, MIN_VOL, df, call) - priceUsd;
    double high = Black76Formula.price(forward, strike, t, MAX_VOL, df, call) - priceUsd;
    if (low > 0 || high < 0) {
      throw InvalidInputException.failedPrecondition("price_usd", Checks.format(priceUsd),
          "implies a volatility outside [" + MIN_VOL + ", " + MAX_VOL + "]");
    }
    BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15, 1e-16, 1e-300, 5);
    try {
      return solver.solve(MAX_EVALUATIONS, v -> Black76Formula.price(forward, strike, t, v, df, call) - priceUsd, MIN_VOL, MAX_VOL);
    } catch (NoBracketingException | TooManyEvaluationsException ex) {
      throw InvalidInputException.failedPrecondition("price_usd", Checks.format(priceUsd),
          "did not converge to an implied volatility: " + ex.getMessage());
    }
  }
}
