package io.levex.core.market;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.SettlementType;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.surface.VolSurface;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Chooses the forward, implied vol and index an instrument is priced with.
 * <p>
 * Order of precedence (first available wins):
 * <ul>
 * <li><b>forward</b> of an option: explicit override; the option's ticker {@code underlying_price};
 * a forward quote for its expiry; the mark of the same-expiry future; the underlying's {@link ForwardCurve}
 * interpolated to the expiry (log-linear between the perpetual or index at t = 0 and the forward quotes). Of a
 * future or perpetual: override; its ticker mark price; (futures) a forward quote for its expiry, then the
 * curve. Of spot: the index.</li>
 * <li><b>vol</b> of an option: override; the ticker's {@code mark_iv}; the vol implied from the ticker's
 * mark price; the underlying's SVI {@link VolSurface} at the option's strike and expiry, when a surface source
 * is given.</li>
 * <li><b>index</b>: override; the index quote; the instrument ticker's index price; else the forward
 * (flagged in the source).</li>
 * </ul>
 * Missing data fails with NOT_FOUND naming the instrument and the missing item. Stateless and thread-safe.
 */
public final class MarketDataResolver {

  /** Default instance. */
  public static final MarketDataResolver DEFAULT = new MarketDataResolver();

  private MarketDataResolver() {
  }

  /**
   * Resolves the pricing inputs of an instrument.
   *
   * @param instrument  the instrument
   * @param snapshot  the market snapshot
   * @param overrides  explicit inputs, {@link PricingOverrides#NONE} for none
   * @param valuation  the valuation instant (the time of override inputs)
   * @return the inputs
   * @throws InvalidInputException NOT_FOUND when a required input is missing
   */
  public PricingInputs resolve(Instrument instrument, MarketSnapshot snapshot, PricingOverrides overrides, Instant valuation) {
    return resolve(instrument, snapshot, overrides, valuation, underlying -> Optional.empty());
  }

  /**
   * Resolves the pricing inputs of an instrument, with volatility surfaces as the last source of option vols.
   *
   * @param instrument  the instrument
   * @param snapshot  the market snapshot
   * @param overrides  explicit inputs, {@link PricingOverrides#NONE} for none
   * @param valuation  the valuation instant (the time of override inputs)
   * @param surfaces  the surface of an underlying, if one is available (e.g. built from the same snapshot)
   * @return the inputs
   * @throws InvalidInputException NOT_FOUND when a required input is missing
   */
  public PricingInputs resolve(Instrument instrument, MarketSnapshot snapshot, PricingOverrides overrides, Instant valuation,
      Function<Asset, Optional<VolSurface>> surfaces) {
    String name = instrument.name();
    List<String> sources = new ArrayList<>();
    Instant[] oldest = {null};
    Optional<TickerQuote> ticker = snapshot.ticker(name);

    double forward;
    if (!Double.isNaN(overrides.forwardUsd())) {
      forward = overrides.forwardUsd();
      note(sources, oldest, "forward=request", valuation);
    } else {
      forward = resolveForward(instrument, snapshot, ticker, sources, oldest, valuation);
    }

    double vol = Double.NaN;
    double rate = Double.isNaN(overrides.rate()) ? 0.0 : overrides.rate();
    if (instrument instanceof OptionInstrument option) {
      if (!Double.isNaN(overrides.impliedVol())) {
        vol = overrides.impliedVol();
        note(sources, oldest, "vol=request", valuation);
      } else if (ticker.isPresent() && !Double.isNaN(ticker.get().markIv())) {
        vol = ticker.get().markIv();
        note(sources, oldest, "vol=ticker mark_iv", ticker.get().time());
      } else if (ticker.isPresent()) {
        double t = YearFractions.between(valuation, option.expiry());
        double priceUsd = option.settlement() == SettlementType.INVERSE
            ? ticker.get().markPrice() * forward
            : ticker.get().markPrice();
        if (t <= 0) {
          throw InvalidInputException.invalid("instrument", name, "has expired: no implied volatility");
        }
        vol = ImpliedVolatilitySolver.DEFAULT.impliedVol(option.putCall().isCall(), forward, option.strike(), t, rate, priceUsd);
        note(sources, oldest, "vol=implied from ticker mark_price", ticker.get().time());
      } else {
        Optional<VolSurface> surface = surfaces.apply(option.underlying());
        if (surface.isEmpty() || surface.get().slices().isEmpty()) {
          throw InvalidInputException.notFound("instrument", name,
              "has no implied volatility in the market snapshot (no ticker mark_iv or mark_price, and no volatility surface of "
                  + option.underlying() + ")");
        }
        vol = surface.get().impliedVol(option.expiry(), option.strike());
        note(sources, oldest, "vol=SVI surface " + option.underlying(), surface.get().valuation());
      }
    }

    double index;
    Optional<IndexQuote> indexQuote = snapshot.index(instrument.underlying());
    if (!Double.isNaN(overrides.indexUsd())) {
      index = overrides.indexUsd();
      note(sources, oldest, "index=request", valuation);
    } else if (indexQuote.isPresent()) {
      index = indexQuote.get().priceUsd();
      note(sources, oldest, "index=index quote", indexQuote.get().time());
    } else if (ticker.isPresent() && !Double.isNaN(ticker.get().indexPrice())) {
      index = ticker.get().indexPrice();
      note(sources, oldest, "index=ticker index_price", ticker.get().time());
    } else if (instrument.kind() == InstrumentKind.SPOT) {
      throw InvalidInputException.notFound("instrument", name,
          "has no index price for " + instrument.underlying() + " in the market snapshot");
    } else {
      index = forward;
      sources.add("index=forward (no index price)");
    }
    return new PricingInputs(forward, vol, rate, index, oldest[0] == null ? valuation : oldest[0], String.join("; ", sources));
  }

  private static double resolveForward(Instrument instrument, MarketSnapshot snapshot, Optional<TickerQuote> ticker,
      List<String> sources, Instant[] oldest, Instant valuation) {
    String name = instrument.name();
    switch (instrument.kind()) {
      case SPOT -> {
        IndexQuote index = snapshot.index(instrument.underlying()).orElseThrow(() -> InvalidInputException.notFound(
            "instrument", name, "has no index price for " + instrument.underlying() + " in the market snapshot"));
        note(sources, oldest, "forward=index", index.time());
        return index.priceUsd();
      }
      case PERPETUAL -> {
        TickerQuote t = ticker.orElseThrow(() -> InvalidInputException.notFound(
            "instrument", name, "has no mark price in the market snapshot (publish a ticker for it)"));
        note(sources, oldest, "mark=ticker mark_price", t.time());
        return t.markPrice();
      }
      case FUTURE -> {
        if (ticker.isPresent()) {
          note(sources, oldest, "mark=ticker mark_price", ticker.get().time());
          return ticker.get().markPrice();
        }
        Instant expiry = instrument.expiryTime().orElseThrow();
        Optional<ForwardQuote> fq = snapshot.forward(instrument.underlying(), expiry);
        if (fq.isPresent()) {
          note(sources, oldest, "mark=forward quote", fq.get().time());
          return fq.get().forwardUsd();
        }
        OptionalDouble curve = curveForward(snapshot, instrument.underlying(), expiry, valuation, sources, oldest);
        if (curve.isPresent()) {
          return curve.getAsDouble();
        }
        throw InvalidInputException.notFound("instrument", name,
            "has no mark price in the market snapshot (no ticker, no forward quote and no forward curve of "
                + instrument.underlying() + ")");
      }
      case OPTION -> {
        if (ticker.isPresent() && !Double.isNaN(ticker.get().underlyingPrice())) {
          note(sources, oldest, "forward=ticker underlying_price", ticker.get().time());
          return ticker.get().underlyingPrice();
        }
        Instant expiry = instrument.expiryTime().orElseThrow();
        Optional<ForwardQuote> fq = snapshot.forward(instrument.underlying(), expiry);
        if (fq.isPresent()) {
          note(sources, oldest, "forward=forward quote", fq.get().time());
          return fq.get().forwardUsd();
        }
        String futureName = new FutureInstrument(instrument.underlying(), Asset.USD,
            SettlementType.INVERSE, expiry, 1, instrument.venue()).name();
        Optional<TickerQuote> future = snapshot.ticker(futureName);
        if (future.isPresent()) {
          note(sources, oldest, "forward=future " + futureName, future.get().time());
          return future.get().markPrice();
        }
        OptionalDouble curve = curveForward(snapshot, instrument.underlying(), expiry, valuation, sources, oldest);
        if (curve.isPresent()) {
          return curve.getAsDouble();
        }
        throw InvalidInputException.notFound("instrument", name,
            "has no forward in the market snapshot (no ticker underlying_price, no forward quote, no future "
                + futureName + " for expiry " + expiry + ", and no index, perpetual or forward quote of "
                + instrument.underlying() + " to build a forward curve)");
      }
      default -> throw new IllegalStateException("unknown kind " + instrument.kind());
    }
  }

  // the underlying's forward curve at an expiry; its source time is the oldest input the curve is built from
  private static OptionalDouble curveForward(MarketSnapshot snapshot, Asset underlying, Instant expiry, Instant valuation,
      List<String> sources, Instant[] oldest) {
    ForwardCurve curve;
    try {
      curve = ForwardCurve.of(snapshot, underlying, valuation);
    } catch (InvalidInputException ex) {
      return OptionalDouble.empty();
    }
    Instant time = snapshot.lastUpdate();
    var quotes = snapshot.forwards().get(underlying);
    if (quotes != null) {
      for (ForwardQuote q : quotes.values()) {
        time = q.time().isBefore(time) ? q.time() : time;
      }
    }
    var perpetual = snapshot.ticker(underlying.symbol() + "-PERPETUAL");
    var index = snapshot.index(underlying);
    if (perpetual.isPresent()) {
      time = perpetual.get().time().isBefore(time) ? perpetual.get().time() : time;
    } else if (index.isPresent()) {
      time = index.get().time().isBefore(time) ? index.get().time() : time;
    }
    note(sources, oldest, "forward=curve " + underlying + " (log-linear in time)", time);
    return OptionalDouble.of(curve.forward(expiry));
  }

  private static void note(List<String> sources, Instant[] oldest, String source, Instant time) {
    sources.add(source);
    if (oldest[0] == null || time.isBefore(oldest[0])) {
      oldest[0] = time;
    }
  }
}
