package io.levex.core.market;

import io.levex.core.basics.Asset;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of market data: index prices, tickers per instrument, forwards per underlying and
 * expiry, and funding rates.
 * <p>
 * Updates return a new snapshot (copy on write); readers never see a half-applied update. Thread-safe.
 */
public final class MarketSnapshot {

  private static final MarketSnapshot EMPTY =
      new MarketSnapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), 0);

  private final Instant lastUpdate;
  private final Map<Asset, IndexQuote> indices;
  private final Map<String, TickerQuote> tickers;
  private final Map<Asset, NavigableMap<Instant, ForwardQuote>> forwards;
  private final Map<String, FundingQuote> funding;
  private final long version;

  private MarketSnapshot(
      Instant lastUpdate,
      Map<Asset, IndexQuote> indices,
      Map<String, TickerQuote> tickers,
      Map<Asset, NavigableMap<Instant, ForwardQuote>> forwards,
      Map<String, FundingQuote> funding,
      long version) {
    this.lastUpdate = lastUpdate;
    this.indices = indices;
    this.tickers = tickers;
    this.forwards = forwards;
    this.funding = funding;
    this.version = version;
  }

  /**
   * Gets the empty snapshot.
   *
   * @return the empty snapshot
   */
  public static MarketSnapshot empty() {
    return EMPTY;
  }

  /**
   * Gets the source time of the newest update applied.
   *
   * @return the time, the epoch for the empty snapshot
   */
  public Instant lastUpdate() {
    return lastUpdate;
  }

  /**
   * Gets a counter incremented by every update.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * Gets the index of an underlying.
   *
   * @param underlying  the coin
   * @return the quote, empty if none
   */
  public Optional<IndexQuote> index(Asset underlying) {
    return Optional.ofNullable(indices.get(underlying));
  }

  /**
   * Gets the ticker of an instrument.
   *
   * @param instrument  canonical instrument name
   * @return the ticker, empty if none
   */
  public Optional<TickerQuote> ticker(String instrument) {
    return Optional.ofNullable(tickers.get(instrument));
  }

  /**
   * Gets the forward quote of an underlying for an exact expiry.
   *
   * @param underlying  the coin
   * @param expiry  the expiry
   * @return the quote, empty if none
   */
  public Optional<ForwardQuote> forward(Asset underlying, Instant expiry) {
    NavigableMap<Instant, ForwardQuote> curve = forwards.get(underlying);
    return curve == null ? Optional.empty() : Optional.ofNullable(curve.get(expiry));
  }

  /**
   * Gets the funding rate of a perpetual.
   *
   * @param instrument  canonical perpetual name
   * @return the rate, empty if none
   */
  public Optional<FundingQuote> funding(String instrument) {
    return Optional.ofNullable(funding.get(instrument));
  }

  /**
   * Gets all index quotes.
   *
   * @return an unmodifiable map
   */
  public Map<Asset, IndexQuote> indices() {
    return Collections.unmodifiableMap(indices);
  }

  /**
   * Gets all tickers by instrument name.
   *
   * @return an unmodifiable map
   */
  public Map<String, TickerQuote> tickers() {
    return Collections.unmodifiableMap(tickers);
  }

  /**
   * Gets all forward quotes by underlying, ordered by expiry.
   *
   * @return an unmodifiable map
   */
  public Map<Asset, NavigableMap<Instant, ForwardQuote>> forwards() {
    return Collections.unmodifiableMap(forwards);
  }

  /**
   * Gets all funding rates by perpetual name.
   *
   * @return an unmodifiable map
   */
  public Map<String, FundingQuote> fundingRates() {
    return Collections.unmodifiableMap(funding);
  }

  /**
   * Returns a snapshot with this index price set.
   *
   * @param quote  the quote
   * @return the new snapshot
   */
  public MarketSnapshot with(IndexQuote quote) {
    Map<Asset, IndexQuote> copy = new HashMap<>(indices);
    copy.put(quote.underlying(), quote);
    return new MarketSnapshot(later(quote.time()), copy, tickers, forwards, funding, version + 1);
  }

  /**
   * Returns a snapshot with this ticker set (and its index price, when the ticker carries one and it is
   * newer than the stored index).
   *
   * @param quote  the ticker
   * @param underlying  the instrument's underlying, for the index
   * @return the new snapshot
   */
  public MarketSnapshot with(TickerQuote quote, Asset underlying) {
    Map<String, TickerQuote> copy = new HashMap<>(tickers);
    copy.put(quote.instrument(), quote);
    Map<Asset, IndexQuote> newIndices = indices;
    if (!Double.isNaN(quote.indexPrice())) {
      IndexQuote current = indices.get(underlying);
      if (current == null || !current.time().isAfter(quote.time())) {
        newIndices = new HashMap<>(indices);
        newIndices.put(underlying, new IndexQuote(underlying, quote.indexPrice(), quote.time()));
      }
    }
    return new MarketSnapshot(later(quote.time()), newIndices, copy, forwards, funding, version + 1);
  }

  /**
   * Returns a snapshot with this forward set.
   *
   * @param quote  the forward
   * @return the new snapshot
   */
  public MarketSnapshot with(ForwardQuote quote) {
    Map<Asset, NavigableMap<Instant, ForwardQuote>> copy = new HashMap<>(forwards);
    NavigableMap<Instant, ForwardQuote> curve = new TreeMap<>(forwards.getOrDefault(quote.underlying(), new TreeMap<>()));
    curve.put(quote.expiry(), quote);
    copy.put(quote.underlying(), Collections.unmodifiableNavigableMap(curve));
    return new MarketSnapshot(later(quote.time()), indices, tickers, copy, funding, version + 1);
  }

  /**
   * Returns a snapshot with this funding rate set.
   *
   * @param quote  the funding rate
   * @return the new snapshot
   */
  public MarketSnapshot with(FundingQuote quote) {
    Map<String, FundingQuote> copy = new HashMap<>(funding);
    copy.put(quote.instrument(), quote);
    return new MarketSnapshot(later(quote.time()), indices, tickers, forwards, copy, version + 1);
  }

  private Instant later(Instant time) {
    return time.isAfter(lastUpdate) ? time : lastUpdate;
  }
}
