package io.levex.core.scenario;

import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.impl.Black76Formula;
import io.levex.core.pricer.impl.Black76VectorPrices;
import io.levex.core.product.OptionInstrument;
import java.util.List;

/**
 * The SIMD path of {@link ScenarioEngine#fillMatrix}: the same entries as {@link ScenarioEngine#fill} (base value and
 * every scenario of every option, {@code ln(F/K)} hoisted and {@code ln(1+m)} added, {@code sqrt(T)} and each
 * distinct vol shift once per instrument), priced on lanes by {@link Black76VectorPrices}.
 * <p>
 * Instruments are processed in blocks: the entries of a block are buffered and priced
 * {@link Black76VectorPrices#CHUNK} at a time, then each row is finished ({@code (df V / C) - base}) in order. Delta-one and expired instruments take the scalar {@code fill}. Loaded only
 * when the Vector API module is present; one instance per thread.
 */
final class ScenarioGridVector {

  /** Instruments per block. */
  private static final int BLOCK = 32;
  private static final ThreadLocal<ScenarioGridVector> INSTANCE = ThreadLocal.withInitial(ScenarioGridVector::new);

  private final Bucket bucket = new Bucket();
  private final Black76VectorPrices.Scratch scratch = new Black76VectorPrices.Scratch();
  private double[] raw = new double[0];
  private double[] dfs = new double[0];
  private double[] invConvs = new double[0];
  // 1 / (S sf[j]) of the last index and set (the same for every option of an underlying at one index)
  private double[] invIndex = new double[0];
  private double lastIndex = Double.NaN;
  private double[] lastSpotFactor;
  private final boolean[] option = new boolean[BLOCK];
  private final boolean[] inverse = new boolean[BLOCK];

  /** Entries waiting to be priced. */
  private final class Bucket {
    final double[] f = new double[Black76VectorPrices.CHUNK];
    final double[] k = new double[Black76VectorPrices.CHUNK];
    final double[] lm = new double[Black76VectorPrices.CHUNK];
    final double[] s = new double[Black76VectorPrices.CHUNK];
    final double[] inv = new double[Black76VectorPrices.CHUNK];
    final double[] sign = new double[Black76VectorPrices.CHUNK];
    final double[] out = new double[Black76VectorPrices.CHUNK];
    final int[] target = new int[Black76VectorPrices.CHUNK];
    int n;

    void add(int at, double fj, double strike, double lmj, double sj, double invSj, double callSign) {
      f[n] = fj;
      k[n] = strike;
      lm[n] = lmj;
      s[n] = sj;
      inv[n] = invSj;
      sign[n] = callSign;
      target[n++] = at;
      if (n == Black76VectorPrices.CHUNK) {
        flush();
      }
    }

    void flush() {
      if (n == 0) {
        return;
      }
      Black76VectorPrices.prices(f, k, lm, s, inv, sign, n, out, scratch);
      double[] r = raw;
      for (int i = 0; i < n; i++) {
        r[target[i]] = out[i];
      }
      n = 0;
    }
  }

  static void fill(ScenarioEngine engine, List<ScenarioInputs> inputs, ScenarioSet set, double[] matrix, int stride,
      double[] values) {
    INSTANCE.get().run(engine, inputs, set, matrix, stride, values);
  }

  private void run(ScenarioEngine engine, List<ScenarioInputs> inputs, ScenarioSet set, double[] matrix, int stride,
      double[] values) {
    int n = set.size();
    int w = n + 1;
    if (raw.length < BLOCK * w) {
      raw = new double[BLOCK * w];
      dfs = new double[BLOCK * w];
      invConvs = new double[BLOCK * w];
    }
    int size = inputs.size();
    io.levex.core.basics.Asset lastUnderlying = null;
    ScenarioSet.Resolved lastResolved = null;
    for (int b0 = 0; b0 < size; b0 += BLOCK) {
      int b1 = Math.min(size, b0 + BLOCK);
      for (int i = b0; i < b1; i++) {
        ScenarioInputs in = inputs.get(i);
        int slot = i - b0;
        try {
          option[slot] = !in.expired() && in.instrument() instanceof OptionInstrument;
          if (option[slot]) {
            io.levex.core.basics.Asset und = in.instrument().underlying();
            if (!und.equals(lastUnderlying)) {
              lastUnderlying = und;
              lastResolved = set.resolve(und);
            }
            prepare(engine, in, lastResolved, slot * w, n, slot);
          } else {
            double[] v = engine.fill(in, set, matrix, i * stride);
            if (values != null) {
              values[2 * i] = v[0];
              values[2 * i + 1] = v[1];
            }
          }
        } catch (InvalidInputException ex) {
          bucket.n = 0;
          throw ex.withFieldPrefix("instruments[" + i + "]");
        }
      }
      bucket.flush();
      for (int i = b0; i < b1; i++) {
        int slot = i - b0;
        if (option[slot]) {
          finish(slot * w, n, inverse[slot], matrix, i * stride, values, i);
        }
      }
    }
    if (stride > n) {
      for (int i = 0; i < size; i++) {
        java.util.Arrays.fill(matrix, i * stride + n, (i + 1) * stride, 0.0);
      }
    }
  }

  // the entries of one live option, as ScenarioEngine.option computes them
  private void prepare(ScenarioEngine engine, ScenarioInputs in, ScenarioSet.Resolved r, int e0, int n, int slot) {
    OptionInstrument o = (OptionInstrument) in.instrument();
    double f = ScenarioEngine.forward(in);
    double s = ScenarioEngine.index(in);
    double t = Checks.nonNegative("mark.time_to_expiry", in.yearsToExpiry());
    double vol = in.vol();
    if (!(vol > 0) || !Double.isFinite(vol)) {
      throw InvalidInputException.invalid("mark.implied_vol", Checks.format(vol),
          "must be a finite vol > 0 for option " + o.name());
    }
    Checks.finite("rate", in.rate());
    boolean call = o.putCall().isCall();
    double sign = call ? 1.0 : -1.0;
    double k = o.strike();
    inverse[slot] = o.settlement() == SettlementType.INVERSE;
    boolean byIndex = engine.coinConversion() == CoinConversion.INDEX;
    double lnFk = Black76Formula.logMoneyness(f, k);
    double sqrtT = Math.sqrt(t);
    double df = in.rate() == 0.0 ? 1.0 : Math.exp(-in.rate() * t);
    double sBase = vol * sqrtT;
    add(e0 + n, f, k, lnFk, sBase, 1.0 / sBase, sign);
    dfs[e0 + n] = df;
    invConvs[e0 + n] = 1.0 / (byIndex ? s : f);
    double[] ff = r.forwardFactor();
    double[] sf = r.spotFactor();
    if (byIndex && (s != lastIndex || sf != lastSpotFactor)) {
      if (invIndex.length < n) {
        invIndex = new double[n];
      }
      for (int j = 0; j < n; j++) {
        invIndex[j] = 1.0 / (s * sf[j]);
      }
      lastIndex = s;
      lastSpotFactor = sf;
    }
    double[] lff = r.logForwardFactor();
    VolShift[] shifts = r.vol();
    double[] roll = r.rollYears();
    boolean anyRoll = r.anyRoll();
    VolShift key0 = null;
    VolShift key1 = null;
    VolShift key2 = null;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double inv0 = 0;
    double inv1 = 0;
    double inv2 = 0;
    for (int j = 0; j < n; j++) {
      int e = e0 + j;
      double fj = f * ff[j];
      if (anyRoll && roll[j] > 0) {
        double tj = t - roll[j];
        if (!(tj > 0)) {
          // expires inside the horizon: settled at the shocked index
          double sj = s * sf[j];
          raw[e] = Math.max(call ? sj - k : k - sj, 0.0);
          dfs[e] = 1.0;
          invConvs[e] = 1.0 / sj;
          continue;
        }
        double volJ = checked(shifts[j].shiftedVol(vol, tj), j, o);
        double sj = volJ * Math.sqrt(tj);
        add(e, fj, k, lnFk + lff[j], sj, 1.0 / sj, sign);
        dfs[e] = in.rate() == 0.0 ? 1.0 : Math.exp(-in.rate() * tj);
        invConvs[e] = byIndex ? invIndex[j] : 1.0 / fj;
        continue;
      }
      // a set usually repeats a few shift objects: evaluate each once per instrument
      VolShift shift = shifts[j];
      double sj;
      double invSj;
      if (shift == key0) {
        sj = s0;
        invSj = inv0;
      } else if (shift == key1) {
        sj = s1;
        invSj = inv1;
      } else if (shift == key2) {
        sj = s2;
        invSj = inv2;
      } else {
        sj = checked(shift.shiftedVol(vol, t), j, o) * sqrtT;
        invSj = 1.0 / sj;
        if (key0 == null) {
          key0 = shift;
          s0 = sj;
          inv0 = invSj;
        } else if (key1 == null) {
          key1 = shift;
          s1 = sj;
          inv1 = invSj;
        } else if (key2 == null) {
          key2 = shift;
          s2 = sj;
          inv2 = invSj;
        }
      }
      add(e, fj, k, lnFk + lff[j], sj, invSj, sign);
      dfs[e] = df;
      invConvs[e] = byIndex ? invIndex[j] : 1.0 / fj;
    }
  }

  private static double checked(double volJ, int j, OptionInstrument o) {
    if (!(volJ >= 0) || !Double.isFinite(volJ)) {
      throw InvalidInputException.invalid("vol_shift", Checks.format(volJ),
          "scenario " + j + " gives a bad vol for option " + o.name() + " (must be finite and >= 0)");
    }
    return volJ;
  }

  // one entry: zero total vol is the intrinsic value (as the scalar kernel); otherwise into the buffer
  private void add(int at, double f, double k, double lm, double s, double invS, double sign) {
    if (!(s > 0)) {
      raw[at] = Math.max(sign * (f - k), 0.0);
      return;
    }
    bucket.add(at, f, k, lm, s, invS, sign);
  }

  private void finish(int e0, int n, boolean inv, double[] matrix, int row, double[] values, int i) {
    double base = dfs[e0 + n] * raw[e0 + n];
    double baseValue = inv ? base * invConvs[e0 + n] : base;
    double[] r = raw;
    double[] d = dfs;
    double[] c = invConvs;
    if (inv) {
      for (int j = 0; j < n; j++) {
        matrix[row + j] = d[e0 + j] * r[e0 + j] * c[e0 + j] - baseValue;
      }
    } else {
      for (int j = 0; j < n; j++) {
        matrix[row + j] = d[e0 + j] * r[e0 + j] - baseValue;
      }
    }
    if (values != null) {
      values[2 * i] = baseValue;
      values[2 * i + 1] = 0.0;
    }
  }
}
