package io.levex.core.market.chain;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InputError;
import io.levex.core.market.ForwardQuote;
import io.levex.core.market.IndexQuote;
import io.levex.core.market.MarketSnapshot;
import io.levex.core.market.TickerQuote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A parsed Deribit chain snapshot: the rows that parsed and the lines that did not, each with its error.
 * Immutable.
 *
 * @param rows  the option rows, in file order
 * @param rejected  lines that could not be used, by 1-based line number
 */
public record DeribitChain(List<DeribitChainRow> rows, Map<Integer, InputError> rejected) {

  /** Copies the components. */
  public DeribitChain {
    rows = List.copyOf(rows);
    rejected = Map.copyOf(rejected);
  }

  /**
   * Gets the underlyings present, sorted.
   *
   * @return the coins
   */
  public Set<Asset> underlyings() {
    Set<Asset> out = new TreeSet<>();
    rows.forEach(r -> out.add(r.currency()));
    return out;
  }

  /**
   * Gets the rows of one underlying.
   *
   * @param underlying  the coin
   * @return the rows, in file order
   */
  public List<DeribitChainRow> rows(Asset underlying) {
    return rows.stream().filter(r -> r.currency().equals(underlying)).toList();
  }

  /**
   * Gets the newest row timestamp.
   *
   * @return the time, the epoch when there are no rows
   */
  public Instant snapshotTime() {
    return rows.stream().map(DeribitChainRow::timestamp).max(Instant::compareTo).orElse(Instant.EPOCH);
  }

  /**
   * Builds a market snapshot holding, per underlying, the index (the last reading in file order), one forward per expiry
   * (Deribit {@code underlying_price}) and one ticker per option with a positive mark (mark price in coin, mark IV, forward, index; options
   * marked at 0, e.g. deep out of the money hours before expiry, get none).
   *
   * @param base  the snapshot to add to, e.g. {@link MarketSnapshot#empty()}
   * @return the new snapshot
   */
  public MarketSnapshot toMarketSnapshot(MarketSnapshot base) {
    MarketSnapshot snapshot = base;
    Map<Asset, DeribitChainRow> lastPerUnderlying = new TreeMap<>();
    Map<String, DeribitChainRow> forwardPerExpiry = new TreeMap<>();
    for (DeribitChainRow r : rows) {
      lastPerUnderlying.put(r.currency(), r);
      forwardPerExpiry.merge(r.currency() + "|" + r.expiry(), r, (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
    }
    for (DeribitChainRow r : forwardPerExpiry.values()) {
      snapshot = snapshot.with(new ForwardQuote(r.currency(), r.expiry(), r.underlyingPriceUsd(), r.timestamp()));
    }
    for (DeribitChainRow r : rows) {
      if (r.markPriceCoin() > 0) {
        snapshot = snapshot.with(new TickerQuote(r.instrumentName(), r.markPriceCoin(), r.markIv(),
            r.underlyingPriceUsd(), r.indexPriceUsd(), r.timestamp()), r.currency());
      }
    }
    // the index last: the last reading in file order (each row carries the index its ticker call saw)
    for (DeribitChainRow r : lastPerUnderlying.values()) {
      if (r.indexPriceUsd() > 0) {
        snapshot = snapshot.with(new IndexQuote(r.currency(), r.indexPriceUsd(), r.timestamp()));
      }
    }
    return snapshot;
  }
}
