package io.levex.core.margin.portfolio;

import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameters;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.scenario.Scenario;
import io.levex.core.scenario.ScenarioEngine;
import io.levex.core.scenario.ScenarioInputs;
import io.levex.core.scenario.ScenarioSet;
import io.levex.core.scenario.UnderlyingShift;
import io.levex.core.scenario.VolShift;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The per-tick cache of the fast Deribit PM liquidation search: the index levels at which an account's margin balance
 * equals its MM, with everything but the index of the underlying fixed (the semantics of
 * {@code margin.liquidation.LiquidationAnalyzer} over {@code ModelMarginShift}: forwards and index x {@code (1 + m)},
 * vols and times unchanged, option marks moved by the scenario PnL).
 * <p>
 * Per tick: a grid of nodes evenly spaced in {@code u = ln(1 + m)}; at each node the option marks re-marked at the
 * shifted market and a full {@link PmAccountMargin} cache (risk vectors, deltas) of the re-marked book, stored
 * instrument-major, plus every {@code coarseStep}-th node in its own contiguous cube. Per account: the account's
 * vector, group deltas and margin balance (sparse sums, exact at the nodes) first at the coarse nodes, then at every
 * node of the coarse cells next to a sign change or a local minimum of |excess| (and 3 nodes either side); between
 * nodes, the account's vector, group deltas and balance interpolated by the cubic Lagrange polynomial through the 4
 * nearest nodes in u and aggregated exactly (worst case, pnl_offset, dampener, roll and delta shocks: the kinks of
 * the aggregation are kept, only the smooth per-scenario PnL is interpolated); every sign change between nodes is
 * solved by Brent on that function, and every local minimum of |excess| without a sign change is minimised
 * (BrentOptimizer) to find hidden pairs and touching points, as the reference does on its 4,001-point grid (a pair
 * closer than the coarse spacing without a coarse local minimum of |excess| is not found).
 * Accuracy: the interpolation error of the smooth parts, which falls as the fourth power of the node spacing (see
 * the test for the measured tolerance against the reference).
 * <p>
 * Options only (inverse or linear), one risk-matrix key, no open-order or MMP add-ons; cash is a constant of the
 * account. Memory: nodes x instruments x the row stride doubles. Immutable and thread-safe (the {@link Workspace} is
 * per thread).
 */
public final class PmLiquidationGrid {

  private static final double SOLVER_ABS_ACCURACY = 1e-13;
  private static final double MERGE_DISTANCE = 1e-9;
  /** As {@code ModelMarginShift.MIN_VOL}. */
  private static final double MIN_VOL = 1e-4;

  private static final boolean SIMD = ScenarioEngine.VECTORIZED;

  private final double[] u;
  private final int nodes;
  private final int coarseStep;
  private final int rows;
  private final int stride;
  private final int groups;
  /** Instrument-major: row i at node g at {@code (i nodes + g) stride}. */
  private final double[] cube;
  private final double[] delta;
  private final double[] price;
  /** The nodes of the first pass (every coarseStep-th and the last), instrument-major and contiguous. */
  private final int[] coarseNodes;
  private final double[] coarseCube;
  private final double[] coarseDelta;
  private final double[] coarsePrice;
  private final int[] group;
  private final PmAccountMargin node0;
  private final double mmFactor;
  private final double index0;

  /** Per-thread working arrays of {@link #liquidationMoves}. */
  public static final class Workspace {
    final PmAccountMargin.Workspace ws;
    final double[] acc;
    final double[] gd;
    final double[] bal;
    final double[] f;
    final int[] stamp;
    final int[] pending;
    int epoch;

    private Workspace(PmLiquidationGrid g) {
      this.ws = g.node0.workspace();
      int n = g.nodes;
      this.acc = new double[n * g.stride];
      this.gd = new double[n * g.groups];
      this.bal = new double[n];
      this.f = new double[n];
      this.stamp = new int[n];
      this.pending = new int[n];
    }
  }

  private PmLiquidationGrid(double[] u, int coarseStep, int rows, int stride, int groups, double[] cube,
      double[] delta, double[] price, int[] group, PmAccountMargin node0, double index0) {
    this.u = u;
    this.nodes = u.length;
    this.coarseStep = coarseStep;
    this.rows = rows;
    this.stride = stride;
    this.groups = groups;
    this.cube = cube;
    this.delta = delta;
    this.price = price;
    this.group = group;
    this.node0 = node0;
    this.mmFactor = node0.mmFactor();
    this.index0 = index0;
    int nc = (nodes - 1) / coarseStep + 1;
    if ((nc - 1) * coarseStep != nodes - 1) {
      nc++;
    }
    coarseNodes = new int[nc];
    for (int c = 0; c < nc; c++) {
      coarseNodes[c] = Math.min(c * coarseStep, nodes - 1);
    }
    coarseCube = new double[rows * nc * stride];
    coarseDelta = new double[rows * nc];
    coarsePrice = new double[rows * nc];
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < nc; c++) {
        int g = coarseNodes[c];
        System.arraycopy(cube, (i * nodes + g) * stride, coarseCube, (i * nc + c) * stride, stride);
        coarseDelta[i * nc + c] = delta[i * nodes + g];
        coarsePrice[i * nc + c] = price[i * nodes + g];
      }
    }
  }

  /**
   * Builds the cache of one tick.
   *
   * @param marks  the valuation of one long unit of every option (the rows), one underlying, one settlement
   *     currency, one index, none expired
   * @param params  a {@code deribit-pm} parameter set
   * @param engine  the scenario engine
   * @param minMove  the lowest relative move searched, decimal, {@code > -1}
   * @param maxMove  the highest, {@code > minMove}
   * @param nodes  the number of nodes, {@code >= 4}
   * @param coarseStep  every how many nodes the first pass of a search samples the account, {@code >= 1}: the
   *     search then computes the nodes of the cells next to a sign change or a local minimum of |excess| only
   * @return the cache
   * @throws InvalidInputException INVALID_ARGUMENT for a bad range, a non-option or expired row, or as
   *     {@link PmAccountMargin#of}
   */
  public static PmLiquidationGrid of(List<Valuation> marks, MarginParameters params, ScenarioEngine engine,
      double minMove, double maxMove, int nodes, int coarseStep) {
    Checks.finite("min_move", minMove);
    Checks.finite("max_move", maxMove);
    if (minMove <= -1 || maxMove <= minMove) {
      throw InvalidInputException.invalid("max_move", Checks.format(maxMove),
          "must be > min_move (" + Checks.format(minMove) + ") > -1");
    }
    if (nodes < 4) {
      throw InvalidInputException.invalid("nodes", nodes, "must be >= 4");
    }
    if (coarseStep < 1 || coarseStep > nodes - 1) {
      throw InvalidInputException.invalid("coarse_step", coarseStep, "must be in 1 ... nodes - 1");
    }
    int rows = marks.size();
    List<ScenarioInputs> inputs = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      Valuation v = marks.get(i);
      ScenarioInputs in = ScenarioInputs.of(v);
      if (!(v.instrument() instanceof OptionInstrument) || in.expired()) {
        throw InvalidInputException.invalid("marks[" + i + "].instrument", v.instrument().name(),
            "must be a live option (the fast liquidation search re-marks options only)");
      }
      inputs.add(in);
    }
    double u0 = Math.log1p(minMove);
    double u1 = Math.log1p(maxMove);
    double du = (u1 - u0) / (nodes - 1);
    double[] u = new double[nodes];
    List<Scenario> scenarios = new ArrayList<>(nodes);
    VolShift same = (vol, years) -> Math.max(vol, MIN_VOL);
    for (int g = 0; g < nodes; g++) {
      u[g] = g == nodes - 1 ? u1 : u0 + g * du;
      scenarios.add(Scenario.of("node" + g, marks.get(0).instrument().underlying(),
          UnderlyingShift.of(Math.expm1(u[g]), same)));
    }
    ScenarioSet set = ScenarioSet.of(scenarios);
    double[] pnl = new double[rows * nodes];
    engine.fillMatrix(inputs, set, pnl, nodes, null);
    double[] price = new double[rows * nodes];
    double[] cube = null;
    double[] delta = new double[rows * nodes];
    int[] group = null;
    int stride = 0;
    int groups = 0;
    PmAccountMargin first = null;
    List<Valuation> moved = new ArrayList<>(rows);
    for (int g = 0; g < nodes; g++) {
      double x = Math.exp(u[g]);
      moved.clear();
      for (int i = 0; i < rows; i++) {
        Valuation v = marks.get(i);
        OptionInstrument o = (OptionInstrument) v.instrument();
        double p = v.price() + pnl[i * nodes + g];
        double s = v.indexUsd() * x;
        boolean inverse = o.settlement() == SettlementType.INVERSE;
        moved.add(new Valuation(o, p, inverse ? p * s : p, inverse ? p : p / s, v.forwardUsd() * x, s,
            same.shiftedVol(v.impliedVol(), v.timeToExpiry()), v.timeToExpiry(), v.greeks(), v.valuationTime(),
            v.sourceTime(), v.source()));
        price[i * nodes + g] = p;
      }
      PmAccountMargin c = PmAccountMargin.of(moved, params, engine);
      if (first == null) {
        first = c;
        stride = c.stride();
        groups = c.groupCount();
        group = c.groups().clone();
        cube = new double[rows * nodes * stride];
      }
      double[] m = c.matrix();
      double[] d = c.deltas();
      for (int i = 0; i < rows; i++) {
        System.arraycopy(m, i * stride, cube, (i * nodes + g) * stride, stride);
        delta[i * nodes + g] = d[i];
      }
    }
    return new PmLiquidationGrid(u, coarseStep, rows, stride, groups, cube, delta, price, group, first,
        marks.get(0).indexUsd());
  }

  /**
   * Creates a workspace.
   *
   * @return a new workspace (one per thread)
   */
  public Workspace workspace() {
    return new Workspace(this);
  }

  /**
   * Gets the number of nodes.
   *
   * @return the nodes
   */
  public int nodes() {
    return nodes;
  }

  /**
   * The excess (margin balance - MM, settlement currency) of an account at relative move m, from the interpolated
   * node sums; {@link #liquidationMoves} must have been called for this account with {@code ws} first.
   *
   * @param move  the move, inside the grid's range
   * @param ws  the workspace holding the account's node sums
   * @return the excess
   */
  public double excess(double move, Workspace ws) {
    return excessAt(Math.log1p(move), ws);
  }

  /**
   * Finds the relative moves at which an account's margin balance equals its MM.
   *
   * @param rows  the row of each option position
   * @param sizes  the signed size of each position
   * @param from  the first position
   * @param to  the end, exclusive
   * @param cash  the account's cash in the settlement currency (constant under the move)
   * @param ws  the workspace
   * @return the moves, increasing (as {@code LiquidationAnalyzer.liquidationMoves})
   */
  public double[] liquidationMoves(int[] rows, double[] sizes, int from, int to, double cash, Workspace ws) {
    int n = nodes;
    int epoch = ++ws.epoch;
    int[] stamp = ws.stamp;
    int[] pending = ws.pending;
    // pass 1: every coarseStep-th node and the last
    int t = coarseNodes.length;
    System.arraycopy(coarseNodes, 0, pending, 0, t);
    compute(rows, sizes, from, to, cash, pending, t, true, ws);
    // pass 2: every node of the cells next to a coarse sign change or local minimum of |excess| (+3 for the cubic)
    int coarse = t;
    int[] cn = java.util.Arrays.copyOf(pending, coarse);
    double[] f = ws.f;
    t = 0;
    for (int c = 0; c < coarse; c++) {
      boolean change = c < coarse - 1 && f[cn[c]] * f[cn[c + 1]] <= 0;
      boolean min = false;
      if (!change) {
        double fc = Math.abs(f[cn[c]]);
        double left = c > 0 ? Math.abs(f[cn[c - 1]]) : Double.POSITIVE_INFINITY;
        double right = c < coarse - 1 ? Math.abs(f[cn[c + 1]]) : Double.POSITIVE_INFINITY;
        min = fc <= left && fc <= right;
      }
      if (change || min) {
        int lo = Math.max(0, (change ? cn[c] : cn[Math.max(c - 1, 0)]) - 3);
        int hi = Math.min(n - 1, (change ? cn[c + 1] : cn[Math.min(c + 1, coarse - 1)]) + 3);
        for (int g = lo; g <= hi; g++) {
          if (stamp[g] != epoch) {
            stamp[g] = epoch;
            pending[t++] = g;
          }
        }
      }
    }
    for (int c = 0; c < coarse; c++) {
      stamp[cn[c]] = epoch;
    }
    compute(rows, sizes, from, to, cash, pending, t, false, ws);
    return search(ws, epoch);
  }

  // the sparse sums of the listed nodes, position-major (each instrument's nodes are contiguous)
  private void compute(int[] rows, double[] sizes, int from, int to, double cash, int[] pending, int t, boolean coarse,
      Workspace ws) {
    if (t == 0) {
      return;
    }
    int w = stride;
    int ng = groups;
    double[] acc = ws.acc;
    double[] gd = ws.gd;
    double[] bal = ws.bal;
    for (int c = 0; c < t; c++) {
      int g = pending[c];
      java.util.Arrays.fill(acc, g * w, (g + 1) * w, 0.0);
      java.util.Arrays.fill(gd, g * ng, (g + 1) * ng, 0.0);
      bal[g] = cash;
    }
    boolean simd = SIMD && w % PmAccountVector.LANES == 0;
    double[] cb = coarse ? coarseCube : cube;
    double[] dl = coarse ? coarseDelta : delta;
    double[] pr = coarse ? coarsePrice : price;
    int per = coarse ? coarseNodes.length : nodes;
    for (int p = from; p < to; p++) {
      int i = rows[p];
      double q = sizes[p];
      int base = i * per;
      int gi = group[i];
      for (int c = 0; c < t; c++) {
        int g = pending[c];
        int at = base + (coarse ? c : g);
        int src = at * w;
        if (simd) {
          PmAccountVector.axpy(q, cb, src, acc, g * w, w);
        } else {
          for (int j = 0; j < w; j++) {
            acc[g * w + j] = Math.fma(q, cb[src + j], acc[g * w + j]);
          }
        }
        gd[g * ng + gi] = Math.fma(q, dl[at], gd[g * ng + gi]);
        bal[g] = Math.fma(q, pr[at], bal[g]);
      }
    }
    for (int c = 0; c < t; c++) {
      int g = pending[c];
      System.arraycopy(acc, g * w, ws.ws.acc, 0, w);
      System.arraycopy(gd, g * ng, ws.ws.groupDelta, 0, ng);
      ws.f[g] = bal[g] - mmFactor * node0.finishAt(ws.ws, index0 * Math.exp(u[g]));
    }
  }

  // the search of LiquidationAnalyzer over the computed nodes
  private double[] search(Workspace ws, int epoch) {
    int n = nodes;
    int[] stamp = ws.stamp;
    double[] f = ws.f;
    double scale = 0;
    for (int g = 0; g < n; g++) {
      if (stamp[g] == epoch) {
        scale = Math.max(scale, Math.abs(f[g]));
      }
    }
    double touch = 1e-12 * (1.0 + scale);
    BrentSolver solver = new BrentSolver(1e-15, SOLVER_ABS_ACCURACY);
    double[] roots = new double[8];
    int count = 0;
    for (int k = 0; k < n; k++) {
      if (stamp[k] != epoch) {
        continue;
      }
      if (f[k] == 0.0) {
        roots = add(roots, count++, u[k]);
      }
      if (k < n - 1 && ready(k, stamp, epoch) && f[k] * f[k + 1] < 0) {
        roots = add(roots, count++, solver.solve(1000, x -> excessAt(x, ws), u[k], u[k + 1]));
      }
    }
    BrentOptimizer optimizer = null;
    for (int k = 0; k < n; k++) {
      if (stamp[k] != epoch || f[k] == 0.0 || k > 0 && stamp[k - 1] != epoch || k < n - 1 && stamp[k + 1] != epoch
          || k > 0 && !ready(k - 1, stamp, epoch) || k < n - 1 && !ready(k, stamp, epoch) || !localMinimumOfAbs(f, k)) {
        continue;
      }
      if (optimizer == null) {
        optimizer = new BrentOptimizer(1e-12, 1e-14);
      }
      int a = Math.max(k - 1, 0);
      int b = Math.min(k + 1, n - 1);
      double sign = Math.signum(f[k]);
      UnivariatePointValuePair min = optimizer.optimize(new MaxEval(500), GoalType.MINIMIZE,
          new UnivariateObjectiveFunction(x -> sign * excessAt(x, ws)), new SearchInterval(u[a], u[b], u[k]));
      double um = min.getPoint();
      double gm = excessAt(um, ws);
      if (sign * gm < 0) {
        roots = add(roots, count++, solver.solve(1000, x -> excessAt(x, ws), u[a], um));
        roots = add(roots, count++, solver.solve(1000, x -> excessAt(x, ws), um, u[b]));
      } else if (Math.abs(gm) <= touch) {
        roots = add(roots, count++, um);
      }
    }
    java.util.Arrays.sort(roots, 0, count);
    double[] out = new double[count];
    int m = 0;
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      if (roots[i] - last > MERGE_DISTANCE) {
        out[m++] = Math.expm1(roots[i]);
        last = roots[i];
      }
    }
    return m == count ? out : java.util.Arrays.copyOf(out, m);
  }

  // whether the 4 nodes interpolating cell k (u[k] ... u[k + 1]) are computed
  private boolean ready(int k, int[] stamp, int epoch) {
    int c = Math.max(1, Math.min(k, nodes - 3));
    return stamp[c - 1] == epoch && stamp[c] == epoch && stamp[c + 1] == epoch && stamp[c + 2] == epoch;
  }

  private static double[] add(double[] a, int at, double v) {
    double[] out = at < a.length ? a : java.util.Arrays.copyOf(a, 2 * a.length);
    out[at] = v;
    return out;
  }

  // the cubic Lagrange interpolation of the node sums through the 4 nearest nodes, then the exact aggregation
  private double excessAt(double x, Workspace ws) {
    int n = u.length;
    double du = u[1] - u[0];
    int k = (int) Math.floor((x - u[0]) / du);
    k = Math.max(1, Math.min(k, n - 3));
    int k0 = k - 1;
    double t = (x - u[k0]) / du;
    // nodes at t = 0, 1, 2, 3
    double w0 = -(t - 1) * (t - 2) * (t - 3) / 6.0;
    double w1 = t * (t - 2) * (t - 3) / 2.0;
    double w2 = -t * (t - 1) * (t - 3) / 2.0;
    double w3 = t * (t - 1) * (t - 2) / 6.0;
    int w = stride;
    int ng = groups;
    double[] a = ws.acc;
    double[] acc = ws.ws.acc;
    int b0 = k0 * w;
    for (int j = 0; j < w; j++) {
      acc[j] = w0 * a[b0 + j] + w1 * a[b0 + w + j] + w2 * a[b0 + 2 * w + j] + w3 * a[b0 + 3 * w + j];
    }
    double[] gd = ws.ws.groupDelta;
    int g0 = k0 * ng;
    for (int j = 0; j < ng; j++) {
      gd[j] = w0 * ws.gd[g0 + j] + w1 * ws.gd[g0 + ng + j] + w2 * ws.gd[g0 + 2 * ng + j] + w3 * ws.gd[g0 + 3 * ng + j];
    }
    double bal = w0 * ws.bal[k0] + w1 * ws.bal[k0 + 1] + w2 * ws.bal[k0 + 2] + w3 * ws.bal[k0 + 3];
    return bal - mmFactor * node0.finishAt(ws.ws, index0 * Math.exp(x));
  }

  private static boolean localMinimumOfAbs(double[] f, int k) {
    int n = f.length;
    double fk = Math.abs(f[k]);
    boolean hasLeft = k > 0;
    boolean hasRight = k < n - 1;
    if (hasLeft && f[k - 1] * f[k] <= 0 || hasRight && f[k + 1] * f[k] <= 0) {
      return false;
    }
    double left = hasLeft ? Math.abs(f[k - 1]) : Double.POSITIVE_INFINITY;
    double right = hasRight ? Math.abs(f[k + 1]) : Double.POSITIVE_INFINITY;
    return fk <= left && fk <= right && (fk < left || fk < right);
  }

  /**
   * Gets the instruments, in row order.
   *
   * @return the instruments
   */
  public List<Instrument> instruments() {
    return node0.instruments();
  }
}
