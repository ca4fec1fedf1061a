package io.levex.core.margin;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.account.AccountCalculator;
import io.levex.core.margin.account.CollateralHaircuts;
import io.levex.core.margin.portfolio.DeribitPortfolioMarginCalculator;
import io.levex.core.margin.portfolio.PortfolioCurrencyMargin;
import io.levex.core.margin.portfolio.PortfolioMarginResult;
import io.levex.core.margin.span.SpanCurrencyMargin;
import io.levex.core.margin.span.SpanMarginCalculator;
import io.levex.core.margin.span.SpanMarginResult;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The model-neutral entry point of margin: one {@link MarginResult} (per currency, per position, USD totals and the
 * cross-collateral account view) from a {@link MarginAccount} and a parameter set, whatever the model.
 * <p>
 * Models: {@link #STANDARD} (Deribit SM, {@code deribit-sm}) and {@link #PORTFOLIO} (Deribit PM,
 * {@code deribit-pm}, with its {@link PortfolioCurrencyMargin} attached to each currency as
 * {@link CurrencyMarginResult#details()}). Pick one by name with {@link #forModel(String)} or by the parameter set
 * with {@link #of(MarginParameters)}.
 * <p>
 * Common to all models: per currency, IM = the model's IM + {@code open_orders_margin} + {@code mmp_margin};
 * equity = margin balance = cash + unrealised futures PnL + option mark values; available funds = margin balance -
 * IM; margin ratio and status from the set's {@code status.*} bands; the cross view from its
 * {@code collateral.<ASSET>.haircut} keys ({@link AccountCalculator}). An add-on for a currency the account neither
 * holds nor settles positions in is rejected.
 * <p>
 * A third model (SPAN, package {@code io.levex.core.margin.span}) plugs in by adding a nested record to the
 * {@code permits} clause, a case to {@link #forModel(String)}, and a constant; it maps its own result to a
 * {@link MarginResult} the way {@link Portfolio} does (details: its own {@link MarginDetails}).
 * <p>
 * Implementations are stateless and thread-safe.
 */
public sealed interface MarginCalculator permits MarginCalculator.Standard, MarginCalculator.Portfolio, MarginCalculator.Span {

  /** Deribit standard margin. */
  MarginCalculator STANDARD = new Standard();
  /** Deribit portfolio margin. */
  MarginCalculator PORTFOLIO = new Portfolio(DeribitPortfolioMarginCalculator.DEFAULT);
  /** CME-style SPAN with the Levex crypto calibration (the comparison model). */
  MarginCalculator SPAN = new Span(SpanMarginCalculator.DEFAULT);

  /**
   * Gets the model's name, as parameter sets and portfolio files spell it.
   *
   * @return e.g. {@code deribit-pm}
   */
  String model();

  /**
   * Computes the margin.
   *
   * @param account  positions, cash, USD prices and add-ons
   * @param params  a parameter set of this model, possibly with overrides
   * @return the margin
   * @throws InvalidInputException naming the field: INVALID_ARGUMENT for a bad size, add-on or parameter set of
   *     another model, NOT_FOUND for a missing USD price, FAILED_PRECONDITION for a parameter the set lacks
   */
  MarginResult margin(MarginAccount account, MarginParameters params);

  /**
   * Gets the calculator of a model.
   *
   * @param model  the model name: {@code deribit-sm}, {@code deribit-pm} or {@code span}
   * @return the calculator
   * @throws InvalidInputException INVALID_ARGUMENT (field {@code model}) for an unknown model
   */
  static MarginCalculator forModel(String model) {
    return switch (model) {
      case StandardMarginCalculator.MODEL -> STANDARD;
      case DeribitPortfolioMarginCalculator.MODEL -> PORTFOLIO;
      case SpanMarginCalculator.MODEL -> SPAN;
      default -> throw InvalidInputException.invalid("model", model, "is not a margin model of this build (known: "
          + StandardMarginCalculator.MODEL + ", " + DeribitPortfolioMarginCalculator.MODEL + ", "
          + SpanMarginCalculator.MODEL + ")");
    };
  }

  /**
   * Gets the calculator of a parameter set's model.
   *
   * @param params  the parameter set
   * @return the calculator
   * @throws InvalidInputException INVALID_ARGUMENT (field {@code model}) when no calculator has that model
   */
  static MarginCalculator of(MarginParameters params) {
    return forModel(params.model());
  }

  /**
   * Computes the margin under the model of the parameter set.
   *
   * @param account  the account
   * @param params  the parameter set
   * @return the margin
   */
  static MarginResult compute(MarginAccount account, MarginParameters params) {
    return of(params).margin(account, params);
  }

  /** Deribit standard margin ({@link StandardMarginCalculator}) plus the IM add-ons. */
  record Standard() implements MarginCalculator {

    @Override
    public String model() {
      return StandardMarginCalculator.MODEL;
    }

    @Override
    public MarginResult margin(MarginAccount account, MarginParameters params) {
      checkModel(this, params);
      MarginResult r = StandardMarginCalculator.DEFAULT.margin(account.positions(), account.cash(), account.usdPrices(), params);
      checkAddOns(account, r.currencies().stream().map(CurrencyMarginResult::currency).toList());
      if (account.openOrdersMargin().isEmpty() && account.mmpMargin().isEmpty()) {
        return r;
      }
      List<CurrencyMarginResult> currencies = new ArrayList<>();
      for (CurrencyMarginResult c : r.currencies()) {
        double im = c.initialMargin() + addOns(account, c.currency());
        currencies.add(new CurrencyMarginResult(c.currency(), im, c.maintenanceMargin(), c.equity(), c.marginBalance(),
            c.marginBalance() - im, c.marginRatio(), c.status(), c.indexUsd(), c.details()));
      }
      return assemble(model(), params, currencies, r.positions());
    }
  }

  /**
   * Deribit portfolio margin ({@link DeribitPortfolioMarginCalculator}): IM and MM per currency from the risk
   * matrices, each position with NaN IM / MM (not separable) and its worst-scenario PnL as
   * {@link PositionMarginResult#worstCaseContribution()}.
   *
   * @param calculator  the PM calculator
   */
  record Portfolio(DeribitPortfolioMarginCalculator calculator) implements MarginCalculator {

    @Override
    public String model() {
      return DeribitPortfolioMarginCalculator.MODEL;
    }

    @Override
    public MarginResult margin(MarginAccount account, MarginParameters params) {
      checkModel(this, params);
      checkAddOnsHeld(account);
      PortfolioMarginResult pm = calculator.margin(account.positions(), account.openOrdersMargin(), account.mmpMargin(), params);
      Map<String, Deque<Double>> contributions = new HashMap<>();
      Map<Asset, RiskBased> byCcy = new TreeMap<>();
      pm.currencies().forEach(c -> {
        byCcy.put(c.currency(), new RiskBased(c.initialMargin(), c.maintenanceMargin(), c));
        c.positions().forEach(v ->
            contributions.computeIfAbsent(v.instrument(), k -> new ArrayDeque<>()).add(v.worstScenarioPnl()));
      });
      return riskBased(model(), account, params, byCcy, contributions);
    }
  }

  /**
   * CME-style SPAN ({@link SpanMarginCalculator}) plus the IM add-ons: IM and MM per currency from the combined
   * commodities' scan risk, spread charges, credit and short-option minimum; each position with NaN IM / MM (not
   * separable) and minus its loss in its currency's worst scenario as {@link PositionMarginResult#worstCaseContribution()};
   * the {@link SpanCurrencyMargin} attached to each currency as {@link CurrencyMarginResult#details()}.
   *
   * @param calculator  the SPAN calculator
   */
  record Span(SpanMarginCalculator calculator) implements MarginCalculator {

    @Override
    public String model() {
      return SpanMarginCalculator.MODEL;
    }

    @Override
    public MarginResult margin(MarginAccount account, MarginParameters params) {
      checkModel(this, params);
      checkAddOnsHeld(account);
      SpanMarginResult span = calculator.margin(account.positions(), params);
      Map<String, Deque<Double>> contributions = new HashMap<>();
      Map<Asset, RiskBased> byCcy = new TreeMap<>();
      span.currencies().forEach(c -> {
        double addOns = addOns(account, c.currency());
        byCcy.put(c.currency(), new RiskBased(c.initialMargin() + addOns, c.maintenanceMargin(), c));
        c.positions().forEach(v ->
            contributions.computeIfAbsent(v.instrument(), k -> new ArrayDeque<>()).add(-v.worstScenarioLoss()));
      });
      // add-ons of a currency holding only cash
      account.openOrdersMargin().keySet().forEach(a -> byCcy.computeIfAbsent(a, x -> new RiskBased(addOns(account, x), 0.0, null)));
      account.mmpMargin().keySet().forEach(a -> byCcy.computeIfAbsent(a, x -> new RiskBased(addOns(account, x), 0.0, null)));
      return riskBased(model(), account, params, byCcy, contributions);
    }
  }

  /** IM and MM of one currency under a risk-based model, both in that currency, with its details (null when none). */
  record RiskBased(double initialMargin, double maintenanceMargin, MarginDetails details) {
  }

  /**
   * Assembles a risk-based model's result: positions with NaN IM / MM and their worst-case contribution (taken in
   * input order per instrument name), equity per currency as under standard margin, ratio and status from the bands.
   */
  private static MarginResult riskBased(String model, MarginAccount account, MarginParameters params,
      Map<Asset, RiskBased> byCcy, Map<String, Deque<Double>> contributions) {
    Map<Asset, Double> equity = new TreeMap<>();
    account.cash().forEach((a, v) -> equity.merge(a, Checks.finite("collateral[" + a + "]", v), Double::sum));
    List<PositionMarginResult> positions = new ArrayList<>();
    for (MarginPosition p : account.positions()) {
      double[] value = value(p);
      Deque<Double> q = contributions.get(p.instrument().name());
      Double contribution = q == null ? null : q.poll();
      Asset ccy = p.instrument().settlementCurrency();
      positions.add(new PositionMarginResult(p.instrument().name(), p.size(), ccy, Double.NaN, Double.NaN,
          value[0], value[1], contribution == null ? 0.0 : contribution));
      equity.merge(ccy, value[0] + value[1], Double::sum);
    }
    TreeSet<Asset> all = new TreeSet<>(equity.keySet());
    all.addAll(byCcy.keySet());
    StatusBands bands = StatusBands.of(params);
    List<CurrencyMarginResult> currencies = new ArrayList<>();
    for (Asset ccy : all) {
      RiskBased c = byCcy.get(ccy);
      double im = c == null ? 0.0 : c.initialMargin();
      double mm = c == null ? 0.0 : c.maintenanceMargin();
      double eq = equity.getOrDefault(ccy, 0.0);
      currencies.add(new CurrencyMarginResult(ccy, im, mm, eq, eq, eq - im, StatusBands.marginRatio(eq, mm),
          bands.classify(eq, mm), usdPrice(ccy, account.usdPrices()), c == null ? null : c.details()));
    }
    return assemble(model, params, currencies, positions);
  }

  private static void checkModel(MarginCalculator calc, MarginParameters params) {
    if (!calc.model().equals(params.model())) {
      throw InvalidInputException.invalid("parameter_set", params.name(),
          "is a " + params.model() + " set, not a " + calc.model() + " set");
    }
  }

  /** Checks the add-ons against the currencies the account holds as cash or settles positions in. */
  private static void checkAddOnsHeld(MarginAccount account) {
    TreeSet<Asset> held = new TreeSet<>(account.cash().keySet());
    account.positions().forEach(p -> held.add(p.instrument().settlementCurrency()));
    checkAddOns(account, List.copyOf(held));
  }

  private static void checkAddOns(MarginAccount account, List<Asset> present) {
    check(account.openOrdersMargin(), "open_orders_margin", present);
    check(account.mmpMargin(), "mmp_margin", present);
  }

  private static void check(Map<Asset, Double> addOns, String field, List<Asset> present) {
    for (Map.Entry<Asset, Double> e : addOns.entrySet()) {
      String f = field + "[" + e.getKey() + "]";
      Checks.nonNegative(f, e.getValue() == null ? Double.NaN : e.getValue());
      if (!present.contains(e.getKey())) {
        throw InvalidInputException.invalid(f, e.getKey(), "is for a currency the account neither holds as collateral"
            + " nor settles positions in (currencies: " + present + ")");
      }
    }
  }

  private static double addOns(MarginAccount account, Asset ccy) {
    return account.openOrdersMargin().getOrDefault(ccy, 0.0) + account.mmpMargin().getOrDefault(ccy, 0.0);
  }

  /** {unrealised PnL, option mark value} of a position, settlement currency (the standard-margin definitions). */
  private static double[] value(MarginPosition p) {
    double size = Checks.finite("size", p.size());
    double mark = p.mark().price();
    double avg = p.averagePrice();
    return switch (p.instrument()) {
      case OptionInstrument o -> new double[] {0.0, size * mark};
      case FutureInstrument f -> deltaOne(f.settlement(), size, avg, mark);
      case PerpetualInstrument pp -> deltaOne(pp.settlement(), size, avg, mark);
      default -> new double[] {0.0, 0.0};
    };
  }

  private static double[] deltaOne(SettlementType settlement, double size, double avg, double mark) {
    if (!(avg > 0)) {
      return new double[] {0.0, 0.0};
    }
    double upnl = settlement == SettlementType.INVERSE ? size * avg * (1.0 / avg - 1.0 / mark) : size * (mark - avg);
    return new double[] {upnl, 0.0};
  }

  private static double usdPrice(Asset ccy, Map<Asset, Double> usdPrices) {
    if (ccy.isUsdLike()) {
      return 1.0;
    }
    Double p = usdPrices.get(ccy);
    if (p == null || !(p > 0)) {
      throw InvalidInputException.notFound("currency", ccy.symbol(), "has no index price to convert to USD");
    }
    return p;
  }

  private static MarginResult assemble(String model, MarginParameters params, List<CurrencyMarginResult> currencies,
      List<PositionMarginResult> positions) {
    double imUsd = 0;
    double mmUsd = 0;
    double mbUsd = 0;
    MarginStatus worst = MarginStatus.HEALTHY;
    for (CurrencyMarginResult c : currencies) {
      imUsd += c.initialMargin() * c.indexUsd();
      mmUsd += c.maintenanceMargin() * c.indexUsd();
      mbUsd += c.marginBalance() * c.indexUsd();
      worst = worst.worse(c.status());
    }
    return new MarginResult(model, params.name(), currencies, positions, imUsd, mmUsd, mbUsd, worst,
        AccountCalculator.DEFAULT.cross(currencies, CollateralHaircuts.of(params), StatusBands.of(params)));
  }
}
