package io.levex.core.margin.liquidation;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.MarginResult;
import io.levex.core.margin.PositionMarginResult;
import io.levex.core.margin.StandardMarginCalculator;
import io.levex.core.margin.account.CurrencyBalance;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.OptionInstrument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link AccountMarginFunction} of Deribit standard margin for accounts of futures and perpetuals.
 * <p>
 * A shift of underlying U by m multiplies the index of U and the mark and forward of every future and perpetual on U
 * by {@code 1 + m}; the account is re-margined with {@link StandardMarginCalculator} at the moved marks, so inverse
 * PnL is in coin ({@code face (1/P0 - 1/P)}), linear PnL in USDC ({@code size (P - P0)}), and size-scaled MM is
 * recomputed (inverse coin size = face / moved mark; linear MM converts at the moved index). A position without a
 * known average price is taken at its current mark, so its PnL from now on is counted. Cash balances and positions
 * on other underlyings are fixed; cash in U is revalued in the cross view. Vol shifts change nothing (no
 * vol-dependent position is accepted).
 * <p>
 * Options on the shifted underlying are rejected (FAILED_PRECONDITION): repricing them is the scenario engine's job,
 * wired in by the integrator. Options on other underlyings stay at their marks.
 * <p>
 * Units: segregated view, the currency's own unit; cross view, USD. Immutable and thread-safe.
 */
public final class StandardMarginShift implements AccountMarginFunction {

  private final List<MarginPosition> positions;
  private final Map<Asset, Double> cash;
  private final Map<Asset, Double> usdPrices;
  private final MarginParameters params;
  private final MarginView view;

  /**
   * Creates the function.
   *
   * @param positions  positions with their current marks, not empty
   * @param cash  cash per asset, asset units (collateral; may be negative after trades)
   * @param usdPrices  USD per unit of every non-USD currency present (the index)
   * @param params  the standard-margin parameter set
   * @param view  the margin balance tracked
   * @throws InvalidInputException INVALID_ARGUMENT for an empty portfolio
   */
  public StandardMarginShift(
      List<MarginPosition> positions, Map<Asset, Double> cash, Map<Asset, Double> usdPrices, MarginParameters params,
      MarginView view) {
    if (positions.isEmpty()) {
      throw InvalidInputException.invalid("positions", "[]", "is empty: an account without positions has no liquidation level");
    }
    this.positions = List.copyOf(positions);
    this.cash = Map.copyOf(cash);
    this.usdPrices = Map.copyOf(usdPrices);
    this.params = Objects.requireNonNull(params, "params");
    this.view = Objects.requireNonNull(view, "view");
  }

  @Override
  public ShiftedMargin at(Asset underlying, double move, double volShift) {
    Checks.finite("move", move);
    Checks.finite("vol_shift", volShift);
    if (move <= -1) {
      throw InvalidInputException.invalid("move", Checks.format(move), "must be > -1");
    }
    double x = 1.0 + move;
    List<MarginPosition> shifted = new ArrayList<>(positions.size());
    for (int i = 0; i < positions.size(); i++) {
      MarginPosition p = positions.get(i);
      if (!p.instrument().underlying().equals(underlying)) {
        shifted.add(p);
      } else if (p.instrument() instanceof OptionInstrument) {
        throw InvalidInputException.failedPrecondition("positions[" + i + "]", p.instrument().name(),
            "is an option on " + underlying + ": shifting it needs the scenario engine's repricer (this adapter covers"
                + " futures and perpetuals)");
      } else {
        double avg = p.averagePrice() > 0 ? p.averagePrice() : p.mark().price();
        shifted.add(new MarginPosition(p.instrument(), p.size(), avg, scale(p.mark(), x)));
      }
    }
    Map<Asset, Double> usd = new HashMap<>(usdPrices);
    usd.computeIfPresent(underlying, (a, v) -> v * x);
    MarginResult r = StandardMarginCalculator.DEFAULT.margin(shifted, cash, usd, params);
    return switch (view) {
      case MarginView.Segregated s -> segregated(r, s.currency());
      case MarginView.Cross c -> cross(r);
    };
  }

  private static ShiftedMargin segregated(MarginResult r, Asset currency) {
    CurrencyMarginResult c = r.currencies().stream().filter(x -> x.currency().equals(currency)).findFirst().orElse(null);
    List<PositionExcess> excess = new ArrayList<>();
    for (PositionMarginResult p : r.positions()) {
      double e = p.currency().equals(currency) ? value(p) - p.maintenanceMargin() : 0.0;
      excess.add(new PositionExcess(p.instrument(), e));
    }
    return c == null
        ? new ShiftedMargin(0.0, 0.0, excess)
        : new ShiftedMargin(c.marginBalance(), c.maintenanceMargin(), excess);
  }

  private static ShiftedMargin cross(MarginResult r) {
    Map<Asset, CurrencyBalance> balances = new HashMap<>();
    r.account().balances().forEach(b -> balances.put(b.currency(), b));
    List<PositionExcess> excess = new ArrayList<>();
    for (PositionMarginResult p : r.positions()) {
      CurrencyBalance b = balances.get(p.currency());
      double keep = b.marginBalance() > 0 ? 1.0 - b.haircut() : 1.0;
      excess.add(new PositionExcess(p.instrument(), (value(p) * keep - p.maintenanceMargin()) * b.indexUsd()));
    }
    return new ShiftedMargin(r.account().marginBalanceUsd(), r.account().maintenanceMarginUsd(), excess);
  }

  private static double value(PositionMarginResult p) {
    return p.unrealizedPnl() + p.marketValue();
  }

  private static Valuation scale(Valuation v, double x) {
    return new Valuation(v.instrument(), v.price() * x, v.priceUsd() * x, v.priceCoin(), v.forwardUsd() * x,
        v.indexUsd() * x, v.impliedVol(), v.timeToExpiry(), v.greeks(), v.valuationTime(), v.sourceTime(), v.source());
  }
}
