package io.levex.bench;

import com.opengamma.strata.basics.value.ValueDerivatives;
import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import io.levex.core.pricer.Black76BatchPricer;
import io.levex.core.pricer.Black76OptionPricer;
import io.levex.core.pricer.Black76Results;
import io.levex.core.pricer.Greeks;
import net.finmath.functions.AnalyticFormulas;

/**
 * The subjects of B1 PriceGreeks: each computes, for options {@code from..to}, the discounted Black-76 price, delta,
 * gamma, vega and theta and writes them into {@link Black76Results} in Levex units (USD; vega per vol point, theta
 * dV/dt with F fixed per calendar day), so that every subject produces the same five numbers and the accuracy gate
 * compares like with like. Levex's batch pricer writes its ten measures directly; the peers' unit conversions (a
 * discount factor, one multiplication per greek) are part of what they are timed for.
 * <p>
 * Peer conventions (both undiscounted, on the forward): Strata's {@code vega} is dV/dsigma per 1.00 of vol, its
 * {@code driftlessTheta} is -dV/dT of the undiscounted price, and {@code priceAdjoint} returns derivatives [dF, dK,
 * dT, dsigma]; finmath's {@code AnalyticFormulas.blackScholesOption*} with r = 0 and the forward as spot are the
 * undiscounted Black-76 call measures (put price by parity inside finmath, put delta = call delta - 1; in 6.0.28
 * theta is -dV/dT, like Strata's driftless theta, as the gate checks).
 * The Levex theta of the discounted price is {@code df theta_undiscounted + r V}.
 */
public enum PriceGreeksSubject {

  /**
   * {@code Black76BatchPricer.priceAndGreeks}: the zero-allocation structure-of-arrays batch (ten measures), on the
   * SIMD kernel when the fork runs with {@code --add-modules jdk.incubator.vector} (the benchmark's forks do).
   */
  LEVEX_BATCH("levexBatch") {
    @Override
    void run(OptionInputs in, int from, int to, Black76Results out) {
      Black76BatchPricer.DEFAULT.priceAndGreeks(in.call, in.forward, in.strike, in.t, in.vol, in.rate, from, to, out);
    }
  },
  /** {@code Black76BatchPricer.priceAndGreeksScalar}: the same batch on the scalar kernel. */
  LEVEX_BATCH_SCALAR("levexBatchScalar") {
    @Override
    void run(OptionInputs in, int from, int to, Black76Results out) {
      Black76BatchPricer.DEFAULT.priceAndGreeksScalar(in.call, in.forward, in.strike, in.t, in.vol, in.rate, from, to, out);
    }
  },
  /** {@code Black76OptionPricer.priceUsd} + {@code greeks} per option (the scalar API has no price-with-greeks call). */
  LEVEX_SCALAR("levexScalar") {
    @Override
    void run(OptionInputs in, int from, int to, Black76Results out) {
      Black76OptionPricer pricer = Black76OptionPricer.DEFAULT;
      for (int i = from; i < to; i++) {
        boolean call = in.call[i];
        double f = in.forward[i];
        double k = in.strike[i];
        double t = in.t[i];
        double vol = in.vol[i];
        double r = in.rate[i];
        Greeks g = pricer.greeks(call, f, k, t, vol, r);
        out.priceUsd[i] = pricer.priceUsd(call, f, k, t, vol, r);
        out.delta[i] = g.delta();
        out.gammaPerUsd[i] = g.gammaPerUsd();
        out.vegaUsdPerVolPoint[i] = g.vegaUsdPerVolPoint();
        out.thetaUsdPerDay[i] = g.thetaUsdPerDay();
      }
    }
  },
  /** Strata {@code BlackFormulaRepository}: price, delta, gamma, vega, driftlessTheta (five calls). */
  STRATA_5CALLS("strata5calls") {
    @Override
    void run(OptionInputs in, int from, int to, Black76Results out) {
      for (int i = from; i < to; i++) {
        boolean call = in.call[i];
        double f = in.forward[i];
        double k = in.strike[i];
        double t = in.t[i];
        double vol = in.vol[i];
        double r = in.rate[i];
        double df = Math.exp(-r * t);
        double price = BlackFormulaRepository.price(f, k, t, vol, call);
        double delta = BlackFormulaRepository.delta(f, k, t, vol, call);
        double gamma = BlackFormulaRepository.gamma(f, k, t, vol);
        double vega = BlackFormulaRepository.vega(f, k, t, vol);
        double theta = BlackFormulaRepository.driftlessTheta(f, k, t, vol);
        store(out, i, df, r, price, delta, gamma, vega, theta);
      }
    }
  },
  /** Strata {@code priceAdjoint} (price and [dF, dK, dT, dsigma]) + {@code gamma}. */
  STRATA_ADJOINT("strataAdjoint") {
    @Override
    void run(OptionInputs in, int from, int to, Black76Results out) {
      for (int i = from; i < to; i++) {
        boolean call = in.call[i];
        double f = in.forward[i];
        double k = in.strike[i];
        double t = in.t[i];
        double vol = in.vol[i];
        double r = in.rate[i];
        double df = Math.exp(-r * t);
        ValueDerivatives v = BlackFormulaRepository.priceAdjoint(f, k, t, vol, call);
        double gamma = BlackFormulaRepository.gamma(f, k, t, vol);
        store(out, i, df, r, v.getValue(), v.getDerivative(0), gamma, v.getDerivative(3), -v.getDerivative(2));
      }
    }
  },
  /** finmath-lib {@code AnalyticFormulas}: value (isCall), delta, gamma, vega, theta with r = 0, forward as spot. */
  FINMATH("finmath") {
    @Override
    void run(OptionInputs in, int from, int to, Black76Results out) {
      for (int i = from; i < to; i++) {
        boolean call = in.call[i];
        double f = in.forward[i];
        double k = in.strike[i];
        double t = in.t[i];
        double vol = in.vol[i];
        double r = in.rate[i];
        double df = Math.exp(-r * t);
        double price = AnalyticFormulas.blackScholesOptionValue(f, 0.0, vol, t, k, call);
        double callDelta = AnalyticFormulas.blackScholesOptionDelta(f, 0.0, vol, t, k);
        double gamma = AnalyticFormulas.blackScholesOptionGamma(f, 0.0, vol, t, k);
        double vega = AnalyticFormulas.blackScholesOptionVega(f, 0.0, vol, t, k);
        double theta = AnalyticFormulas.blackScholesOptionTheta(f, 0.0, vol, t, k);
        store(out, i, df, r, price, call ? callDelta : callDelta - 1.0, gamma, vega, theta);
      }
    }
  };

  private final String id;

  PriceGreeksSubject(String id) {
    this.id = id;
  }

  /**
   * The name used as JMH parameter value.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Finds a subject by id.
   *
   * @param id  e.g. "levexBatch"
   * @return the subject
   */
  public static PriceGreeksSubject of(String id) {
    for (PriceGreeksSubject s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown B1 subject: " + id);
  }

  /**
   * Whether this is a Levex subject (held to the strict accuracy gate).
   *
   * @return true for Levex
   */
  public boolean isLevex() {
    return this == LEVEX_BATCH || this == LEVEX_BATCH_SCALAR || this == LEVEX_SCALAR;
  }

  /**
   * Computes price, delta, gamma, vega and theta of options {@code from..to} into {@code out} (Levex units).
   *
   * @param in  the inputs
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param out  the results (only the five B1 measures are defined for peers)
   */
  abstract void run(OptionInputs in, int from, int to, Black76Results out);

  /**
   * Public entry of {@link #run}.
   *
   * @param in  the inputs
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param out  the results
   */
  public void compute(OptionInputs in, int from, int to, Black76Results out) {
    run(in, from, to, out);
  }

  private static final double PER_VOL_POINT = 0.01;
  private static final double PER_DAY = 1.0 / InputSet.DAYS_PER_YEAR;

  // undiscounted peer measures (vega per 1.00 vol, theta = -dV/dT) -> discounted Levex units
  static void store(Black76Results out, int i, double df, double r, double price, double delta, double gamma,
      double vega, double theta) {
    double v = df * price;
    out.priceUsd[i] = v;
    out.delta[i] = df * delta;
    out.gammaPerUsd[i] = df * gamma;
    out.vegaUsdPerVolPoint[i] = df * vega * PER_VOL_POINT;
    out.thetaUsdPerDay[i] = (df * theta + r * v) * PER_DAY;
  }
}
