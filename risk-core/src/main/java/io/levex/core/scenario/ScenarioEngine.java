package io.levex.core.scenario;

import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.Black76BatchPricer;
import io.levex.core.pricer.impl.Black76Formula;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import io.levex.core.product.SpotInstrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes instrument scenario vectors: the PnL of one unit of an instrument in every scenario of a set.
 * <p>
 * Per unit of size, in the settlement currency, with m the forward move and m_s the spot move of the underlying:
 * <ul>
 *   <li>inverse future / perpetual, per coin-equivalent at the mark: {@code 1 - 1/(1+m)} coin;
 *   <li>linear future / perpetual: {@code F m} quote currency; spot: {@code S m_s};
 *   <li>inverse option: {@code V(F(1+m), sigma', T')/C' - V(F, sigma, T)/C} coin, V the Black-76 USD value and C
 *       the index (or the forward, see {@link CoinConversion}), shocked and current;
 *   <li>linear option: {@code V(F(1+m), sigma', T') - V(F, sigma, T)} quote currency;
 *   <li>legs whose expiry falls inside a scenario's time roll are settled at the shocked index (intrinsic value);
 *   <li>instruments already expired at the valuation time are settled: all-zero vector, settlement value as cash.
 * </ul>
 * {@code ln(F/K)}, {@code sqrt(T)} and the base value are computed once per instrument; a scenario then costs one
 * vol-shift call and one Black-76 kernel evaluation ({@link Black76Formula#priceFromLogMoneyness}). Stateless and thread-safe.
 */
public final class ScenarioEngine {

  /**
   * Whether {@link #fillMatrix} runs on SIMD lanes: when the {@code jdk.incubator.vector} module is present and
   * {@code -Dlevex.pricer.scalar=true} is not set ({@link Black76BatchPricer#VECTORIZED}).
   */
  public static final boolean VECTORIZED = Black76BatchPricer.VECTORIZED;

  /** The default engine: inverse options converted to coin at the shocked index. */
  public static final ScenarioEngine DEFAULT = new ScenarioEngine(CoinConversion.INDEX);

  private final CoinConversion coinConversion;

  /**
   * Creates an engine.
   *
   * @param coinConversion  how inverse option values are converted to coin
   */
  public ScenarioEngine(CoinConversion coinConversion) {
    this.coinConversion = Objects.requireNonNull(coinConversion, "coinConversion");
  }

  /**
   * Gets the coin conversion of inverse options.
   *
   * @return the conversion
   */
  public CoinConversion coinConversion() {
    return coinConversion;
  }

  /**
   * Computes the vector of one instrument.
   *
   * @param inputs  the instrument and its market state
   * @param set  the scenarios
   * @return the vector, indexed like the set
   * @throws InvalidInputException INVALID_ARGUMENT naming the missing or bad market input (mark.forward,
   *     mark.index, mark.implied_vol) or a vol shift that gives a bad vol
   */
  public InstrumentScenarioVector vector(ScenarioInputs inputs, ScenarioSet set) {
    double[] out = new double[set.size()];
    double[] values = fill(inputs, set, out, 0);
    return new InstrumentScenarioVector(inputs.instrument(), out, values[0], inputs.expired(), values[1]);
  }

  /**
   * Computes the vectors of several instruments.
   *
   * @param inputs  the instruments and their market states
   * @param set  the scenarios
   * @return the vectors, same order
   * @throws InvalidInputException as {@link #vector}, with the field prefixed by {@code instruments[i]}
   */
  public List<InstrumentScenarioVector> vectors(List<ScenarioInputs> inputs, ScenarioSet set) {
    List<InstrumentScenarioVector> out = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      try {
        out.add(vector(inputs.get(i), set));
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix("instruments[" + i + "]");
      }
    }
    return out;
  }

  /**
   * Writes the unit PnL of one instrument in every scenario into {@code out[offset ... offset + set.size() - 1]}:
   * the allocation-light entry point for instrument x scenario matrices.
   *
   * @param inputs  the instrument and its market state
   * @param set  the scenarios
   * @param out  the output array
   * @param offset  where to write
   * @return {base value, settlement value} per unit, settlement currency (see {@link InstrumentScenarioVector})
   */
  public double[] fill(ScenarioInputs inputs, ScenarioSet set, double[] out, int offset) {
    int n = set.size();
    if (inputs.expired()) {
      java.util.Arrays.fill(out, offset, offset + n, 0.0);
      return new double[] {0.0, settlementValue(inputs)};
    }
    ScenarioSet.Resolved r = set.resolve(inputs.instrument().underlying());
    switch (inputs.instrument()) {
      case OptionInstrument o -> {
        return new double[] {option(o, inputs, r, out, offset), 0.0};
      }
      case FutureInstrument f -> deltaOne(f.settlement(), forward(inputs), r.forwardFactor(), out, offset);
      case PerpetualInstrument p -> deltaOne(p.settlement(), forward(inputs), r.forwardFactor(), out, offset);
      case SpotInstrument s -> deltaOne(SettlementType.LINEAR, index(inputs), r.spotFactor(), out, offset);
    }
    return new double[] {0.0, 0.0};
  }

  /**
   * Fills a row-major instrument x scenario matrix for a whole book of instruments (the per-tick cache of the
   * risk-vector architecture): row {@code i} is {@link #fill} of {@code inputs.get(i)} at
   * {@code matrix[i * rowStride ...]}; columns {@code set.size()} to {@code rowStride - 1} are set to 0 (padding, e.g.
   * to a multiple of the SIMD width). When {@link #VECTORIZED}, options are priced on SIMD lanes (the same entries
   * and formulas; values agree with {@link #fillMatrixScalar} to a few ulps of each price, and the unshocked
   * scenario is 0 exactly in both); otherwise this is {@link #fillMatrixScalar}. Thread-safe.
   *
   * @param inputs  the instruments and their market states
   * @param set  the scenarios
   * @param matrix  the output, at least {@code inputs.size() x rowStride} long
   * @param rowStride  the row length, {@code >= set.size()}
   * @param values  if not null, receives {base value, settlement value} of row i at {@code [2i]} and {@code [2i+1]}
   * @throws InvalidInputException as {@link #vector}, with the field prefixed by {@code instruments[i]}
   */
  public void fillMatrix(List<ScenarioInputs> inputs, ScenarioSet set, double[] matrix, int rowStride,
      double[] values) {
    checkMatrix(inputs, set, matrix, rowStride, values);
    if (VECTORIZED) {
      ScenarioGridVector.fill(this, inputs, set, matrix, rowStride, values);
    } else {
      fillMatrixScalar(inputs, set, matrix, rowStride, values);
    }
  }

  /**
   * {@link #fillMatrix} on the scalar kernel: one {@link #fill} per row (the reference of the SIMD path).
   *
   * @param inputs  the instruments and their market states
   * @param set  the scenarios
   * @param matrix  the output, at least {@code inputs.size() x rowStride} long
   * @param rowStride  the row length, {@code >= set.size()}
   * @param values  if not null, receives {base value, settlement value} of row i at {@code [2i]} and {@code [2i+1]}
   * @throws InvalidInputException as {@link #vector}, with the field prefixed by {@code instruments[i]}
   */
  public void fillMatrixScalar(List<ScenarioInputs> inputs, ScenarioSet set, double[] matrix, int rowStride,
      double[] values) {
    checkMatrix(inputs, set, matrix, rowStride, values);
    int n = set.size();
    for (int i = 0; i < inputs.size(); i++) {
      double[] v;
      try {
        v = fill(inputs.get(i), set, matrix, i * rowStride);
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix("instruments[" + i + "]");
      }
      java.util.Arrays.fill(matrix, i * rowStride + n, (i + 1) * rowStride, 0.0);
      if (values != null) {
        values[2 * i] = v[0];
        values[2 * i + 1] = v[1];
      }
    }
  }

  private static void checkMatrix(List<ScenarioInputs> inputs, ScenarioSet set, double[] matrix, int rowStride,
      double[] values) {
    if (rowStride < set.size()) {
      throw new IllegalArgumentException("rowStride " + rowStride + " < scenarios " + set.size());
    }
    if ((long) inputs.size() * rowStride > matrix.length) {
      throw new IllegalArgumentException("matrix too short: " + matrix.length + " < " + inputs.size() + " x " + rowStride);
    }
    if (values != null && values.length < 2 * inputs.size()) {
      throw new IllegalArgumentException("values too short: " + values.length + " < 2 x " + inputs.size());
    }
  }

  private static void deltaOne(SettlementType settlement, double price, double[] factor, double[] out, int offset) {
    int n = factor.length;
    if (settlement == SettlementType.INVERSE) {
      for (int j = 0; j < n; j++) {
        out[offset + j] = 1.0 - 1.0 / factor[j];
      }
    } else {
      for (int j = 0; j < n; j++) {
        out[offset + j] = price * (factor[j] - 1.0);
      }
    }
  }

  private double option(OptionInstrument o, ScenarioInputs in, ScenarioSet.Resolved r, double[] out, int offset) {
    double f = forward(in);
    double s = index(in);
    double t = Checks.nonNegative("mark.time_to_expiry", in.yearsToExpiry());
    double vol = in.vol();
    if (!(vol > 0) || !Double.isFinite(vol)) {
      throw InvalidInputException.invalid("mark.implied_vol", Checks.format(vol),
          "must be a finite vol > 0 for option " + o.name());
    }
    Checks.finite("rate", in.rate());
    boolean call = o.putCall().isCall();
    double k = o.strike();
    boolean inverse = o.settlement() == SettlementType.INVERSE;
    boolean byIndex = coinConversion == CoinConversion.INDEX;
    double lnFk = Black76Formula.logMoneyness(f, k);
    double sqrtT = Math.sqrt(t);
    double df = in.rate() == 0.0 ? 1.0 : Math.exp(-in.rate() * t);
    double base = Black76Formula.priceFromLogMoneyness(f, k, lnFk, vol * sqrtT, df, call);
    double baseValue = inverse ? base / (byIndex ? s : f) : base;
    int n = r.forwardFactor().length;
    double[] ff = r.forwardFactor();
    double[] sf = r.spotFactor();
    double[] lff = r.logForwardFactor();
    VolShift[] shifts = r.vol();
    double[] roll = r.rollYears();
    VolShift[] cacheKey = new VolShift[4];
    double[] cacheVol = new double[4];
    int cached = 0;
    for (int j = 0; j < n; j++) {
      double fj = f * ff[j];
      double tj = t;
      double sqrtTj = sqrtT;
      double dfj = df;
      if (r.anyRoll() && roll[j] > 0) {
        tj = t - roll[j];
        sqrtTj = tj > 0 ? Math.sqrt(tj) : 0.0;
        dfj = in.rate() == 0.0 || tj <= 0 ? 1.0 : Math.exp(-in.rate() * tj);
      }
      double v;
      double conv;
      if (tj > 0) {
        double volJ = Double.NaN;
        VolShift shift = shifts[j];
        int c = 0;
        if (tj == t) {
          // a set usually repeats a few shift objects: evaluate each once per instrument
          while (c < cached && cacheKey[c] != shift) {
            c++;
          }
        }
        if (tj == t && c < cached) {
          volJ = cacheVol[c];
        } else {
          volJ = shift.shiftedVol(vol, tj);
          if (tj == t && cached < cacheKey.length) {
            cacheKey[cached] = shift;
            cacheVol[cached++] = volJ;
          }
        }
        if (!(volJ >= 0) || !Double.isFinite(volJ)) {
          throw InvalidInputException.invalid("vol_shift", Checks.format(volJ),
              "scenario " + j + " gives a bad vol for option " + o.name() + " (must be finite and >= 0)");
        }
        v = Black76Formula.priceFromLogMoneyness(fj, k, lnFk + lff[j], volJ * sqrtTj, dfj, call);
        conv = byIndex ? s * sf[j] : fj;
      } else {
        // expires inside the horizon: settled at the shocked index
        double sj = s * sf[j];
        v = Math.max(call ? sj - k : k - sj, 0.0);
        conv = sj;
      }
      out[offset + j] = (inverse ? v / conv : v) - baseValue;
    }
    return baseValue;
  }

  private static double settlementValue(ScenarioInputs in) {
    if (!(in.instrument() instanceof OptionInstrument o)) {
      return 0.0;
    }
    double s = index(in);
    double intrinsic = Math.max(o.putCall().isCall() ? s - o.strike() : o.strike() - s, 0.0);
    return o.settlement() == SettlementType.INVERSE ? intrinsic / s : intrinsic;
  }

  static double forward(ScenarioInputs in) {
    double f = in.forwardUsd();
    if (!(f > 0) || !Double.isFinite(f)) {
      throw InvalidInputException.invalid("mark.forward", Checks.format(f),
          "must be a finite price > 0 for " + in.instrument().name());
    }
    return f;
  }

  static double index(ScenarioInputs in) {
    double s = in.indexUsd();
    if (!(s > 0) || !Double.isFinite(s)) {
      throw InvalidInputException.invalid("mark.index", Checks.format(s),
          "must be a finite price > 0 for " + in.instrument().name());
    }
    return s;
  }
}
