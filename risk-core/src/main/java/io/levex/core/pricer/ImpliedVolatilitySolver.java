package io.levex.core.pricer;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.impl.Black76Formula;
import io.levex.core.pricer.impl.LetsBeRational;
import io.levex.core.pricer.impl.LetsBeRationalVector;

/**
 * Black-76 implied volatility by Jäckel's "Let's Be Rational": machine precision (about 1e-14 relative or
 * better on well-posed inputs) in two Householder(3) steps after a rational initial guess.
 * <p>
 * The discounted intrinsic value is subtracted from the price exactly (the rounding errors of {@code F - K} and of
 * the discount factor are carried as second terms, so deep in-the-money prices keep their time value), the time
 * value is undiscounted, and the out-of-the-money normalised time value is inverted. Fails explicitly, never with a
 * wrong number: a price below the intrinsic value, with no time value, or at or above the upper bound (discounted F
 * for a call, K for a put) yields an {@link ImpliedVolFailure}. Stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class ImpliedVolatilitySolver {

  /** Default instance. */
  public static final ImpliedVolatilitySolver DEFAULT = new ImpliedVolatilitySolver();

  /** Batch status code of a success. */
  public static final byte OK = 0;

  /**
   * Whether {@link #impliedVols} runs on the SIMD solver: when the {@code jdk.incubator.vector} module is present
   * (the JVM runs with {@code --add-modules jdk.incubator.vector}) and {@code -Dlevex.pricer.scalar=true} is not set.
   */
  public static final boolean VECTORIZED = Black76BatchPricer.VECTORIZED;

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
   * @param priceUsd  the discounted option price in USD, >= 0
   * @return the implied vol, decimal
   * @throws InvalidInputException INVALID_ARGUMENT for bad inputs, FAILED_PRECONDITION when no vol exists
   */
  public double impliedVol(boolean call, double forward, double strike, double t, double rate, double priceUsd) {
    Checks.positive("forward_usd", forward);
    Checks.positive("strike_usd", strike);
    Checks.positive("time_to_expiry_years", t);
    Checks.finite("rate", rate);
    Checks.nonNegative("price_usd", priceUsd);
    double vol = solve(call, forward, strike, t, rate, priceUsd);
    if (vol >= 0) {
      return vol;
    }
    ImpliedVolFailure failure = ImpliedVolFailure.ofCode((byte) -vol);
    double df = Math.exp(-rate * t);
    String price = Checks.format(priceUsd);
    throw switch (failure) {
      case BELOW_INTRINSIC -> InvalidInputException.failedPrecondition("price_usd", price,
          "is below the discounted intrinsic value " + Checks.format(df * intrinsic(call, forward, strike))
              + ": no implied volatility exists");
      case NO_TIME_VALUE -> InvalidInputException.failedPrecondition("price_usd", price,
          "has no time value (intrinsic " + Checks.format(df * intrinsic(call, forward, strike))
              + "): no implied volatility exists");
      case ABOVE_UPPER_BOUND -> InvalidInputException.failedPrecondition("price_usd", price,
          "is at or above the no-arbitrage bound " + Checks.format(df * (call ? forward : strike))
              + ": no implied volatility exists");
      case INVALID_INPUT -> InvalidInputException.invalid("price_usd", price, "is not a valid option price");
    };
  }

  /**
   * Solves a batch without allocating: writes the vol (decimal) or NaN, and a status code ({@link #OK}, or
   * {@link ImpliedVolFailure#code()}) per item. Inputs are not validated beyond what the status reports. On the SIMD
   * solver when {@link #VECTORIZED} (the same algorithm on lanes: the vols agree with {@link #impliedVolsScalar} to a
   * few ulps, the statuses exactly).
   *
   * @param call  true for calls
   * @param forward  F, USD per coin
   * @param strike  K, USD per coin
   * @param t  time to expiry, 365-day years
   * @param rate  continuously compounded rate; null for 0
   * @param priceUsd  discounted prices, USD
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param volOut  the implied vols, NaN on failure
   * @param statusOut  the status codes
   */
  public void impliedVols(boolean[] call, double[] forward, double[] strike, double[] t, double[] rate,
      double[] priceUsd, int from, int to, double[] volOut, byte[] statusOut) {
    if (VECTORIZED) {
      VectorPath.impliedVols(call, forward, strike, t, rate, priceUsd, from, to, volOut, statusOut);
      return;
    }
    impliedVolsScalar(call, forward, strike, t, rate, priceUsd, from, to, volOut, statusOut);
  }

  /**
   * {@link #impliedVols} with the scalar solver whatever the JVM supports (for comparisons and tests).
   *
   * @param call  true for calls
   * @param forward  F, USD per coin
   * @param strike  K, USD per coin
   * @param t  time to expiry, 365-day years
   * @param rate  continuously compounded rate; null for 0
   * @param priceUsd  discounted prices, USD
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param volOut  the implied vols, NaN on failure
   * @param statusOut  the status codes
   */
  public void impliedVolsScalar(boolean[] call, double[] forward, double[] strike, double[] t, double[] rate,
      double[] priceUsd, int from, int to, double[] volOut, byte[] statusOut) {
    for (int i = from; i < to; i++) {
      store(solve(call[i], forward[i], strike[i], t[i], rate == null ? 0.0 : rate[i], priceUsd[i]), i, volOut,
          statusOut);
    }
  }

  private static void store(double vol, int i, double[] volOut, byte[] statusOut) {
    if (vol >= 0) {
      volOut[i] = vol;
      statusOut[i] = OK;
    } else {
      volOut[i] = Double.NaN;
      statusOut[i] = (byte) -vol;
    }
  }

  /**
   * The kernel: the vol, or minus a failure code.
   */
  private static double solve(boolean call, double forward, double strike, double t, double rate, double priceUsd) {
    double beta = normalisedTimeValue(call, forward, strike, t, rate, priceUsd);
    if (beta < 0) {
      return beta;
    }
    double x = -Math.abs(Black76Formula.logMoneyness(forward, strike));
    double s = LetsBeRational.totalVolatility(beta, x, LetsBeRational.ITERATIONS);
    if (s == LetsBeRational.ABOVE_MAXIMUM) {
      return -ImpliedVolFailure.ABOVE_UPPER_BOUND.code();
    }
    if (!(s > 0) || s == LetsBeRational.BELOW_INTRINSIC) {
      return -ImpliedVolFailure.NO_TIME_VALUE.code();
    }
    return s / Math.sqrt(t);
  }

  /**
   * The input checks and the normalised, undiscounted out-of-the-money time value {@code beta} (>= the smallest
   * normal double), or minus a failure code; shared by the scalar and the SIMD paths so that their failures agree.
   */
  private static double normalisedTimeValue(boolean call, double forward, double strike, double t, double rate,
      double priceUsd) {
    if (!(forward > 0 && forward < Double.POSITIVE_INFINITY && strike > 0 && strike < Double.POSITIVE_INFINITY
        && t > 0 && t < Double.POSITIVE_INFINITY && priceUsd >= 0 && priceUsd < Double.POSITIVE_INFINITY
        && Double.isFinite(rate))) {
      return -ImpliedVolFailure.INVALID_INPUT.code();
    }
    // intrinsic = hi + lo exactly (Knuth's two-sum of F and -K); the time value is taken on the discounted price,
    // df (hi + lo) = (hi + lo) + (df - 1)(hi + lo) with df - 1 = expm1(-r t), so that the subtraction is exact
    // where it matters (deep in the money) and only the small time value is then undiscounted
    double hi;
    double lo;
    boolean inTheMoney = call ? forward > strike : strike > forward;
    if (inTheMoney) {
      double a = call ? forward : strike;
      double b = call ? -strike : -forward;
      hi = a + b;
      double bVirtual = hi - a;
      lo = (a - (hi - bVirtual)) + (b - bVirtual);
    } else {
      hi = 0.0;
      lo = 0.0;
    }
    double dfMinusOne = rate == 0.0 ? 0.0 : Math.expm1(-rate * t);
    double df = 1.0 + dfMinusOne;
    if (priceUsd >= df * (call ? forward : strike)) {
      return -ImpliedVolFailure.ABOVE_UPPER_BOUND.code();
    }
    double discountedTimeValue = (((priceUsd - hi) - lo) - dfMinusOne * hi) - dfMinusOne * lo;
    if (discountedTimeValue < 0) {
      return -ImpliedVolFailure.BELOW_INTRINSIC.code();
    }
    double timeValue = rate == 0.0 ? discountedTimeValue : discountedTimeValue / df;
    if (!(timeValue > 0)) {
      return -ImpliedVolFailure.NO_TIME_VALUE.code();
    }
    double beta = timeValue / Math.sqrt(forward * strike);
    if (!(beta >= Double.MIN_NORMAL)) {
      return -ImpliedVolFailure.NO_TIME_VALUE.code();
    }
    return beta;
  }

  private static double intrinsic(boolean call, double forward, double strike) {
    return Math.max(call ? forward - strike : strike - forward, 0.0);
  }

  // isolates the linkage to jdk.incubator.vector: this class is loaded only when VECTORIZED is true. Items are taken
  // in chunks of whole vectors: checked and normalised on lanes (a lane whose status is within a few ulps of a bound
  // is decided by the scalar checks, so that the statuses are the scalar code's), solved on lanes, and the lanes the
  // SIMD solver hands back (NaN) solved again by the scalar kernel; the last items (fewer than a vector) by the
  // scalar kernel.
  private static final class VectorPath {
    private static final ThreadLocal<LetsBeRationalVector.Scratch> SCRATCH =
        ThreadLocal.withInitial(LetsBeRationalVector.Scratch::new);

    static void impliedVols(boolean[] call, double[] forward, double[] strike, double[] t, double[] rate,
        double[] priceUsd, int from, int to, double[] volOut, byte[] statusOut) {
      LetsBeRationalVector.Scratch sc = SCRATCH.get();
      int lanes = LetsBeRationalVector.LANES;
      double[] callSign = sc.callSign;
      double[] code = sc.code;
      double[] s = sc.s;
      int c = from;
      while (to - c >= lanes) {
        int n = Math.min(LetsBeRationalVector.CHUNK, (to - c) / lanes * lanes);
        for (int j = 0; j < n; j++) {
          callSign[j] = call[c + j] ? 1.0 : -1.0;
        }
        if (LetsBeRationalVector.normalise(forward, strike, t, rate, priceUsd, c, n, sc)) {
          for (int j = 0; j < n; j++) {
            if (code[j] == LetsBeRationalVector.RECHECK) {
              recheck(call, forward, strike, t, rate, priceUsd, c + j, j, sc);
            }
          }
        }
        LetsBeRationalVector.totalVolatilities(sc, n);
        LetsBeRationalVector.vols(t, c, n, volOut, sc);
        for (int j = 0; j < n; j++) {
          int i = c + j;
          double status = code[j];
          if (status != LetsBeRationalVector.PENDING) {
            statusOut[i] = (byte) status;
          } else if (s[j] == s[j]) {
            statusOut[i] = OK;
          } else {
            store(solve(call[i], forward[i], strike[i], t[i], rate == null ? 0.0 : rate[i], priceUsd[i]), i, volOut,
                statusOut);
          }
        }
        c += n;
      }
      DEFAULT.impliedVolsScalar(call, forward, strike, t, rate, priceUsd, c, to, volOut, statusOut);
    }

    // the scalar checks and normalisation of item i into lane j
    private static void recheck(boolean[] call, double[] forward, double[] strike, double[] t, double[] rate,
        double[] priceUsd, int i, int j, LetsBeRationalVector.Scratch sc) {
      double f = forward[i];
      double k = strike[i];
      double beta = normalisedTimeValue(call[i], f, k, t[i], rate == null ? 0.0 : rate[i], priceUsd[i]);
      if (beta > 0) {
        double x = -Math.abs(Black76Formula.logMoneyness(f, k));
        double bMax = Math.exp(0.5 * x);
        if (beta < bMax) {
          sc.x[j] = x;
          sc.beta[j] = beta;
          sc.bMax[j] = bMax;
          sc.code[j] = LetsBeRationalVector.PENDING;
          return;
        }
        beta = -ImpliedVolFailure.ABOVE_UPPER_BOUND.code();
      }
      sc.code[j] = -beta;
    }
  }
}
