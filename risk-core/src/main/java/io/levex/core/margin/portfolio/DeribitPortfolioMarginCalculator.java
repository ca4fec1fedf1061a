package io.levex.core.margin.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.pricer.impl.Black76Formula;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import io.levex.core.product.SpotInstrument;
import io.levex.core.scenario.InstrumentScenarioVector;
import io.levex.core.scenario.ScenarioEngine;
import io.levex.core.scenario.ScenarioInputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Deribit portfolio margin (S:PM, per settlement currency) on the scenario engine.
 * <p>
 * Per underlying and settlement currency (Deribit's aggregated-vector key, e.g. {@code btc_btc}):
 * <ol>
 *   <li>every position is revalued in the standard table ((2 buckets_count + 1) price points x vol up / unchanged /
 *       down) and the extended table (vol up), its extended PnL weighted by
 *       {@link DeribitVolShock#extendedWeight}; inverse futures are sized in coin-equivalent at the mark;
 *       expired positions are settled (zero vector, settlement value as cash);
 *   <li>aggregated = sum; on the extended table the dampener reduces |PnL| [3P/INF]; gains are then scaled by
 *       pnl_offset and capped at max_offsetable_pnl (USD, converted at the index) [V-ex / INF];
 *   <li>worst_case = max(0, -min aggregated); roll_shock = sum over expiries of
 *       {@code max(exp(annualised_move_risk T) - 1, min_annualised_move) |net delta|} (perpetual: the minimum)
 *       [V-ex minimum / 3P]; delta_shock = {@code min(max(|D| S - threshold, 0) |D| m_inc, max_delta_shock S |D|) / S}
 *       coin [3P]; correlation_contingency = 0 (not published by Deribit).
 * </ol>
 * Per currency: risk_matrix_margin = sum over its underlyings of worst_case + roll_shock + delta_shock +
 * correlation_contingency; IM = risk_matrix_margin + open_orders_margin + mmp_margin; MM = mm_factor x
 * risk_matrix_margin. Linear (USDC) amounts are in USDC. Stateless and thread-safe.
 */
public final class DeribitPortfolioMarginCalculator {

  /** The model name of this calculator's parameter sets. */
  public static final String MODEL = "deribit-pm";
  /** The largest accepted |size|, base coin. */
  public static final double MAX_SIZE = 1e9;
  /** Default instance. */
  public static final DeribitPortfolioMarginCalculator DEFAULT = new DeribitPortfolioMarginCalculator(ScenarioEngine.DEFAULT);

  private final ScenarioEngine engine;

  /**
   * Creates a calculator.
   *
   * @param engine  the scenario engine
   */
  public DeribitPortfolioMarginCalculator(ScenarioEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * Computes the portfolio margin.
   *
   * @param positions  positions with their marks (options need a vol, forward and index)
   * @param openOrdersMargin  open_orders_margin per settlement currency (may be empty)
   * @param mmpMargin  mmp_margin per settlement currency (may be empty)
   * @param params  a {@code deribit-pm} parameter set, possibly with overrides
   * @return the margin per settlement currency
   * @throws InvalidInputException INVALID_ARGUMENT naming a bad size, market input or add-on; FAILED_PRECONDITION
   *     when the set lacks a parameter for a position's underlying or currency
   */
  public PortfolioMarginResult margin(
      List<MarginPosition> positions, Map<Asset, Double> openOrdersMargin, Map<Asset, Double> mmpMargin,
      MarginParameters params) {

    if (!MODEL.equals(params.model())) {
      throw InvalidInputException.invalid("parameter_set", params.name(), "is a " + params.model() + " set, not " + MODEL);
    }
    Map<String, Matrix> matrices = new LinkedHashMap<>();
    Map<String, DeribitPmScenarios> scenarios = new HashMap<>();
    for (int i = 0; i < positions.size(); i++) {
      MarginPosition p = positions.get(i);
      try {
        add(p, i, params, matrices, scenarios);
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix("positions[" + i + "]");
      }
    }
    TreeSet<Asset> currencies = new TreeSet<>();
    matrices.values().forEach(m -> currencies.add(m.currency));
    currencies.addAll(checkAddOns("open_orders_margin", openOrdersMargin).keySet());
    currencies.addAll(checkAddOns("mmp_margin", mmpMargin).keySet());
    double mmFactor = params.get("mm_factor");
    List<PortfolioCurrencyMargin> out = new ArrayList<>();
    for (Asset ccy : currencies) {
      double worst = 0;
      double roll = 0;
      double deltaShock = 0;
      double settled = 0;
      RiskMatrix worstMatrix = null;
      List<RiskMatrix> done = new ArrayList<>();
      List<PositionRiskVector> posOut = new ArrayList<>();
      for (Matrix m : matrices.values()) {
        if (!m.currency.equals(ccy)) {
          continue;
        }
        RiskMatrix rm = m.finish();
        done.add(rm);
        worst += rm.worstCase();
        roll += rm.rollShock();
        deltaShock += rm.deltaShock();
        settled += m.settledValue;
        if (worstMatrix == null || rm.worstCase() > worstMatrix.worstCase()) {
          worstMatrix = rm;
        }
        for (PositionEntry e : m.positions) {
          posOut.add(new PositionRiskVector(e.name, m.key, ccy, e.size, e.units, new RiskVector(e.standard, e.extended),
              e.at(rm.worstCaseBucket()), e.settled, e.settlementValue));
        }
      }
      double correlation = 0.0;
      double rmm = worst + roll + deltaShock + correlation;
      double oom = openOrdersMargin.getOrDefault(ccy, 0.0);
      double mmp = mmpMargin.getOrDefault(ccy, 0.0);
      RiskMatrixMarginDetails details = new RiskMatrixMarginDetails(worst,
          worstMatrix == null ? null : worstMatrix.worstCaseBucket(), worstMatrix == null ? null : worstMatrix.key(),
          roll, deltaShock, correlation);
      out.add(new PortfolioCurrencyMargin(ccy, rmm + oom + mmp, mmFactor * rmm, rmm, details, oom, mmp, settled, done,
          posOut));
    }
    return new PortfolioMarginResult(MODEL, params.name(), out);
  }

  private void add(MarginPosition p, int i, MarginParameters params, Map<String, Matrix> matrices,
      Map<String, DeribitPmScenarios> scenarios) {
    Instrument inst = p.instrument();
    double size = Checks.finite("size", p.size());
    if (Math.abs(size) > MAX_SIZE) {
      throw InvalidInputException.invalid("size", Checks.format(size), "is absurd: |size| must be <= 1e9 base coin");
    }
    Asset ccy = inst.settlementCurrency();
    Asset und = inst.underlying();
    String key = und.symbol().toLowerCase(Locale.ROOT) + "_" + ccy.symbol().toLowerCase(Locale.ROOT);
    DeribitPmScenarios sc = scenarios.computeIfAbsent(key, k -> {
      try {
        return DeribitPmScenarios.of(und, DeribitPmParameters.of(params, und, ccy));
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix("parameters");
      }
    });
    ScenarioInputs in = ScenarioInputs.of(p.mark());
    double units = ScenarioInputs.units(size, p.averagePrice(), p.mark());
    InstrumentScenarioVector v = engine.vector(in, sc.set());
    Matrix m = matrices.computeIfAbsent(key, k -> new Matrix(k, und, ccy, sc, in.indexUsd()));
    PositionEntry e = new PositionEntry(inst.name(), size, units, v, sc);
    m.positions.add(e);
    if (v.settled()) {
      m.settledValue += units * v.settlementValue();
      return;
    }
    m.add(e);
    double delta = units * unitDelta(inst, in);
    String expiry = inst.expiryTime().map(Object::toString).orElse("PERPETUAL");
    double[] g = m.expiries.computeIfAbsent(expiry, x -> new double[] {0, in.yearsToExpiry(), inst.expiryTime().isPresent() ? 1 : 0});
    g[0] += delta;
    m.netDelta += delta;
  }

  /** Delta per unit in coin: premium-adjusted (net transaction) delta for inverse options, plain delta else. */
  static double unitDelta(Instrument inst, ScenarioInputs in) {
    if (inst instanceof OptionInstrument o) {
      double[] g = Black76Formula.priceAndGreeks(in.forwardUsd(), o.strike(), in.yearsToExpiry(), in.vol(), in.rate(),
          o.putCall().isCall());
      return o.settlement() == SettlementType.INVERSE ? g[Black76Formula.DELTA_PREMIUM_ADJUSTED] : g[Black76Formula.DELTA];
    }
    if (inst instanceof SpotInstrument || inst instanceof FutureInstrument || inst instanceof PerpetualInstrument) {
      return 1.0;
    }
    throw new IllegalStateException("unknown instrument " + inst);
  }

  private static Map<Asset, Double> checkAddOns(String field, Map<Asset, Double> addOns) {
    addOns.forEach((asset, amount) -> Checks.nonNegative(field + "[" + asset + "]", amount == null ? Double.NaN : amount));
    return addOns;
  }

  /** One position being aggregated. */
  private static final class PositionEntry {
    final String name;
    final double size;
    final double units;
    final double[] standard;
    final double[] extended;
    final boolean settled;
    final double settlementValue;

    PositionEntry(String name, double size, double units, InstrumentScenarioVector v, DeribitPmScenarios sc) {
      this.name = name;
      this.size = size;
      this.units = units;
      int ns = sc.standardCount();
      this.standard = new double[ns];
      this.extended = new double[v.size() - ns];
      for (int j = 0; j < ns; j++) {
        standard[j] = units * v.pnl(j) + 0.0; // + 0.0: no negative zeros in the output
      }
      for (int k = 0; k < extended.length; k++) {
        extended[k] = units * v.pnl(ns + k) * sc.buckets().get(ns + k).weight() + 0.0;
      }
      this.settled = v.settled();
      this.settlementValue = settled ? units * v.settlementValue() : 0.0;
    }

    double at(PmBucket b) {
      return b.extended() ? extended[b.vectorIndex()] : standard[b.vectorIndex()];
    }
  }

  /** The risk matrix of one key being aggregated. */
  private static final class Matrix {
    final String key;
    final Asset underlying;
    final Asset currency;
    final DeribitPmScenarios sc;
    final double index;
    final double[] standard;
    final double[] extended;
    final List<PositionEntry> positions = new ArrayList<>();
    final Map<String, double[]> expiries = new TreeMap<>(); // {net delta coin, years, dated 1/0}
    double netDelta;
    double settledValue;

    Matrix(String key, Asset underlying, Asset currency, DeribitPmScenarios sc, double index) {
      this.key = key;
      this.underlying = underlying;
      this.currency = currency;
      this.sc = sc;
      this.index = Checks.positive("mark.index", index);
      this.standard = new double[sc.standardCount()];
      this.extended = new double[sc.buckets().size() - sc.standardCount()];
    }

    void add(PositionEntry e) {
      for (int j = 0; j < standard.length; j++) {
        standard[j] += e.standard[j];
      }
      for (int k = 0; k < extended.length; k++) {
        extended[k] += e.extended[k];
      }
    }

    RiskMatrix finish() {
      DeribitPmParameters p = sc.parameters();
      boolean coin = !currency.isUsdLike();
      double toCcy = coin ? 1.0 / index : 1.0; // USD -> settlement currency
      double cap = p.maxOffsetablePnl() * toCcy;
      double[] aggStd = new double[standard.length];
      double[] aggExt = new double[extended.length];
      for (int j = 0; j < standard.length; j++) {
        aggStd[j] = offset(standard[j], p.pnlOffset(), cap);
      }
      int ns = sc.standardCount();
      for (int k = 0; k < extended.length; k++) {
        double x = extended[k];
        double d = DeribitVolShock.dampener(sc.buckets().get(ns + k).move(), p.priceRange(), p.extendedDampener(), index, coin);
        double damped = Math.signum(x) * Math.max(Math.abs(x) - d, 0.0);
        aggExt[k] = offset(damped, p.pnlOffset(), cap);
      }
      int worstAt = 0;
      double min = Double.POSITIVE_INFINITY;
      for (int j = 0; j < aggStd.length; j++) {
        if (aggStd[j] < min) {
          min = aggStd[j];
          worstAt = j;
        }
      }
      for (int k = 0; k < aggExt.length; k++) {
        if (aggExt[k] < min) {
          min = aggExt[k];
          worstAt = ns + k;
        }
      }
      double worst = Math.max(0.0, -min);
      double roll = 0;
      for (double[] g : expiries.values()) {
        double rate = g[2] > 0
            ? Math.max(Math.expm1(p.annualisedMoveRisk() * g[1]), p.minAnnualisedMove())
            : p.minAnnualisedMove();
        roll += rate * Math.abs(g[0]);
      }
      double absDelta = Math.abs(netDelta);
      double deltaUsd = absDelta * index;
      double deltaShockUsd = Math.min(Math.max(deltaUsd - p.deltaTotalLiqShockThreshold(), 0.0) * absDelta * p.mInc(),
          p.maxDeltaShock() * deltaUsd);
      double rollCcy = coin ? roll : roll * index;
      return new RiskMatrix(key, underlying, index, sc.buckets(), new RiskVector(standard, extended),
          new RiskVector(aggStd, aggExt), worst, sc.buckets().get(worstAt), netDelta, rollCcy, deltaShockUsd * toCcy);
    }

    private static double offset(double x, double pnlOffset, double cap) {
      return x > 0 ? Math.min(x * pnlOffset, cap) : x;
    }
  }
}
