package io.levex.bench;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import net.finmath.functions.AnalyticFormulas;

/**
 * The subjects of B2 ImpliedVol: each solves the Black-76 implied vol of discounted USD prices {@code from..to},
 * writing the vol into {@code volOut} and a status into {@code statusOut}: {@link #RETURNED} when the subject
 * returned a number, {@link #FLAGGED} when it signalled a failure (a Levex failure status or exception, a Strata
 * exception, or a NaN / infinite result). Whether a returned number is right is the accuracy gate's business.
 * <p>
 * Peer conventions: Strata's {@code impliedVolatility(price, F, K, T, isCall)} takes the undiscounted price; finmath's
 * {@code blackScholesOptionImpliedVolatility(F, T, K, payoffUnit, value)} takes the discounted call value, so puts
 * are converted to calls by parity ({@code C = P + df (F - K)}), the only way to use it for puts.
 */
public enum ImpliedVolSubject {

  /**
   * {@code ImpliedVolatilitySolver.impliedVols}: the zero-allocation batch with status codes, on the SIMD solver when
   * the fork runs with {@code --add-modules jdk.incubator.vector} (the benchmark's forks do).
   */
  LEVEX_BATCH("levexBatch") {
    @Override
    void run(OptionInputs in, double[] price, int from, int to, double[] volOut, byte[] statusOut) {
      ImpliedVolatilitySolver.DEFAULT.impliedVols(in.call, in.forward, in.strike, in.t, in.rate, price, from, to,
          volOut, statusOut);
      flag(statusOut, from, to);
    }
  },
  /** {@code ImpliedVolatilitySolver.impliedVolsScalar}: the same batch on the scalar solver. */
  LEVEX_BATCH_SCALAR("levexBatchScalar") {
    @Override
    void run(OptionInputs in, double[] price, int from, int to, double[] volOut, byte[] statusOut) {
      ImpliedVolatilitySolver.DEFAULT.impliedVolsScalar(in.call, in.forward, in.strike, in.t, in.rate, price, from, to,
          volOut, statusOut);
      flag(statusOut, from, to);
    }
  },
  /** {@code ImpliedVolatilitySolver.impliedVol} per option (validates, throws InvalidInputException on failure). */
  LEVEX_SCALAR("levexScalar") {
    @Override
    void run(OptionInputs in, double[] price, int from, int to, double[] volOut, byte[] statusOut) {
      ImpliedVolatilitySolver solver = ImpliedVolatilitySolver.DEFAULT;
      for (int i = from; i < to; i++) {
        try {
          volOut[i] = solver.impliedVol(in.call[i], in.forward[i], in.strike[i], in.t[i], in.rate[i], price[i]);
          statusOut[i] = RETURNED;
        } catch (InvalidInputException ex) {
          volOut[i] = Double.NaN;
          statusOut[i] = FLAGGED;
        }
      }
    }
  },
  /** Strata {@code BlackFormulaRepository.impliedVolatility(price / df, F, K, T, isCall)}. */
  STRATA("strata") {
    @Override
    void run(OptionInputs in, double[] price, int from, int to, double[] volOut, byte[] statusOut) {
      for (int i = from; i < to; i++) {
        double t = in.t[i];
        double df = Math.exp(-in.rate[i] * t);
        try {
          double v = BlackFormulaRepository.impliedVolatility(price[i] / df, in.forward[i], in.strike[i], t, in.call[i]);
          setResult(volOut, statusOut, i, v);
        } catch (RuntimeException ex) {
          volOut[i] = Double.NaN;
          statusOut[i] = FLAGGED;
        }
      }
    }
  },
  /** finmath-lib {@code AnalyticFormulas.blackScholesOptionImpliedVolatility} (calls; puts via parity). */
  FINMATH("finmath") {
    @Override
    void run(OptionInputs in, double[] price, int from, int to, double[] volOut, byte[] statusOut) {
      for (int i = from; i < to; i++) {
        double f = in.forward[i];
        double k = in.strike[i];
        double t = in.t[i];
        double df = Math.exp(-in.rate[i] * t);
        double callValue = in.call[i] ? price[i] : price[i] + df * (f - k);
        try {
          setResult(volOut, statusOut, i, AnalyticFormulas.blackScholesOptionImpliedVolatility(f, t, k, df, callValue));
        } catch (RuntimeException ex) {
          volOut[i] = Double.NaN;
          statusOut[i] = FLAGGED;
        }
      }
    }
  };

  /** Status: the subject returned a vol. */
  public static final byte RETURNED = 0;
  /** Status: the subject signalled a failure (status code, exception, NaN or infinity). */
  public static final byte FLAGGED = 1;

  private final String id;

  ImpliedVolSubject(String id) {
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
   * @param id  e.g. "strata"
   * @return the subject
   */
  public static ImpliedVolSubject of(String id) {
    for (ImpliedVolSubject s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown B2 subject: " + id);
  }

  /**
   * Whether this is a Levex subject (held to the strict accuracy gate).
   *
   * @return true for Levex
   */
  public boolean isLevex() {
    return this == LEVEX_BATCH || this == LEVEX_BATCH_SCALAR || this == LEVEX_SCALAR;
  }

  abstract void run(OptionInputs in, double[] price, int from, int to, double[] volOut, byte[] statusOut);

  /**
   * Solves options {@code from..to}.
   *
   * @param in  the inputs (vols unused)
   * @param price  discounted prices, USD
   * @param from  first index, inclusive
   * @param to  last index, exclusive
   * @param volOut  the vols (NaN when flagged)
   * @param statusOut  {@link #RETURNED} or {@link #FLAGGED}
   */
  public void solve(OptionInputs in, double[] price, int from, int to, double[] volOut, byte[] statusOut) {
    run(in, price, from, to, volOut, statusOut);
  }

  // Levex status codes to RETURNED / FLAGGED
  static void flag(byte[] statusOut, int from, int to) {
    for (int i = from; i < to; i++) {
      statusOut[i] = statusOut[i] == ImpliedVolatilitySolver.OK ? RETURNED : FLAGGED;
    }
  }

  static void setResult(double[] volOut, byte[] statusOut, int i, double v) {
    volOut[i] = v;
    statusOut[i] = Double.isFinite(v) ? RETURNED : FLAGGED;
  }
}
