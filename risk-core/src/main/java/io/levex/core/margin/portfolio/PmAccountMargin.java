package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameters;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import io.levex.core.scenario.ScenarioEngine;
import io.levex.core.scenario.ScenarioInputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Deribit PM of many accounts over one per-tick cache of instrument risk vectors (the risk-vector architecture:
 * scenario PnL vectors computed once per instrument per market tick, accounts as sparse sums of them).
 * <p>
 * One instance holds, for one risk-matrix key (one underlying and one settlement currency, e.g. {@code btc_btc}),
 * every instrument's unit risk vector (the {@link DeribitPmScenarios} set, extended entries already weighted) as a
 * row-major matrix, its unit delta, its expiry group and its settlement value. An account is a list of
 * (row, units) pairs; {@link #margin} aggregates it exactly as {@link DeribitPortfolioMarginCalculator} aggregates
 * the positions of one key: sum of sized vectors, dampener on the extended table, pnl_offset on gains capped at
 * max_offsetable_pnl, worst case, roll shock over expiry groups, delta shock; correlation contingency 0;
 * {@code risk_matrix_margin = worst_case + roll_shock + delta_shock}, {@code IM = risk_matrix_margin +
 * open_orders_margin + mmp_margin}, {@code MM = mm_factor x risk_matrix_margin}. Amounts in the settlement
 * currency. A currency whose accounts hold several underlyings sums the results of one instance per key.
 * Immutable and thread-safe (the per-call {@link Workspace} is not).
 */
public final class PmAccountMargin {

  // the sparse sum runs on SIMD lanes (PmAccountVector) when the Vector API module is present
  private static final boolean SIMD = ScenarioEngine.VECTORIZED;

  private final String key;
  private final Asset currency;
  private final DeribitPmScenarios scenarios;
  private final List<Instrument> instruments;
  private final int stride;
  private final int standardCount;
  private final int extendedCount;
  private final double[] matrix;
  private final double[] delta;
  private final int[] group;
  private final double[] settlement;
  private final double[] groupRate;
  private final double[] dampener;
  private final double index;
  private final boolean coin;
  private final double pnlOffset;
  private final double cap;
  private final double mmFactor;
  private final double threshold;
  private final double mInc;
  private final double maxDeltaShock;

  /** Per-thread working arrays and the last result of {@link #margin(int[], double[], int, int, Workspace)}. */
  public static final class Workspace {
    final double[] acc;
    final double[] groupDelta;
    final double[] dampener = new double[16];
    /** risk_matrix_margin, settlement currency. */
    public double riskMatrixMargin;
    /** worst_case. */
    public double worstCase;
    /** The vector index of the worst entry (standard 0..26, then extended), as {@link DeribitPmScenarios#buckets}. */
    public int worstCaseIndex;
    /** roll_shock. */
    public double rollShock;
    /** delta_shock. */
    public double deltaShock;
    /** Net delta, coin. */
    public double netDeltaCoin;
    /** The settlement value of expired positions (cash, not margined). */
    public double settledValue;

    private Workspace(int stride, int groups) {
      this.acc = new double[stride];
      this.groupDelta = new double[groups];
    }
  }

  /**
   * The margin of one account.
   *
   * @param initialMargin  risk_matrix_margin + open_orders_margin + mmp_margin
   * @param maintenanceMargin  mm_factor x risk_matrix_margin
   * @param riskMatrixMargin  worst_case + roll_shock + delta_shock (+ correlation contingency, 0)
   * @param worstCase  the worst aggregated loss, >= 0
   * @param worstCaseBucket  the entry that sets it
   * @param rollShock  roll_shock
   * @param deltaShock  delta_shock
   * @param netDeltaCoin  the net delta, coin
   * @param settledValue  the settlement value of expired positions
   */
  public record Result(
      double initialMargin, double maintenanceMargin, double riskMatrixMargin, double worstCase,
      PmBucket worstCaseBucket, double rollShock, double deltaShock, double netDeltaCoin, double settledValue) {
  }

  private PmAccountMargin(String key, Asset currency, DeribitPmScenarios sc, List<Instrument> instruments,
      int stride, double[] matrix, double[] delta, int[] group, double[] settlement, double[] groupRate,
      double index) {
    this.key = key;
    this.currency = currency;
    this.scenarios = sc;
    this.instruments = List.copyOf(instruments);
    this.stride = stride;
    this.standardCount = sc.standardCount();
    this.extendedCount = sc.buckets().size() - sc.standardCount();
    this.matrix = matrix;
    this.delta = delta;
    this.group = group;
    this.settlement = settlement;
    this.groupRate = groupRate;
    this.index = index;
    this.coin = !currency.isUsdLike();
    DeribitPmParameters p = sc.parameters();
    this.pnlOffset = p.pnlOffset();
    this.cap = p.maxOffsetablePnl() * (coin ? 1.0 / index : 1.0);
    this.mmFactor = p.mmFactor();
    this.threshold = p.deltaTotalLiqShockThreshold();
    this.mInc = p.mInc();
    this.maxDeltaShock = p.maxDeltaShock();
    this.dampener = new double[extendedCount];
    for (int k = 0; k < extendedCount; k++) {
      dampener[k] = DeribitVolShock.dampener(sc.buckets().get(standardCount + k).move(), p.priceRange(),
          p.extendedDampener(), index, coin);
    }
  }

  /**
   * Builds the cache of one market tick: every instrument's risk vector ({@link ScenarioEngine#fillMatrix}, on SIMD
   * lanes when available), unit delta and expiry group.
   *
   * @param marks  the valuation of one long unit of every instrument (the rows, in order), all of one underlying and
   *     one settlement currency and at one index
   * @param params  a {@code deribit-pm} parameter set
   * @param engine  the scenario engine
   * @return the cache
   * @throws InvalidInputException INVALID_ARGUMENT naming {@code marks[i]} and the inconsistent input, or
   *     {@code instruments[i]} (the row) and the bad market input; FAILED_PRECONDITION when the set lacks a parameter
   */
  public static PmAccountMargin of(List<Valuation> marks, MarginParameters params, ScenarioEngine engine) {
    Objects.requireNonNull(engine, "engine");
    if (!DeribitPortfolioMarginCalculator.MODEL.equals(params.model())) {
      throw InvalidInputException.invalid("parameter_set", params.name(),
          "is a " + params.model() + " set, not " + DeribitPortfolioMarginCalculator.MODEL);
    }
    if (marks.isEmpty()) {
      throw InvalidInputException.invalid("marks", "[]", "must hold at least one instrument");
    }
    Instrument first = marks.get(0).instrument();
    Asset und = first.underlying();
    Asset ccy = first.settlementCurrency();
    double index = Checks.positive("marks[0].mark.index", marks.get(0).indexUsd());
    DeribitPmScenarios sc;
    try {
      sc = DeribitPmScenarios.of(und, DeribitPmParameters.of(params, und, ccy));
    } catch (InvalidInputException ex) {
      throw ex.withFieldPrefix("parameters");
    }
    int n = sc.set().size();
    int stride = (n + 7) / 8 * 8;
    int rows = marks.size();
    List<ScenarioInputs> inputs = new ArrayList<>(rows);
    List<Instrument> instruments = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      Valuation v = marks.get(i);
      Instrument inst = v.instrument();
      if (!inst.underlying().equals(und) || !inst.settlementCurrency().equals(ccy)) {
        throw InvalidInputException.invalid("marks[" + i + "].instrument", inst.name(),
            "must have underlying " + und + " and settlement currency " + ccy + " like marks[0]");
      }
      if (v.indexUsd() != index) {
        throw InvalidInputException.invalid("marks[" + i + "].mark.index", Checks.format(v.indexUsd()),
            "must equal the index of marks[0] (" + Checks.format(index) + ")");
      }
      inputs.add(ScenarioInputs.of(v));
      instruments.add(inst);
    }
    double[] matrix = new double[rows * stride];
    double[] values = new double[2 * rows];
    engine.fillMatrix(inputs, sc.set(), matrix, stride, values);
    int ns = sc.standardCount();
    double[] weight = new double[n - ns];
    for (int k = 0; k < weight.length; k++) {
      weight[k] = sc.buckets().get(ns + k).weight();
    }
    double[] delta = new double[rows];
    int[] group = new int[rows];
    double[] settlement = new double[rows];
    Map<String, Integer> groups = new HashMap<>();
    List<Double> rates = new ArrayList<>();
    DeribitPmParameters p = sc.parameters();
    for (int i = 0; i < rows; i++) {
      int base = i * stride;
      for (int k = 0; k < weight.length; k++) {
        matrix[base + ns + k] *= weight[k];
      }
      ScenarioInputs in = inputs.get(i);
      Instrument inst = in.instrument();
      if (in.expired()) {
        group[i] = -1;
        settlement[i] = values[2 * i + 1];
        continue;
      }
      delta[i] = DeribitPortfolioMarginCalculator.unitDelta(inst, in);
      String expiry = inst.expiryTime().map(Object::toString).orElse("PERPETUAL");
      Integer g = groups.get(expiry);
      if (g == null) {
        g = rates.size();
        groups.put(expiry, g);
        rates.add(inst.expiryTime().isPresent()
            ? Math.max(Math.expm1(p.annualisedMoveRisk() * in.yearsToExpiry()), p.minAnnualisedMove())
            : p.minAnnualisedMove());
      }
      group[i] = g;
    }
    String key = und.symbol().toLowerCase(Locale.ROOT) + "_" + ccy.symbol().toLowerCase(Locale.ROOT);
    return new PmAccountMargin(key, ccy, sc, instruments, stride, matrix, delta, group, settlement,
        rates.stream().mapToDouble(Double::doubleValue).toArray(), index);
  }

  /**
   * The size of a position in vector units, as {@link DeribitPortfolioMarginCalculator} sizes it: inverse futures
   * and perpetuals in coin-equivalent at the mark ({@code size x entry / mark}, entry = the average price when
   * known, else the mark); every other instrument its size.
   *
   * @param size  signed size, base coin
   * @param averagePrice  the average entry price; 0 when unknown
   * @param mark  the mark of one long unit
   * @return the units
   */
  public static double units(double size, double averagePrice, Valuation mark) {
    return ScenarioInputs.units(size, averagePrice, mark);
  }

  /**
   * Creates a workspace for {@link #margin(int[], double[], int, int, Workspace)}.
   *
   * @return a new workspace (one per thread)
   */
  public Workspace workspace() {
    return new Workspace(stride, groupRate.length);
  }

  /**
   * The margin of one account.
   *
   * @param rows  the row (index in the marks of {@link #of}) of each position
   * @param units  the size of each position in vector units ({@link #units})
   * @param openOrdersMargin  open_orders_margin, >= 0
   * @param mmpMargin  mmp_margin, >= 0
   * @return the margin
   */
  public Result margin(int[] rows, double[] units, double openOrdersMargin, double mmpMargin) {
    if (rows.length != units.length) {
      throw new IllegalArgumentException("rows and units differ in length: " + rows.length + " vs " + units.length);
    }
    Checks.nonNegative("open_orders_margin", openOrdersMargin);
    Checks.nonNegative("mmp_margin", mmpMargin);
    Workspace ws = workspace();
    double rmm = margin(rows, units, 0, rows.length, ws);
    return new Result(rmm + openOrdersMargin + mmpMargin, mmFactor * rmm, rmm, ws.worstCase,
        scenarios.buckets().get(ws.worstCaseIndex), ws.rollShock, ws.deltaShock, ws.netDeltaCoin, ws.settledValue);
  }

  /**
   * The risk_matrix_margin of the positions {@code from} to {@code to - 1} (an account in a book stored as
   * concatenated arrays); the components are left in {@code ws}. Allocation-free. Rows are not bounds-checked beyond
   * the array access; sizes are not validated (the book's owner validates them once).
   *
   * @param rows  the rows of the positions
   * @param units  their sizes in vector units
   * @param from  the first position
   * @param to  the end, exclusive
   * @param ws  the workspace
   * @return risk_matrix_margin (IM without add-ons; MM = {@link #mmFactor()} x it)
   */
  public double margin(int[] rows, double[] units, int from, int to, Workspace ws) {
    return finish(ws, accumulate(rows, units, from, to, ws));
  }

  /** The sparse sum alone: the account's vector into {@code ws.acc}, group deltas into {@code ws.groupDelta}. */
  double accumulate(int[] rows, double[] units, int from, int to, Workspace ws) {
    double[] acc = ws.acc;
    double[] gd = ws.groupDelta;
    double[] m = matrix;
    int w = stride;
    java.util.Arrays.fill(acc, 0.0);
    java.util.Arrays.fill(gd, 0.0);
    double settled = 0;
    boolean simd = SIMD && w % PmAccountVector.LANES == 0;
    if (simd) {
      PmAccountVector.accumulate(m, w, rows, units, from, to, acc);
    }
    for (int p = from; p < to; p++) {
      int r = rows[p];
      double q = units[p];
      if (!simd) {
        int base = r * w;
        for (int j = 0; j < w; j++) {
          acc[j] = Math.fma(q, m[base + j], acc[j]);
        }
      }
      int g = group[r];
      if (g >= 0) {
        gd[g] = Math.fma(q, delta[r], gd[g]);
      } else {
        settled = Math.fma(q, settlement[r], settled);
      }
    }
    return settled;
  }

  /** The aggregation of an accumulated account vector ({@code ws.acc}, {@code ws.groupDelta}). */
  double finish(Workspace ws, double settled) {
    return finish(ws, settled, index, cap, dampener);
  }

  /**
   * {@link #finish(Workspace, double)} at another index (USD): the dampener, max_offsetable_pnl in coin and the
   * delta shock at that index; the vector and deltas as accumulated.
   */
  double finishAt(Workspace ws, double indexUsd) {
    DeribitPmParameters p = scenarios.parameters();
    double[] d = ws.dampener;
    for (int k = 0; k < extendedCount; k++) {
      d[k] = DeribitVolShock.dampener(scenarios.buckets().get(standardCount + k).move(), p.priceRange(),
          p.extendedDampener(), indexUsd, coin);
    }
    double c = p.maxOffsetablePnl() * (coin ? 1.0 / indexUsd : 1.0);
    return finish(ws, 0.0, indexUsd, c, d);
  }

  /** The index of the tick, USD. */
  double index() {
    return index;
  }

  /** The cached matrix (row-major, {@link #stride()} per row; not a copy). */
  double[] matrix() {
    return matrix;
  }

  /** The unit deltas per row (not a copy). */
  double[] deltas() {
    return delta;
  }

  /** The expiry group per row, -1 for settled rows (not a copy). */
  int[] groups() {
    return group;
  }

  private double finish(Workspace ws, double settled, double index, double cap, double[] dampener) {
    double[] acc = ws.acc;
    int ns = standardCount;
    double min = Double.POSITIVE_INFINITY;
    int worstAt = 0;
    for (int j = 0; j < ns; j++) {
      double x = acc[j];
      double a = x > 0 ? Math.min(x * pnlOffset, cap) : x;
      if (a < min) {
        min = a;
        worstAt = j;
      }
    }
    for (int k = 0; k < extendedCount; k++) {
      double x = acc[ns + k];
      double damped = Math.signum(x) * Math.max(Math.abs(x) - dampener[k], 0.0);
      double a = damped > 0 ? Math.min(damped * pnlOffset, cap) : damped;
      if (a < min) {
        min = a;
        worstAt = ns + k;
      }
    }
    double worst = Math.max(0.0, -min);
    double roll = 0;
    double net = 0;
    double[] gd = ws.groupDelta;
    for (int g = 0; g < gd.length; g++) {
      roll += groupRate[g] * Math.abs(gd[g]);
      net += gd[g];
    }
    double absDelta = Math.abs(net);
    double deltaUsd = absDelta * index;
    double deltaShockUsd = Math.min(Math.max(deltaUsd - threshold, 0.0) * absDelta * mInc, maxDeltaShock * deltaUsd);
    double rollCcy = coin ? roll : roll * index;
    double deltaShock = deltaShockUsd * (coin ? 1.0 / index : 1.0);
    ws.worstCase = worst;
    ws.worstCaseIndex = worstAt;
    ws.rollShock = rollCcy;
    ws.deltaShock = deltaShock;
    ws.netDeltaCoin = net;
    ws.settledValue = settled;
    double rmm = worst + rollCcy + deltaShock;
    ws.riskMatrixMargin = rmm;
    return rmm;
  }

  /**
   * Gets the risk-matrix key, e.g. {@code btc_btc}.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * Gets the settlement currency of every amount.
   *
   * @return the currency
   */
  public Asset currency() {
    return currency;
  }

  /**
   * Gets the scenarios of the vectors.
   *
   * @return the scenarios
   */
  public DeribitPmScenarios scenarios() {
    return scenarios;
  }

  /**
   * Gets the instruments, in row order.
   *
   * @return the instruments
   */
  public List<Instrument> instruments() {
    return instruments;
  }

  /**
   * Gets mm_factor.
   *
   * @return MM / risk_matrix_margin
   */
  public double mmFactor() {
    return mmFactor;
  }

  /**
   * Gets the row length of the cached matrix (the scenario count padded to a multiple of 8 with zeros).
   *
   * @return the stride
   */
  public int stride() {
    return stride;
  }

  /** The number of expiry groups (the length of {@code Workspace.groupDelta}). */
  int groupCount() {
    return groupRate.length;
  }
}
