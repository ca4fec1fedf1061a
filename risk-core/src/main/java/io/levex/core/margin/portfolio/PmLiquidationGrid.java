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
 * shifted market and a full {@link PmAccountMargin} cache (risk vectors, deltas) of the re-marked book. Per account:
 * the account's vector, group deltas and margin balance at every node (sparse sums, exact at the nodes); between
 * nodes, the account's vector, group deltas and balance interpolated by the cubic Lagrange polynomial through the 4
 * nearest nodes in u and aggregated exactly (worst case, pnl_offset, dampener, roll and delta shocks: the kinks of
 * the aggregation are kept, only the smooth per-scenario PnL is interpolated); every sign change between nodes is
 * solved by Brent on that function, and every local minimum of |excess| without a sign change is minimised
 * (BrentOptimizer) to find hidden pairs and touching points, as the reference does on its 4,001-point grid.
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

  private final double[] u;
  private final PmAccountMargin[] node;
  private final double[] price;
  private final int rows;
  private final double mmFactor;
  private final double index0;

  /** Per-thread working arrays of {@link #liquidationMoves}. */
  public static final class Workspace {
    final PmAccountMargin.Workspace ws;
    final double[] acc;
    final double[] gd;
    final double[] bal;
    final double[] f;
    final int stride;
    final int groups;

    private Workspace(PmLiquidationGrid g) {
      this.ws = g.node[0].workspace();
      this.stride = g.node[0].stride();
      this.groups = g.node[0].groupCount();
      int n = g.u.length;
      this.acc = new double[n * stride];
      this.gd = new double[n * groups];
      this.bal = new double[n];
      this.f = new double[n];
    }
  }

  private PmLiquidationGrid(double[] u, PmAccountMargin[] node, double[] price, int rows, double marks0Index) {
    this.u = u;
    this.node = node;
    this.price = price;
    this.rows = rows;
    this.mmFactor = node[0].mmFactor();
    this.index0 = marks0Index;
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
   * @return the cache
   * @throws InvalidInputException INVALID_ARGUMENT for a bad range, a non-option or expired row, or as
   *     {@link PmAccountMargin#of}
   */
  public static PmLiquidationGrid of(List<Valuation> marks, MarginParameters params, ScenarioEngine engine,
      double minMove, double maxMove, int nodes) {
    Checks.finite("min_move", minMove);
    Checks.finite("max_move", maxMove);
    if (minMove <= -1 || maxMove <= minMove) {
      throw InvalidInputException.invalid("max_move", Checks.format(maxMove),
          "must be > min_move (" + Checks.format(minMove) + ") > -1");
    }
    if (nodes < 4) {
      throw InvalidInputException.invalid("nodes", nodes, "must be >= 4");
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
    PmAccountMargin[] cache = new PmAccountMargin[nodes];
    double[] price = new double[nodes * rows];
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
        price[g * rows + i] = p;
      }
      cache[g] = PmAccountMargin.of(moved, params, engine);
    }
    return new PmLiquidationGrid(u, cache, price, rows, marks.get(0).indexUsd());
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
    return u.length;
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
    int n = u.length;
    int w = ws.stride;
    int ng = ws.groups;
    double scale = 0;
    for (int g = 0; g < n; g++) {
      PmAccountMargin c = node[g];
      c.accumulate(rows, sizes, from, to, ws.ws);
      System.arraycopy(ws.ws.acc, 0, ws.acc, g * w, w);
      System.arraycopy(ws.ws.groupDelta, 0, ws.gd, g * ng, ng);
      double b = cash;
      int base = g * this.rows;
      for (int p = from; p < to; p++) {
        b = Math.fma(sizes[p], price[base + rows[p]], b);
      }
      ws.bal[g] = b;
      double rmm = c.finish(ws.ws, 0.0);
      ws.f[g] = b - mmFactor * rmm;
      scale = Math.max(scale, Math.abs(ws.f[g]));
    }
    double[] f = ws.f;
    double touch = 1e-12 * (1.0 + scale);
    BrentSolver solver = new BrentSolver(1e-15, SOLVER_ABS_ACCURACY);
    double[] roots = new double[8];
    int count = 0;
    for (int k = 0; k < n; k++) {
      if (f[k] == 0.0) {
        roots = add(roots, count++, u[k]);
      }
      if (k < n - 1 && f[k] * f[k + 1] < 0) {
        roots = add(roots, count++, solver.solve(1000, x -> excessAt(x, ws), u[k], u[k + 1]));
      }
    }
    BrentOptimizer optimizer = null;
    for (int k = 0; k < n; k++) {
      if (f[k] == 0.0 || !localMinimumOfAbs(f, k)) {
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
    int w = ws.stride;
    int ng = ws.groups;
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
    return bal - mmFactor * node[0].finishAt(ws.ws, index0 * Math.exp(x));
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
    return node[0].instruments();
  }
}
