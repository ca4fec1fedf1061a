package io.levex.core.portfolio;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainRow;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.FutureInstrument;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The market data a portfolio is marked with, as a user states it. Immutable.
 *
 * @param asOf  the valuation instant
 * @param indexUsd  spot index per underlying, USD per coin, each > 0
 * @param marks  venue mark per instrument name, in its quote unit: USD per coin for futures and perpetuals, coin
 *     per option for inverse options, USD(C) per option for linear options; each finite and >= 0
 * @param vols  mark implied vol per option name, decimal, each in (0, 10]
 * @param forwardsUsd  forward per underlying and expiry, USD per coin, each > 0 (Deribit {@code underlying_price}
 *     of a chain); used before the forward curve of the futures marks
 */
public record PortfolioMarket(
    Instant asOf,
    Map<Asset, Double> indexUsd,
    Map<String, Double> marks,
    Map<String, Double> vols,
    Map<Asset, NavigableMap<Instant, Double>> forwardsUsd) {

  /** The largest accepted vol, decimal (1000%). */
  public static final double MAX_VOL = 10.0;

  /** Validates and copies; errors name the entry by its portfolio-file path, e.g.
   * {@code market.index[BTC]} or {@code market.vols[BTC-27MAR26-90000-C]}. */
  public PortfolioMarket {
    Objects.requireNonNull(asOf, "asOf");
    indexUsd.forEach((a, v) -> Checks.positive("market.index[" + a + "]", nonNull("market.index[" + a + "]", v)));
    marks.forEach((n, v) -> Checks.nonNegative("market.marks[" + n + "]", nonNull("market.marks[" + n + "]", v)));
    vols.forEach((n, v) -> {
      String field = "market.vols[" + n + "]";
      Checks.finite(field, nonNull(field, v));
      if (!(v > 0) || v > MAX_VOL) {
        throw InvalidInputException.invalid(field, Checks.format(v), "must lie in (0, 10] (a decimal vol: 0.5 = 50%)");
      }
    });
    Map<Asset, NavigableMap<Instant, Double>> fwd = new TreeMap<>();
    forwardsUsd.forEach((a, byExpiry) -> {
      byExpiry.forEach((e, v) -> Checks.positive("market.forwards[" + a + "][" + e + "]", nonNull("market.forwards[" + a + "]", v)));
      fwd.put(a, Collections.unmodifiableNavigableMap(new TreeMap<>(byExpiry)));
    });
    indexUsd = Collections.unmodifiableMap(new TreeMap<>(indexUsd));
    marks = Collections.unmodifiableMap(new TreeMap<>(marks));
    vols = Collections.unmodifiableMap(new TreeMap<>(vols));
    forwardsUsd = Collections.unmodifiableMap(fwd);
  }

  /**
   * Creates a market without forwards.
   *
   * @param asOf  the valuation instant
   * @param indexUsd  index per underlying, USD per coin
   * @param marks  marks per instrument name, quote unit
   * @param vols  mark IVs per option name, decimal
   * @return the market
   */
  public static PortfolioMarket of(Instant asOf, Map<Asset, Double> indexUsd, Map<String, Double> marks, Map<String, Double> vols) {
    return new PortfolioMarket(asOf, indexUsd, marks, vols, Map.of());
  }

  /**
   * Returns a copy completed from a recorded Deribit chain; entries already present win.
   * <p>
   * From the chain: the index of each underlying (its last reading in file order), every option's mark (coin) and
   * mark IV (of its newest row), the forward of each expiry ({@code underlying_price} of the expiry's newest row;
   * first in file order on ties), and the mark of each
   * real future that serves as an expiry's underlying ({@code underlying_name} such as {@code BTC-27MAR26}: its
   * {@code underlying_price} is that future's mark; synthetic {@code SYN.} forwards give no future mark).
   *
   * @param chain  the parsed chain
   * @return the completed market
   */
  public PortfolioMarket withChain(DeribitChain chain) {
    Map<Asset, Double> index = new HashMap<>(indexUsd);
    Map<String, Double> m = new HashMap<>(marks);
    Map<String, Double> v = new HashMap<>(vols);
    Map<Asset, NavigableMap<Instant, Double>> fwd = new TreeMap<>();
    forwardsUsd.forEach((a, f) -> fwd.put(a, new TreeMap<>(f)));
    Map<Asset, Double> chainIndex = new HashMap<>();
    Map<String, DeribitChainRow> newestPerOption = new HashMap<>();
    Map<String, DeribitChainRow> newestPerExpiry = new HashMap<>();
    for (DeribitChainRow r : chain.rows()) {
      if (r.indexPriceUsd() > 0) {
        chainIndex.put(r.currency(), r.indexPriceUsd());
      }
      newestPerOption.merge(r.instrumentName(), r, PortfolioMarket::newer);
      newestPerExpiry.merge(r.currency() + "|" + r.expiry(), r, PortfolioMarket::newer);
    }
    chainIndex.forEach(index::putIfAbsent);
    for (DeribitChainRow r : newestPerOption.values()) {
      m.putIfAbsent(r.instrumentName(), r.markPriceCoin());
      if (r.markIv() > 0 && r.markIv() <= MAX_VOL) {
        v.putIfAbsent(r.instrumentName(), r.markIv());
      }
    }
    Map<Asset, NavigableMap<Instant, Double>> chainForwards = new TreeMap<>();
    for (DeribitChainRow r : newestPerExpiry.values()) {
      chainForwards.computeIfAbsent(r.currency(), a -> new TreeMap<>()).put(r.expiry(), r.underlyingPriceUsd());
      String future = r.underlyingName();
      if (future != null && !future.isBlank() && !future.startsWith("SYN.") && isFuture(future)) {
        m.putIfAbsent(future.trim(), r.underlyingPriceUsd());
      }
    }
    chainForwards.forEach((a, f) -> {
      NavigableMap<Instant, Double> target = fwd.computeIfAbsent(a, x -> new TreeMap<>());
      f.forEach(target::putIfAbsent);
    });
    return new PortfolioMarket(asOf, index, m, v, fwd);
  }

  private static boolean isFuture(String name) {
    try {
      return DeribitInstrumentNames.parse(name) instanceof FutureInstrument;
    } catch (InvalidInputException ex) {
      return false;
    }
  }

  private static DeribitChainRow newer(DeribitChainRow a, DeribitChainRow b) {
    return b.timestamp().isAfter(a.timestamp()) ? b : a;
  }

  private static double nonNull(String field, Double v) {
    if (v == null) {
      throw InvalidInputException.invalid(field, "null", "must be a number");
    }
    return v;
  }
}
