package io.levex.core.margin.liquidation;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginCalculator;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.MarginResult;
import io.levex.core.margin.PositionMarginResult;
import io.levex.core.margin.account.CurrencyBalance;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.OptionInstrument;
import io.levex.core.scenario.Scenario;
import io.levex.core.scenario.ScenarioEngine;
import io.levex.core.scenario.ScenarioInputs;
import io.levex.core.scenario.ScenarioSet;
import io.levex.core.scenario.UnderlyingShift;
import io.levex.core.scenario.VolShift;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link AccountMarginFunction} of any margin model ({@link MarginCalculator}), options included.
 * <p>
 * A shift of underlying U by a relative move m and an absolute vol shift dv re-marks every position on U and
 * re-runs the model on the re-marked account:
 * <ul>
 *   <li>futures, perpetuals and spot: mark, forward and index x {@code (1 + m)}; a position without a known
 *       average price is taken at its current mark, so its PnL from now on is counted;</li>
 *   <li>options: forward and index x {@code (1 + m)}, vol {@code max(vol + dv, 1e-4)}, and the mark = the current
 *       mark + the {@link ScenarioEngine}'s PnL of one unit in that scenario (inverse: coin per option,
 *       {@code V(F', vol', T)/S' - V(F, vol, T)/S}; linear: USD(C)); time to expiry unchanged; greeks are carried
 *       over unchanged (no margin model reads them);</li>
 *   <li>the index of U among the USD prices x {@code (1 + m)}; cash, add-ons, expired positions and positions on
 *       other underlyings unchanged.</li>
 * </ul>
 * Per-position contributions: value - MM of the position. Models whose positions have no separable MM (portfolio
 * margin: NaN) get the currency's MM allocated pro rata to each position's loss in the worst scenario
 * ({@code -worstCaseContribution}); when those losses sum to 0 the MM is not attributed (it shows in the
 * analysis' {@code otherExcessChange}).
 * <p>
 * Units: segregated view, the currency's own unit; cross view, USD. Immutable and thread-safe.
 */
public final class ModelMarginShift implements AccountMarginFunction {

  /** The lowest vol an option is re-marked at after a negative vol shift, decimal. */
  public static final double MIN_VOL = 1e-4;

  private final MarginCalculator calculator;
  private final MarginAccount account;
  private final MarginParameters params;
  private final MarginView view;
  private final ScenarioEngine engine;

  /**
   * Creates the function.
   *
   * @param calculator  the margin model
   * @param account  the account now, with at least one position
   * @param params  the model's parameter set
   * @param view  the margin balance tracked
   * @param engine  the scenario engine re-marking options
   * @throws InvalidInputException INVALID_ARGUMENT for an empty portfolio
   */
  public ModelMarginShift(
      MarginCalculator calculator, MarginAccount account, MarginParameters params, MarginView view, ScenarioEngine engine) {
    if (account.positions().isEmpty()) {
      throw InvalidInputException.invalid("positions", "[]", "is empty: an account without positions has no liquidation level");
    }
    this.calculator = Objects.requireNonNull(calculator, "calculator");
    this.account = account;
    this.params = Objects.requireNonNull(params, "params");
    this.view = Objects.requireNonNull(view, "view");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * Creates the function for the model of a parameter set, with the default scenario engine.
   *
   * @param account  the account now
   * @param params  the parameter set (its model picks the calculator)
   * @param view  the margin balance tracked
   * @return the function
   */
  public static ModelMarginShift of(MarginAccount account, MarginParameters params, MarginView view) {
    return new ModelMarginShift(MarginCalculator.of(params), account, params, view, ScenarioEngine.DEFAULT);
  }

  /**
   * Gets the margin now (no shift).
   *
   * @return the model's result for the account as it is
   */
  public MarginResult now() {
    return calculator.margin(account, params);
  }

  @Override
  public ShiftedMargin at(Asset underlying, double move, double volShift) {
    Checks.finite("move", move);
    Checks.finite("vol_shift", volShift);
    if (move <= -1) {
      throw InvalidInputException.invalid("move", Checks.format(move), "must be > -1");
    }
    MarginResult r = calculator.margin(shift(underlying, move, volShift), params);
    return switch (view) {
      case MarginView.Segregated s -> segregated(r, s.currency());
      case MarginView.Cross c -> cross(r);
    };
  }

  /**
   * Gets the account after a shift (the re-marked positions and USD prices).
   *
   * @param underlying  the underlying
   * @param move  the relative move, {@code > -1}
   * @param volShift  the absolute vol shift, decimal
   * @return the shifted account
   */
  public MarginAccount shift(Asset underlying, double move, double volShift) {
    double x = 1.0 + move;
    VolShift dv = (vol, years) -> Math.max(vol + volShift, MIN_VOL);
    ScenarioSet set = ScenarioSet.of(List.of(Scenario.of("shift", underlying, UnderlyingShift.of(move, dv))));
    List<MarginPosition> shifted = new ArrayList<>(account.positions().size());
    for (int i = 0; i < account.positions().size(); i++) {
      MarginPosition p = account.positions().get(i);
      Valuation v = p.mark();
      ScenarioInputs in = ScenarioInputs.of(v);
      if (!p.instrument().underlying().equals(underlying) || in.expired()) {
        shifted.add(p);
      } else if (p.instrument() instanceof OptionInstrument o) {
        double pnl;
        try {
          pnl = engine.vector(in, set).pnl(0);
        } catch (InvalidInputException ex) {
          throw ex.withFieldPrefix("positions[" + i + "]");
        }
        double price = v.price() + pnl;
        double s = v.indexUsd() * x;
        boolean inverse = o.settlement() == SettlementType.INVERSE;
        Valuation moved = new Valuation(o, price, inverse ? price * s : price, inverse ? price : price / s,
            v.forwardUsd() * x, s, dv.shiftedVol(v.impliedVol(), v.timeToExpiry()), v.timeToExpiry(), v.greeks(),
            v.valuationTime(), v.sourceTime(), v.source());
        shifted.add(new MarginPosition(o, p.size(), p.averagePrice(), moved));
      } else {
        double avg = p.averagePrice() > 0 ? p.averagePrice() : v.price();
        Valuation moved = new Valuation(v.instrument(), v.price() * x, v.priceUsd() * x, v.priceCoin(), v.forwardUsd() * x,
            v.indexUsd() * x, v.impliedVol(), v.timeToExpiry(), v.greeks(), v.valuationTime(), v.sourceTime(), v.source());
        shifted.add(new MarginPosition(p.instrument(), p.size(), avg, moved));
      }
    }
    Map<Asset, Double> usd = new HashMap<>(account.usdPrices());
    usd.computeIfPresent(underlying, (a, v) -> v * x);
    return account.with(shifted, usd);
  }

  /**
   * Gets the underlyings of an account's positions.
   *
   * @param positions  the positions
   * @return the underlyings, sorted
   */
  public static Set<Asset> underlyings(List<MarginPosition> positions) {
    Set<Asset> out = new TreeSet<>();
    positions.forEach(p -> out.add(p.instrument().underlying()));
    return out;
  }

  /**
   * Gets the ATM vol of an underlying from an account's live options: the vol of the option whose strike is nearest
   * its forward in {@code |ln(K / F)|}, the shorter expiry on a tie.
   *
   * @param positions  the positions
   * @param underlying  the underlying
   * @return the vol, decimal; empty when the account holds no live option on it
   */
  public static OptionalDouble atmVol(List<MarginPosition> positions, Asset underlying) {
    double best = Double.POSITIVE_INFINITY;
    double bestT = Double.POSITIVE_INFINITY;
    double vol = Double.NaN;
    for (MarginPosition p : positions) {
      Valuation v = p.mark();
      if (p.instrument() instanceof OptionInstrument o && o.underlying().equals(underlying)
          && v.timeToExpiry() > 0 && v.impliedVol() > 0 && v.forwardUsd() > 0) {
        double d = Math.abs(Math.log(o.strike() / v.forwardUsd()));
        if (d < best || d == best && v.timeToExpiry() < bestT) {
          best = d;
          bestT = v.timeToExpiry();
          vol = v.impliedVol();
        }
      }
    }
    return Double.isNaN(vol) ? OptionalDouble.empty() : OptionalDouble.of(vol);
  }

  private static ShiftedMargin segregated(MarginResult r, Asset currency) {
    CurrencyMarginResult c = r.currencies().stream().filter(x -> x.currency().equals(currency)).findFirst().orElse(null);
    double[] mm = maintenanceShares(r, c);
    List<PositionExcess> excess = new ArrayList<>();
    for (int i = 0; i < r.positions().size(); i++) {
      PositionMarginResult p = r.positions().get(i);
      double e = p.currency().equals(currency) ? p.value() - mm[i] : 0.0;
      excess.add(new PositionExcess(p.instrument(), e));
    }
    return c == null
        ? new ShiftedMargin(0.0, 0.0, excess)
        : new ShiftedMargin(c.marginBalance(), c.maintenanceMargin(), excess);
  }

  private static ShiftedMargin cross(MarginResult r) {
    Map<Asset, CurrencyBalance> balances = new HashMap<>();
    r.account().balances().forEach(b -> balances.put(b.currency(), b));
    double[] mm = new double[r.positions().size()];
    for (CurrencyMarginResult c : r.currencies()) {
      double[] share = maintenanceShares(r, c);
      for (int i = 0; i < mm.length; i++) {
        mm[i] += share[i];
      }
    }
    List<PositionExcess> excess = new ArrayList<>();
    for (int i = 0; i < r.positions().size(); i++) {
      PositionMarginResult p = r.positions().get(i);
      CurrencyBalance b = balances.get(p.currency());
      double keep = b.marginBalance() > 0 ? 1.0 - b.haircut() : 1.0;
      excess.add(new PositionExcess(p.instrument(), (p.value() * keep - mm[i]) * b.indexUsd()));
    }
    return new ShiftedMargin(r.account().marginBalanceUsd(), r.account().maintenanceMarginUsd(), excess);
  }

  /** Each position's MM in currency c: its own when separable, else a pro-rata share of c's MM by worst-case loss. */
  private static double[] maintenanceShares(MarginResult r, CurrencyMarginResult c) {
    int n = r.positions().size();
    double[] out = new double[n];
    if (c == null) {
      return out;
    }
    double loss = 0.0;
    for (PositionMarginResult p : r.positions()) {
      if (p.currency().equals(c.currency()) && Double.isNaN(p.maintenanceMargin())) {
        loss -= p.worstCaseContribution();
      }
    }
    for (int i = 0; i < n; i++) {
      PositionMarginResult p = r.positions().get(i);
      if (!p.currency().equals(c.currency())) {
        continue;
      }
      if (!Double.isNaN(p.maintenanceMargin())) {
        out[i] = p.maintenanceMargin();
      } else if (loss != 0.0) {
        out[i] = c.maintenanceMargin() * -p.worstCaseContribution() / loss;
      }
    }
    return out;
  }
}
