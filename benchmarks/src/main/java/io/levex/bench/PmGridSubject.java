package io.levex.bench;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import io.levex.core.basics.Asset;
import io.levex.core.product.OptionInstrument;
import io.levex.core.scenario.ScenarioEngine;
import io.levex.core.scenario.ScenarioInputs;
import io.levex.core.scenario.ScenarioSet;
import io.levex.core.scenario.UnderlyingShift;
import java.util.List;

/**
 * The B4a subjects: one full revaluation of the instrument x scenario grid (1,600 BTC inverse options x 35 Deribit
 * PM scenarios), the unit PnL of every instrument in every scenario in coin ({@code V'/S' - V/S}), written to a
 * row-major matrix.
 */
enum PmGridSubject {
  /** Levex {@code ScenarioEngine.fillMatrix} on SIMD lanes (the Vector API kernel, hoisted ln(F/K) + ln(1+m)). */
  LEVEX_VECTOR("levexVector", true),
  /** Levex {@code ScenarioEngine.fillMatrixScalar}: the scalar engine, one {@code fill} per instrument. */
  LEVEX_SCALAR("levexScalar", true),
  /**
   * Strata {@code BlackFormulaRepository.price(F', K, T, vol', isCall)} per instrument and scenario (base price once
   * per instrument), the shocked vols precomputed in the set-up (in Levex's timed region they are computed per
   * instrument: the comparison favours Strata).
   */
  STRATA("strata", false);

  private final String id;
  private final boolean levex;

  PmGridSubject(String id, boolean levex) {
    this.id = id;
    this.levex = levex;
  }

  String id() {
    return id;
  }

  boolean isLevex() {
    return levex;
  }

  static PmGridSubject of(String id) {
    for (PmGridSubject s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown B4a subject: " + id);
  }

  /** The grid inputs, with the per-instrument arrays of the Strata loop. */
  static final class Grid {
    final List<ScenarioInputs> inputs;
    final ScenarioSet set;
    final int rows;
    final int scenarios;
    final double[] f;
    final double[] s;
    final double[] k;
    final double[] t;
    final double[] vol;
    final boolean[] call;
    final double[] forwardFactor;
    final double[] spotFactor;
    final double[] shockedVol;

    Grid(List<ScenarioInputs> inputs, ScenarioSet set) {
      this.inputs = inputs;
      this.set = set;
      this.rows = inputs.size();
      this.scenarios = set.size();
      f = new double[rows];
      s = new double[rows];
      k = new double[rows];
      t = new double[rows];
      vol = new double[rows];
      call = new boolean[rows];
      forwardFactor = new double[scenarios];
      spotFactor = new double[scenarios];
      shockedVol = new double[rows * scenarios];
      for (int j = 0; j < scenarios; j++) {
        UnderlyingShift u = set.get(j).shiftOf(Asset.BTC);
        forwardFactor[j] = 1 + u.forwardMove();
        spotFactor[j] = 1 + u.spotMove();
      }
      for (int i = 0; i < rows; i++) {
        ScenarioInputs in = inputs.get(i);
        OptionInstrument o = (OptionInstrument) in.instrument();
        f[i] = in.forwardUsd();
        s[i] = in.indexUsd();
        k[i] = o.strike();
        t[i] = in.yearsToExpiry();
        vol[i] = in.vol();
        call[i] = o.putCall().isCall();
        for (int j = 0; j < scenarios; j++) {
          shockedVol[i * scenarios + j] = set.get(j).shiftOf(Asset.BTC).volShift().shiftedVol(vol[i], t[i]);
        }
      }
    }

    static Grid get() {
      return HOLDER;
    }

    private static final Grid HOLDER = new Grid(PmBook.inputs(), PmBook.scenarios().set());
  }

  /**
   * Revalues the whole grid.
   *
   * @param g  the grid
   * @param out  the unit PnL matrix, {@code rows x scenarios}
   */
  void fill(Grid g, double[] out) {
    switch (this) {
      case LEVEX_VECTOR -> ScenarioEngine.DEFAULT.fillMatrix(g.inputs, g.set, out, g.scenarios, null);
      case LEVEX_SCALAR -> ScenarioEngine.DEFAULT.fillMatrixScalar(g.inputs, g.set, out, g.scenarios, null);
      case STRATA -> strata(g, out);
    }
  }

  private static void strata(Grid g, double[] out) {
    int n = g.scenarios;
    for (int i = 0; i < g.rows; i++) {
      double f = g.f[i];
      double s = g.s[i];
      double k = g.k[i];
      double t = g.t[i];
      boolean call = g.call[i];
      double base = BlackFormulaRepository.price(f, k, t, g.vol[i], call) / s;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        double v = BlackFormulaRepository.price(f * g.forwardFactor[j], k, t, g.shockedVol[row + j], call);
        out[row + j] = v / (s * g.spotFactor[j]) - base;
      }
    }
  }
}
