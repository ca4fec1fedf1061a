package io.levex.core.market.surface;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.impl.NormalDistribution;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * One expiry of a volatility surface: the forward, the fitted SVI parameters and the quotes they were fitted to.
 * <p>
 * Log-moneyness is {@code k = ln(K/F)} at this slice's forward; total variance {@code w(k) = vol(k)^2 T} in
 * years x vol^2. Immutable and thread-safe.
 *
 * @param expiry  the expiry instant
 * @param timeToExpiry  T, 365-day years, > 0
 * @param forwardUsd  the forward F for the expiry, USD per coin, > 0
 * @param parameters  the raw SVI parameters
 * @param quotes  the quotes fitted, by strike (empty for a slice given by its parameters alone)
 * @param rmsVolError  RMS of (fitted - market) vol over the quotes, unweighted, vol decimal; 0 without quotes
 */
public record SviSlice(
    Instant expiry, double timeToExpiry, double forwardUsd, SviParameters parameters, List<SliceQuote> quotes, double rmsVolError) {


  /** Validates the components. */
  public SviSlice {
    Objects.requireNonNull(expiry, "expiry");
    Checks.positive("time_to_expiry_years", timeToExpiry);
    Checks.positive("forward_usd", forwardUsd);
    Objects.requireNonNull(parameters, "parameters");
    quotes = List.copyOf(quotes);
    Checks.nonNegative("rms_vol_error", rmsVolError);
  }

  /**
   * Obtains a slice from its parameters alone (no quotes).
   *
   * @param expiry  the expiry instant
   * @param timeToExpiry  T, 365-day years, > 0
   * @param forwardUsd  the forward, USD per coin, > 0
   * @param parameters  the SVI parameters
   * @return the slice
   */
  public static SviSlice of(Instant expiry, double timeToExpiry, double forwardUsd, SviParameters parameters) {
    return new SviSlice(expiry, timeToExpiry, forwardUsd, parameters, List.of(), 0.0);
  }

  //-------------------------------------------------------------------------
  /**
   * Computes the log-moneyness of a strike.
   *
   * @param strikeUsd  K, USD per coin, > 0
   * @return ln(K/F)
   */
  public double logMoneyness(double strikeUsd) {
    Checks.positive("strike_usd", strikeUsd);
    return Math.log(strikeUsd / forwardUsd);
  }

  /**
   * Computes the total implied variance at a log-moneyness.
   *
   * @param k  ln(K/F)
   * @return w(k), years x vol^2
   */
  public double totalVarianceAtLogMoneyness(double k) {
    return parameters.totalVariance(k);
  }

  /**
   * Computes the implied vol at a log-moneyness.
   *
   * @param k  ln(K/F)
   * @return sqrt(w(k)/T), vol decimal
   */
  public double impliedVolAtLogMoneyness(double k) {
    return Math.sqrt(parameters.totalVariance(k) / timeToExpiry);
  }

  /**
   * Computes the implied vol at a strike.
   *
   * @param strikeUsd  K, USD per coin, > 0
   * @return the vol, decimal
   */
  public double impliedVol(double strikeUsd) {
    return impliedVolAtLogMoneyness(logMoneyness(strikeUsd));
  }

  /**
   * Gets the ATM vol, at the forward (k = 0).
   *
   * @return sqrt(w(0)/T), vol decimal
   */
  public double atmVol() {
    return impliedVolAtLogMoneyness(0.0);
  }

  /**
   * Gets the largest fit error over the quotes.
   *
   * @return max |fitted - market| vol, decimal; 0 without quotes
   */
  public double maxAbsVolError() {
    double max = 0;
    for (SliceQuote q : quotes) {
      max = Math.max(max, Math.abs(q.volError()));
    }
    return max;
  }

  //-------------------------------------------------------------------------
  /**
   * Solves the delta pillars of the smile.
   * <p>
   * The call strike solves {@code N(d1(k)) = delta}, the put strike {@code N(d1(k)) - 1 = -delta}, with
   * {@code d1 = (-k + w(k)/2) / sqrt(w(k))} (Black-76 forward delta at r = 0 with the smile's own vol at that
   * strike, Deribit's convention). The root nearest the forward is taken: a bracket is grown outward from
   * k = 0, then commons-math3 {@link BrentSolver} solves to 1e-12 in k.
   *
   * @param delta  the absolute delta, in (0, 0.5], e.g. 0.25
   * @return the pillars
   * @throws InvalidInputException INVALID_ARGUMENT for a delta outside (0, 0.5]; FAILED_PRECONDITION when the
   *     smile has no such strike (wings steeper than Lee's bound)
   */
  public DeltaSmile deltaSmile(double delta) {
    Checks.finite("delta", delta);
    if (!(delta > 0 && delta <= 0.5)) {
      throw InvalidInputException.invalid("delta", Checks.format(delta), "must lie in (0, 0.5]");
    }
    double kCall = solveForwardDelta(delta);
    double kPut = solveForwardDelta(1.0 - delta);
    return new DeltaSmile(expiry, timeToExpiry, forwardUsd, delta, atmVol(),
        forwardUsd * Math.exp(kCall), impliedVolAtLogMoneyness(kCall),
        forwardUsd * Math.exp(kPut), impliedVolAtLogMoneyness(kPut));
  }

  /**
   * Gets the 25-delta risk reversal, vol(25d call) - vol(25d put).
   *
   * @return the risk reversal, vol decimal
   */
  public double riskReversal25() {
    return deltaSmile(0.25).riskReversal();
  }

  /**
   * Gets the 25-delta butterfly, (vol(25d call) + vol(25d put))/2 - ATM vol.
   *
   * @return the butterfly, vol decimal
   */
  public double butterfly25() {
    return deltaSmile(0.25).butterfly();
  }

  /** Solves N(d1(k)) = target for k, nearest k = 0. */
  private double solveForwardDelta(double target) {
    UnivariateFunction f = k -> {
      double w = parameters.totalVariance(k);
      double sq = Math.sqrt(w);
      double d1 = (-k + 0.5 * w) / sq;
      return NormalDistribution.cdf(d1) - target;
    };
    double f0 = f.value(0.0);
    if (f0 == 0.0) {
      return 0.0;
    }
    double step = Math.max(Math.sqrt(parameters.totalVariance(0.0)), 1e-4);
    double near = 0.0;
    double far = f0 > 0 ? step : -step;
    int expansions = 0;
    while (Math.signum(f.value(far)) == Math.signum(f0)) {
      if (++expansions > 60 || Math.abs(far) > 50) {
        throw InvalidInputException.failedPrecondition("delta", Checks.format(target),
            "(as N(d1)) has no strike on the " + expiry + " smile (its wings are too steep)");
      }
      near = far;
      step *= 2.0;
      far += f0 > 0 ? step : -step;
    }
    try {
      return new BrentSolver(1e-12).solve(200, f, Math.min(near, far), Math.max(near, far));
    } catch (MathIllegalStateException ex) {
      throw InvalidInputException.failedPrecondition("delta", Checks.format(target),
          "could not be solved on the " + expiry + " smile: " + ex.getMessage());
    }
  }
}
