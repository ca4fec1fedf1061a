package io.levex.core.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginPosition;
import io.levex.core.market.ForwardCurve;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import io.levex.core.product.SpotInstrument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Turns a portfolio's positions and market data into priced {@link MarginPosition}s, ready for any margin model.
 * <p>
 * Per position (instrument parsed by {@link DeribitInstrumentNames}; every position needs
 * {@code market.index} of its underlying):
 * <ul>
 * <li><b>futures and perpetuals</b>: the mark from {@code market.marks}, USD per coin;</li>
 * <li><b>options</b>: the forward of the expiry from the underlying's {@link ForwardCurve} (nodes: the futures
 * marks, then {@code market.forwards}; spot point: the inverse perpetual's mark, else the linear USDC
 * perpetual's, else the index), the mark from {@code market.marks} (coin per option for inverse options, USD(C)
 * for linear ones), and the vol from {@code market.vols}, else implied from the mark with
 * {@link ImpliedVolatilitySolver} (Black-76, r = 0). The position is marked at the venue's mark exactly; greeks
 * are Black-76 at the vol. An option with a vol and no mark is priced with Black-76.</li>
 * </ul>
 * Fails with {@link InvalidInputException} naming the field: the position ({@code positions[i].instrument}) for a
 * bad name, an expired instrument, a spot holding or a repeated instrument; the missing market item
 * ({@code market.index}, {@code market.marks}, {@code market.vols}, NOT_FOUND, value = the instrument or the
 * underlying) for missing data; FAILED_PRECONDITION when no vol can be implied from a mark. Stateless and
 * thread-safe; use {@link #DEFAULT}.
 */
public final class PortfolioValuation {

  /** Default instance. */
  public static final PortfolioValuation DEFAULT = new PortfolioValuation();

  private PortfolioValuation() {
  }

  /**
   * Prices every position.
   *
   * @param positions  the positions, each instrument at most once
   * @param market  the market data
   * @return the priced positions, in input order
   * @throws InvalidInputException naming the position or the missing market item
   */
  public List<MarginPosition> value(List<PortfolioPosition> positions, PortfolioMarket market) {
    List<MarginPosition> out = new ArrayList<>(positions.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < positions.size(); i++) {
      PortfolioPosition p = positions.get(i);
      String owner = "positions[" + i + "]";
      Instrument instrument;
      try {
        instrument = DeribitInstrumentNames.parse(p.instrument());
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix(owner);
      }
      Integer before = seen.putIfAbsent(instrument.name(), i);
      if (before != null) {
        throw InvalidInputException.invalid(owner + ".instrument", instrument.name(),
            "repeats positions[" + before + "]: give each instrument once, with the net size");
      }
      out.add(new MarginPosition(instrument, p.size(), p.averagePrice(), mark(instrument, market, owner)));
    }
    return out;
  }

  /**
   * Marks one long unit of an instrument.
   *
   * @param instrument  the instrument
   * @param market  the market data
   * @param owner  the field path of the position, for error messages (e.g. {@code positions[2]})
   * @return the valuation at the portfolio's {@code as_of}
   * @throws InvalidInputException naming the position or the missing market item
   */
  public Valuation mark(Instrument instrument, PortfolioMarket market, String owner) {
    String name = instrument.name();
    if (instrument instanceof SpotInstrument) {
      throw InvalidInputException.invalid(owner + ".instrument", name,
          "is a spot pair: spot holdings are collateral (give them under collateral), not positions");
    }
    if (instrument.isExpiredAt(market.asOf())) {
      throw InvalidInputException.invalid(owner + ".instrument", name,
          "expired at " + instrument.expiryTime().orElseThrow() + ", at or before as_of " + market.asOf()
              + ": remove it (or settle it into collateral)");
    }
    Asset underlying = instrument.underlying();
    Double index = market.indexUsd().get(underlying);
    if (index == null) {
      throw InvalidInputException.notFound("market.index", underlying,
          "has no price for the underlying of " + owner + " " + name + " (give the spot index, USD per coin)");
    }
    Double mark = market.marks().get(name);
    if (!(instrument instanceof OptionInstrument option)) {
      if (mark == null) {
        throw InvalidInputException.notFound("market.marks", name,
            "has no mark for " + owner + " (a future or perpetual needs its mark, USD per coin)");
      }
      Checks.positive("market.marks[" + name + "]", mark);
      return InstrumentPricer.DEFAULT.value(instrument,
          new PricingInputs(mark, Double.NaN, 0.0, index, market.asOf(), "mark=market.marks"), market.asOf());
    }
    return option(option, market, owner, index, mark);
  }

  private Valuation option(OptionInstrument option, PortfolioMarket market, String owner, double index, Double mark) {
    String name = option.name();
    Double vol = market.vols().get(name);
    if (mark == null && vol == null) {
      throw InvalidInputException.notFound("market.marks", name,
          "has no mark for " + owner + " and market.vols has no vol for it (an option needs its mark, "
              + (option.settlement() == SettlementType.INVERSE ? "coin" : option.quoteCurrency().symbol()) + " per option, or its vol)");
    }
    double forward = forwardCurve(option.underlying(), market).forward(option.expiry());
    double t = YearFractions.between(market.asOf(), option.expiry());
    boolean inverse = option.settlement() == SettlementType.INVERSE;
    String volSource = "market.vols";
    if (vol == null) {
      double priceUsd = inverse ? mark * forward : mark;
      try {
        vol = ImpliedVolatilitySolver.DEFAULT.impliedVol(option.putCall().isCall(), forward, option.strike(), t, 0.0, priceUsd);
      } catch (InvalidInputException ex) {
        throw InvalidInputException.failedPrecondition("market.vols", name,
            "has no vol for " + owner + " and none can be implied from its mark " + Checks.format(mark)
                + (inverse ? " coin" : " USD") + " at forward " + Checks.format(forward) + " (" + ex.error().message()
                + "); give the vol");
      }
      volSource = "implied from mark";
    }
    String source = (mark == null ? "price=Black-76" : "mark=market.marks") + "; vol=" + volSource + "; forward=forward curve";
    Valuation model = InstrumentPricer.DEFAULT.value(option,
        new PricingInputs(forward, vol, 0.0, index, market.asOf(), source), market.asOf());
    if (mark == null) {
      return model;
    }
    double priceUsd = inverse ? mark * forward : mark;
    return new Valuation(option, mark, priceUsd, priceUsd / forward, forward, index, vol, model.timeToExpiry(),
        model.greeks(), market.asOf(), market.asOf(), source);
  }

  /**
   * Builds the forward curve of an underlying: nodes from the futures marks of {@code market.marks} (inverse and
   * linear, unexpired), then {@code market.forwards} for expiries without a future; spot point the inverse
   * perpetual's mark, else the linear USDC perpetual's, else the index.
   *
   * @param underlying  the coin
   * @param market  the market data
   * @return the curve
   * @throws InvalidInputException NOT_FOUND (field {@code market.index}) without any price of the underlying
   */
  public ForwardCurve forwardCurve(Asset underlying, PortfolioMarket market) {
    NavigableMap<java.time.Instant, Double> nodes = new TreeMap<>();
    market.marks().forEach((n, price) -> {
      Instrument i = parseOrNull(n);
      if (i instanceof FutureInstrument f && f.underlying().equals(underlying) && f.expiry().isAfter(market.asOf()) && price > 0) {
        if (f.settlement() == SettlementType.INVERSE) {
          nodes.put(f.expiry(), price);
        } else {
          nodes.putIfAbsent(f.expiry(), price);
        }
      }
    });
    NavigableMap<java.time.Instant, Double> given = market.forwardsUsd().get(underlying);
    if (given != null) {
      given.forEach(nodes::putIfAbsent);
    }
    Double spot = market.marks().get(underlying.symbol() + "-PERPETUAL");
    if (spot == null || !(spot > 0)) {
      spot = market.marks().get(underlying.symbol() + "_USDC-PERPETUAL");
    }
    if (spot == null || !(spot > 0)) {
      spot = market.indexUsd().get(underlying);
    }
    if (spot == null) {
      if (nodes.tailMap(market.asOf(), false).isEmpty()) {
        throw InvalidInputException.notFound("market.index", underlying,
            "has no price of the underlying, and market.marks no future or perpetual of it: no forward");
      }
      return ForwardCurve.ofNodes(underlying, market.asOf(), nodes);
    }
    return ForwardCurve.of(underlying, market.asOf(), spot, nodes);
  }

  private static Instrument parseOrNull(String name) {
    try {
      return DeribitInstrumentNames.parse(name);
    } catch (InvalidInputException ex) {
      return null;
    }
  }
}
