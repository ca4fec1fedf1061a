package io.levex.core.margin.span;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.pricer.impl.Black76Formula;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
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
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CME-style SPAN with 16 scenarios on the scenario engine, per settlement currency (a Levex calibration for
 * crypto, model {@code span}; docs/margin-span.md).
 * <p>
 * Per combined commodity (key {@code <underlying>_<settlement>}):
 * <ol>
 *   <li>each product's risk array: the engine's PnL of one long unit in the 16 {@link SpanScenarios} (one-day
 *       look-ahead), negated (losses positive), extremes x extreme_move_cover_fraction; inverse futures and
 *       perpetuals per coin-equivalent at the mark, as in Deribit PM; expired positions are settled (zero array);
 *   <li>scan risk = the largest loss of the summed position x arrays ({@link SpanRequirement#scan});
 *   <li>intra-commodity spread charge = intra_spread_charge_rate x {@link SpanRequirement#intraSpreads} of the
 *       net delta per expiry tier (x index for linear);
 *   <li>short option minimum = short_option_minimum x number of short options (x index for linear);
 *   <li>inter-commodity credit between commodities of one currency with a {@code <a>_<b>.inter_commodity_credit_rate}
 *       and opposite net USD deltas: {@code rate x scan risk x (spread USD delta / own |USD delta|)} per leg, the
 *       spread USD delta {@code min} of the two remaining |USD deltas|;
 *   <li>risk = {@code max(scan + intra - credit, SOM)}.
 * </ol>
 * Per currency: MM = sum of the risks; IM = maint_to_init_ratio x MM. The net option value is reported, not
 * deducted (option marks are already in the coin equity). Stateless and thread-safe.
 */
public final class SpanMarginCalculator {

  /** The model name of this calculator's parameter sets. */
  public static final String MODEL = "span";
  /** The largest accepted |size|, base coin. */
  public static final double MAX_SIZE = 1e9;
  /** The tier of perpetuals and spot. */
  public static final String PERPETUAL_TIER = "PERPETUAL";
  /** Default instance. */
  public static final SpanMarginCalculator DEFAULT = new SpanMarginCalculator(ScenarioEngine.DEFAULT);

  private final ScenarioEngine engine;

  /**
   * Creates a calculator.
   *
   * @param engine  the scenario engine
   */
  public SpanMarginCalculator(ScenarioEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * Computes the SPAN requirement.
   *
   * @param positions  positions with their marks (options need a vol, forward and index)
   * @param params  a {@code span} parameter set, possibly with overrides
   * @return the requirement per settlement currency
   * @throws InvalidInputException INVALID_ARGUMENT naming a bad size, market input or parameter value;
   *     FAILED_PRECONDITION when the set lacks a parameter for a position's underlying
   */
  public SpanMarginResult margin(List<MarginPosition> positions, MarginParameters params) {
    if (!MODEL.equals(params.model())) {
      throw InvalidInputException.invalid("parameter_set", params.name(), "is a " + params.model() + " set, not " + MODEL);
    }
    double ratio;
    double lookAhead;
    try {
      ratio = SpanParameters.maintToInitRatio(params);
      lookAhead = SpanParameters.lookAheadDays(params);
    } catch (InvalidInputException ex) {
      throw ex.withFieldPrefix("parameters");
    }
    Map<String, Commodity> commodities = new LinkedHashMap<>();
    Map<Asset, SpanScenarios> scenarios = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      try {
        entries.add(add(positions.get(i), params, lookAhead, commodities, scenarios));
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix("positions[" + i + "]");
      }
    }
    TreeSet<Asset> currencies = new TreeSet<>();
    commodities.values().forEach(c -> currencies.add(c.currency));
    List<SpanCurrencyMargin> out = new ArrayList<>();
    for (Asset ccy : currencies) {
      List<Commodity> mine = commodities.values().stream().filter(c -> c.currency.equals(ccy)).toList();
      mine.forEach(Commodity::scan);
      credits(mine, params);
      double mm = 0;
      double scan = 0;
      double intra = 0;
      double som = 0;
      double credit = 0;
      double nov = 0;
      double settled = 0;
      Commodity worst = null;
      List<CombinedCommodityMargin> done = new ArrayList<>();
      for (Commodity c : mine) {
        CombinedCommodityMargin m = c.finish();
        done.add(m);
        mm += m.risk();
        scan += m.scanRisk();
        intra += m.intraSpreadCharge();
        som += m.shortOptionMinimum();
        credit += m.interCommodityCredit();
        nov += m.netOptionValue();
        settled += c.settledValue;
        if (worst == null || m.scanRisk() > worst.scan.scanRisk()) {
          worst = c;
        }
      }
      List<SpanPositionArray> posOut = new ArrayList<>();
      for (Entry e : entries) {
        if (e.commodity.currency.equals(ccy)) {
          posOut.add(e.result());
        }
      }
      out.add(new SpanCurrencyMargin(ccy, ratio * mm, mm, scan, worst.scan.worstScenario(), worst.key,
          worst.scan.losses(), intra, som, credit, nov, settled, done, posOut));
    }
    return new SpanMarginResult(MODEL, params.name(), out);
  }

  private Entry add(MarginPosition p, MarginParameters params, double lookAhead, Map<String, Commodity> commodities,
      Map<Asset, SpanScenarios> scenarios) {
    Instrument inst = p.instrument();
    double size = Checks.finite("size", p.size());
    if (Math.abs(size) > MAX_SIZE) {
      throw InvalidInputException.invalid("size", Checks.format(size), "is absurd: |size| must be <= 1e9 base coin");
    }
    Asset und = inst.underlying();
    Asset ccy = inst.settlementCurrency();
    SpanScenarios sc = scenarios.computeIfAbsent(und, u -> {
      try {
        return SpanScenarios.of(u, SpanParameters.of(params, u), lookAhead);
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix("parameters");
      }
    });
    ScenarioInputs in = ScenarioInputs.of(p.mark());
    double units = ScenarioInputs.units(size, p.averagePrice(), p.mark());
    InstrumentScenarioVector v = engine.vector(in, sc.set());
    double fraction = sc.parameters().extremeMoveCoverFraction();
    double[] losses = new double[SpanScenario.COUNT];
    for (int j = 0; j < losses.length; j++) {
      losses[j] = -v.pnl(j) * SpanScenario.STANDARD.get(j).weight(fraction) + 0.0;
    }
    RiskArray unit = RiskArray.of(losses);
    String key = und.symbol().toLowerCase(Locale.ROOT) + "_" + ccy.symbol().toLowerCase(Locale.ROOT);
    Commodity c = commodities.computeIfAbsent(key, k -> new Commodity(k, und, ccy, sc, in.indexUsd()));
    String tier = inst.expiryTime().map(Object::toString).orElse(PERPETUAL_TIER);
    Entry e = new Entry(inst.name(), c, size, units, unit, tier, v.settled(), v.settled() ? units * v.settlementValue() : 0.0);
    if (v.settled()) {
      c.settledValue += e.settlementValue;
      return e;
    }
    e.delta = units * unitDelta(inst, in);
    c.arrays.add(unit);
    c.sizes.add(units);
    c.tiers.merge(tier, e.delta, Double::sum);
    if (inst instanceof OptionInstrument) {
      c.netOptionValue += size * p.mark().price();
      if (size < 0) {
        c.shortOptions += -size;
      }
    }
    return e;
  }

  /** Delta per unit in coin: premium-adjusted (net transaction) delta for inverse options, plain delta else. */
  private static double unitDelta(Instrument inst, ScenarioInputs in) {
    if (inst instanceof OptionInstrument o) {
      double[] g = Black76Formula.priceAndGreeks(in.forwardUsd(), o.strike(), in.yearsToExpiry(), in.vol(), in.rate(),
          o.putCall().isCall());
      return o.settlement() == SettlementType.INVERSE ? g[Black76Formula.DELTA_PREMIUM_ADJUSTED] : g[Black76Formula.DELTA];
    }
    return 1.0;
  }

  /** Inter-commodity credits between the commodities of one currency, pairs in key order, deltas used once. */
  private static void credits(List<Commodity> commodities, MarginParameters params) {
    List<Commodity> sorted = commodities.stream().sorted((a, b) -> a.key.compareTo(b.key)).toList();
    for (int a = 0; a < sorted.size(); a++) {
      for (int b = a + 1; b < sorted.size(); b++) {
        Commodity x = sorted.get(a);
        Commodity y = sorted.get(b);
        OptionalDouble rate;
        try {
          rate = SpanParameters.interCommodityCreditRate(params, x.underlying, y.underlying);
        } catch (InvalidInputException ex) {
          throw ex.withFieldPrefix("parameters");
        }
        double dx = x.netDelta() * x.index;
        double dy = y.netDelta() * y.index;
        if (rate.isEmpty() || dx * dy >= 0) {
          continue;
        }
        double spread = Math.min(x.remainingUsdDelta, y.remainingUsdDelta);
        if (spread <= 0) {
          continue;
        }
        x.credit += rate.getAsDouble() * x.scan.scanRisk() * spread / Math.abs(dx);
        y.credit += rate.getAsDouble() * y.scan.scanRisk() * spread / Math.abs(dy);
        x.remainingUsdDelta -= spread;
        y.remainingUsdDelta -= spread;
      }
    }
  }

  /** One position. */
  private static final class Entry {
    final String name;
    final Commodity commodity;
    final double size;
    final double units;
    final RiskArray unit;
    final String tier;
    final boolean settled;
    final double settlementValue;
    double delta;

    Entry(String name, Commodity commodity, double size, double units, RiskArray unit, String tier, boolean settled,
        double settlementValue) {
      this.name = name;
      this.commodity = commodity;
      this.size = size;
      this.units = units;
      this.unit = unit;
      this.tier = tier;
      this.settled = settled;
      this.settlementValue = settlementValue;
    }

    SpanPositionArray result() {
      RiskArray position = unit.times(settled ? 0.0 : units);
      int worst = commodity.scan.worstScenario().number() - 1;
      return new SpanPositionArray(name, commodity.key, commodity.currency, size, units, unit, position,
          position.loss(worst), delta, tier, settled, settlementValue);
    }
  }

  /** One combined commodity being aggregated. */
  private static final class Commodity {
    final String key;
    final Asset underlying;
    final Asset currency;
    final SpanScenarios sc;
    final double index;
    final List<RiskArray> arrays = new ArrayList<>();
    final List<Double> sizes = new ArrayList<>();
    final Map<String, Double> tiers = new TreeMap<>();
    double shortOptions;
    double netOptionValue;
    double settledValue;
    double credit;
    double remainingUsdDelta;
    ScanResult scan;

    Commodity(String key, Asset underlying, Asset currency, SpanScenarios sc, double index) {
      this.key = key;
      this.underlying = underlying;
      this.currency = currency;
      this.sc = sc;
      this.index = Checks.positive("mark.index", index);
    }

    double netDelta() {
      return tiers.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    void scan() {
      scan = SpanRequirement.scan(arrays, sizes.stream().mapToDouble(Double::doubleValue).toArray());
      remainingUsdDelta = Math.abs(netDelta() * index);
    }

    CombinedCommodityMargin finish() {
      SpanParameters p = sc.parameters();
      double toCcy = currency.isUsdLike() ? index : 1.0; // fraction-of-underlying charges: coin, or x index for USDC
      double spreads = SpanRequirement.intraSpreads(tiers.values().stream().mapToDouble(Double::doubleValue).toArray());
      double intra = p.intraSpreadChargeRate() * spreads * toCcy;
      double som = SpanRequirement.shortOptionMinimum(shortOptions, p.shortOptionMinimum() * toCcy);
      double risk = SpanRequirement.risk(scan.scanRisk(), intra, credit, som);
      return new CombinedCommodityMargin(key, underlying, index, scan, tiers, netDelta(), spreads, intra, shortOptions,
          som, credit, risk, netOptionValue);
    }
  }
}
