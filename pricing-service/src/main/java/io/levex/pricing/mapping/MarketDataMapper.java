package io.levex.pricing.mapping;

import io.levex.api.convert.InstrumentMapper;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.ForwardQuote;
import io.levex.core.market.FundingQuote;
import io.levex.core.market.IndexQuote;
import io.levex.core.market.MarketSnapshot;
import io.levex.core.market.TickerQuote;
import io.levex.core.product.Instrument;
import io.levex.core.product.PerpetualInstrument;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies one {@code MarketDataUpdate} to a snapshot, validating every field.
 */
public final class MarketDataMapper {

  private MarketDataMapper() {
  }

  /**
   * The result of applying an update.
   *
   * @param snapshot  the new snapshot
   * @param instrument  the instrument the update concerns, if any (tickers, funding)
   * @param underlying  the underlying it concerns
   */
  public record Applied(MarketSnapshot snapshot, Optional<Instrument> instrument, Asset underlying) {
  }

  /**
   * Applies an update.
   *
   * @param snapshot  the current snapshot
   * @param update  the update
   * @param receivedAt  the receipt time, used when the update carries no time
   * @return the new snapshot and what it concerns
   * @throws InvalidInputException INVALID_ARGUMENT naming the field (e.g. {@code ticker.mark_price})
   */
  public static Applied apply(MarketSnapshot snapshot, MarketDataUpdate update, Instant receivedAt) {
    switch (update.getUpdateCase()) {
      case INDEX_PRICE -> {
        var u = update.getIndexPrice();
        try {
          Asset underlying = Asset.of(u.getUnderlying());
          Instant t = u.hasTime() ? ProtoTimes.toInstant(u.getTime()) : receivedAt;
          return new Applied(snapshot.with(new IndexQuote(underlying, u.getPriceUsd(), t)), Optional.empty(), underlying);
        } catch (InvalidInputException ex) {
          throw ex.withFieldPrefix("index_price");
        }
      }
      case TICKER -> {
        var u = update.getTicker();
        Instrument instrument;
        try {
          instrument = InstrumentMapper.parseName(u.getInstrument());
        } catch (InvalidInputException ex) {
          throw ex.withField("ticker.instrument");
        }
        try {
          Instant t = u.hasTime() ? ProtoTimes.toInstant(u.getTime()) : receivedAt;
          if (u.hasMarkIv() && instrument.kind() != io.levex.core.basics.InstrumentKind.OPTION) {
            throw InvalidInputException.invalid("mark_iv", u.getMarkIv(), "is only meaningful for options, not " + instrument.name());
          }
          TickerQuote q = new TickerQuote(instrument.name(), u.getMarkPrice(),
              u.hasMarkIv() ? u.getMarkIv() : Double.NaN,
              u.hasUnderlyingPrice() ? u.getUnderlyingPrice() : Double.NaN,
              u.hasIndexPrice() ? u.getIndexPrice() : Double.NaN, t);
          MarketSnapshot next = snapshot.with(q, instrument.underlying());
          if (u.hasFunding8H()) {
            if (!(instrument instanceof PerpetualInstrument)) {
              throw InvalidInputException.invalid("funding_8h", u.getFunding8H(), "is only meaningful for perpetuals, not " + instrument.name());
            }
            next = next.with(new FundingQuote(instrument.name(), u.getFunding8H(), t));
          }
          return new Applied(next, Optional.of(instrument), instrument.underlying());
        } catch (InvalidInputException ex) {
          throw ex.withFieldPrefix("ticker");
        }
      }
      case FORWARD -> {
        var u = update.getForward();
        try {
          Asset underlying = Asset.of(u.getUnderlying());
          if (!u.hasExpiry()) {
            throw InvalidInputException.invalid("expiry", "", "is required");
          }
          Instant t = u.hasTime() ? ProtoTimes.toInstant(u.getTime()) : receivedAt;
          ForwardQuote q = new ForwardQuote(underlying, ProtoTimes.toInstant(u.getExpiry()), u.getForwardUsd(), t);
          return new Applied(snapshot.with(q), Optional.empty(), underlying);
        } catch (InvalidInputException ex) {
          throw ex.withFieldPrefix("forward");
        }
      }
      case FUNDING -> {
        var u = update.getFunding();
        Instrument instrument;
        try {
          instrument = InstrumentMapper.parseName(u.getInstrument());
        } catch (InvalidInputException ex) {
          throw ex.withField("funding.instrument");
        }
        if (!(instrument instanceof PerpetualInstrument)) {
          throw InvalidInputException.invalid("funding.instrument", u.getInstrument(), "must be a perpetual");
        }
        try {
          Instant t = u.hasTime() ? ProtoTimes.toInstant(u.getTime()) : receivedAt;
          return new Applied(snapshot.with(new FundingQuote(instrument.name(), u.getRate8H(), t)), Optional.of(instrument),
              instrument.underlying());
        } catch (InvalidInputException ex) {
          throw ex.withFieldPrefix("funding");
        }
      }
      default -> throw InvalidInputException.invalid("update", "", "is empty (set index_price, ticker, forward or funding)");
    }
  }
}
