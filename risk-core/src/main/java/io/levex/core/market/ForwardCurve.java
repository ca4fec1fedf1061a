package io.levex.core.market;

import io.levex.core.basics.Asset;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The forward curve of one underlying: forward prices (USD per coin) by time to expiry, from futures and
 * synthetic-forward marks, anchored at the spot point at {@code t = 0}.
 * <p>
 * Rules ({@code t} in 365-day years from the valuation instant, see {@link YearFractions}):
 * <ul>
 * <li><b>at a node</b> the node's forward is returned exactly;</li>
 * <li><b>between two points</b> (the spot point at {@code t = 0} counts as the first point) {@code ln F} is
 * linear in {@code t}: the implied carry {@code c = d ln F / dt} (continuously compounded, per year) is constant
 * between expiries;</li>
 * <li><b>after the last node</b> {@code ln F} is extended with the carry of the last segment (the one ending
 * at the last node), i.e. {@code F(t) = F_n exp(c_n (t - t_n))}. A flat forward would imply zero carry after
 * the last expiry, which contradicts the observed basis; the last observed carry is the better guess;</li>
 * <li><b>before the first node</b> the curve runs from the spot point to the first node; without a spot point
 * it is flat at the first node's forward;</li>
 * <li>with a spot point and no node the curve is flat at the spot.</li>
 * </ul>
 * Nodes whose expiry is at or before the valuation instant are dropped. Immutable and thread-safe.
 */
public final class ForwardCurve {

  private final Asset underlying;
  private final Instant valuation;
  private final double spotUsd;
  private final Instant[] expiries;
  private final double[] times;
  private final double[] forwards;
  /** The points of the log-linear interpolation: spot (when present) then the nodes. */
  private final double[] pointTimes;
  private final double[] pointLogForwards;
  private final double[] pointForwards;

  private ForwardCurve(Asset underlying, Instant valuation, double spotUsd, NavigableMap<Instant, Double> nodes) {
    this.underlying = underlying;
    this.valuation = valuation;
    this.spotUsd = spotUsd;
    int n = nodes.size();
    this.expiries = new Instant[n];
    this.times = new double[n];
    this.forwards = new double[n];
    int i = 0;
    for (Map.Entry<Instant, Double> e : nodes.entrySet()) {
      expiries[i] = e.getKey();
      times[i] = YearFractions.between(valuation, e.getKey());
      forwards[i] = e.getValue();
      i++;
    }
    boolean hasSpot = !Double.isNaN(spotUsd);
    int offset = hasSpot ? 1 : 0;
    this.pointTimes = new double[n + offset];
    this.pointForwards = new double[n + offset];
    this.pointLogForwards = new double[n + offset];
    if (hasSpot) {
      pointTimes[0] = 0.0;
      pointForwards[0] = spotUsd;
    }
    System.arraycopy(times, 0, pointTimes, offset, n);
    System.arraycopy(forwards, 0, pointForwards, offset, n);
    for (int j = 0; j < pointForwards.length; j++) {
      pointLogForwards[j] = Math.log(pointForwards[j]);
    }
  }

  //-------------------------------------------------------------------------
  /**
   * Creates a curve from a spot point and forward nodes.
   *
   * @param underlying  the coin
   * @param valuation  the valuation instant ({@code t = 0})
   * @param spotUsd  the forward at {@code t = 0} (perpetual mark or index), USD per coin, > 0
   * @param forwardsUsd  forwards by expiry, USD per coin, each > 0; expiries at or before the valuation are dropped
   * @return the curve
   * @throws InvalidInputException INVALID_ARGUMENT naming the field when a price is not finite and > 0
   */
  public static ForwardCurve of(Asset underlying, Instant valuation, double spotUsd, Map<Instant, Double> forwardsUsd) {
    Checks.positive("spot_usd", spotUsd);
    return create(underlying, valuation, spotUsd, forwardsUsd);
  }

  /**
   * Creates a curve from forward nodes only (no spot point: flat before the first node).
   *
   * @param underlying  the coin
   * @param valuation  the valuation instant
   * @param forwardsUsd  forwards by expiry, USD per coin, each > 0; at least one after the valuation
   * @return the curve
   * @throws InvalidInputException INVALID_ARGUMENT naming the field when a price is not finite and > 0 or
   *     no node is left
   */
  public static ForwardCurve ofNodes(Asset underlying, Instant valuation, Map<Instant, Double> forwardsUsd) {
    return create(underlying, valuation, Double.NaN, forwardsUsd);
  }

  /**
   * Creates the curve of an underlying from a market snapshot.
   * <p>
   * Nodes: the snapshot's forward quotes of the underlying ({@link MarketSnapshot#forwards()}, Deribit
   * {@code underlying_price} per expiry) after the valuation instant. Spot point: the mark of the inverse
   * perpetual ({@code <BASE>-PERPETUAL} ticker) when present, else the index ({@link MarketSnapshot#index}),
   * else none.
   *
   * @param snapshot  the market snapshot
   * @param underlying  the coin
   * @param valuation  the valuation instant
   * @return the curve
   * @throws InvalidInputException NOT_FOUND (field {@code underlying}) when the snapshot has neither a forward
   *     nor a spot price of the underlying
   */
  public static ForwardCurve of(MarketSnapshot snapshot, Asset underlying, Instant valuation) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(underlying, "underlying");
    NavigableMap<Instant, Double> nodes = new TreeMap<>();
    NavigableMap<Instant, ForwardQuote> quotes = snapshot.forwards().get(underlying);
    if (quotes != null) {
      quotes.forEach((expiry, q) -> nodes.put(expiry, q.forwardUsd()));
    }
    OptionalDouble spot = spotOf(snapshot, underlying);
    if (spot.isPresent()) {
      return of(underlying, valuation, spot.getAsDouble(), nodes);
    }
    if (nodes.tailMap(valuation, false).isEmpty()) {
      throw InvalidInputException.notFound("underlying", underlying,
          "has no forward quote after " + valuation + " and no perpetual mark or index in the market snapshot");
    }
    return ofNodes(underlying, valuation, nodes);
  }

  /**
   * Gets the spot point of an underlying in a snapshot: the inverse perpetual's mark, else the index.
   *
   * @param snapshot  the market snapshot
   * @param underlying  the coin
   * @return the spot, USD per coin, empty if neither is present
   */
  public static OptionalDouble spotOf(MarketSnapshot snapshot, Asset underlying) {
    var perpetual = snapshot.ticker(underlying.symbol() + "-PERPETUAL");
    if (perpetual.isPresent()) {
      return OptionalDouble.of(perpetual.get().markPrice());
    }
    var index = snapshot.index(underlying);
    return index.isPresent() ? OptionalDouble.of(index.get().priceUsd()) : OptionalDouble.empty();
  }

  private static ForwardCurve create(Asset underlying, Instant valuation, double spotUsd, Map<Instant, Double> forwardsUsd) {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuation, "valuation");
    Objects.requireNonNull(forwardsUsd, "forwardsUsd");
    NavigableMap<Instant, Double> nodes = new TreeMap<>();
    for (Map.Entry<Instant, Double> e : forwardsUsd.entrySet()) {
      Instant expiry = Objects.requireNonNull(e.getKey(), "expiry");
      Double value = e.getValue();
      String field = "forwards[" + expiry + "]";
      if (value == null) {
        throw InvalidInputException.invalid(field, "", "is required");
      }
      Checks.positive(field, value);
      if (expiry.isAfter(valuation)) {
        nodes.put(expiry, value);
      }
    }
    if (nodes.isEmpty() && Double.isNaN(spotUsd)) {
      throw InvalidInputException.invalid("forwards", forwardsUsd.keySet(),
          "has no expiry after the valuation " + valuation + " and there is no spot point");
    }
    return new ForwardCurve(underlying, valuation, spotUsd, nodes);
  }

  //-------------------------------------------------------------------------
  /**
   * Gets the underlying.
   *
   * @return the coin
   */
  public Asset underlying() {
    return underlying;
  }

  /**
   * Gets the valuation instant ({@code t = 0}).
   *
   * @return the instant
   */
  public Instant valuation() {
    return valuation;
  }

  /**
   * Gets the spot point.
   *
   * @return the forward at {@code t = 0}, USD per coin; empty when the curve has none
   */
  public OptionalDouble spotUsd() {
    return Double.isNaN(spotUsd) ? OptionalDouble.empty() : OptionalDouble.of(spotUsd);
  }

  /**
   * Gets the nodes.
   *
   * @return forwards by expiry, USD per coin, ordered by expiry; unmodifiable
   */
  public NavigableMap<Instant, Double> nodes() {
    NavigableMap<Instant, Double> out = new TreeMap<>();
    for (int i = 0; i < expiries.length; i++) {
      out.put(expiries[i], forwards[i]);
    }
    return Collections.unmodifiableNavigableMap(out);
  }

  /**
   * Gets the forward for an expiry.
   *
   * @param expiry  the expiry instant; at or before the valuation it is {@code t = 0}
   * @return the forward, USD per coin; a node's value exactly when the expiry is a node
   */
  public double forward(Instant expiry) {
    Objects.requireNonNull(expiry, "expiry");
    int i = Arrays.binarySearch(expiries, expiry);
    if (i >= 0) {
      return forwards[i];
    }
    return forward(YearFractions.between(valuation, expiry));
  }

  /**
   * Gets the forward at a time to expiry.
   *
   * @param t  time to expiry, 365-day years, >= 0
   * @return the forward, USD per coin
   * @throws InvalidInputException INVALID_ARGUMENT when {@code t} is negative or not finite
   */
  public double forward(double t) {
    Checks.nonNegative("time_to_expiry_years", t);
    double[] pt = pointTimes;
    int n = pt.length;
    if (n == 1 || t <= pt[0]) {
      return pointForwards[0];
    }
    int i = Arrays.binarySearch(pt, t);
    if (i >= 0) {
      return pointForwards[i];
    }
    int upper = -i - 1;
    int seg = upper >= n ? n - 2 : upper - 1;
    double slope = (pointLogForwards[seg + 1] - pointLogForwards[seg]) / (pt[seg + 1] - pt[seg]);
    return Math.exp(pointLogForwards[seg] + slope * (t - pt[seg]));
  }

  /**
   * Gets the implied carry at a time to expiry: {@code d ln F / dt}, the continuously compounded rate per year
   * of the segment containing {@code t} (right-continuous at nodes; the last segment's after the last node).
   *
   * @param t  time to expiry, 365-day years, >= 0
   * @return the carry, decimal per year; 0 for a curve with a single point
   */
  public double carry(double t) {
    Checks.nonNegative("time_to_expiry_years", t);
    double[] pt = pointTimes;
    int n = pt.length;
    if (n == 1 || (t < pt[0])) {
      return 0.0;
    }
    int i = Arrays.binarySearch(pt, t);
    int seg = i >= 0 ? i : -i - 2;
    seg = Math.min(seg, n - 2);
    return (pointLogForwards[seg + 1] - pointLogForwards[seg]) / (pt[seg + 1] - pt[seg]);
  }

  @Override
  public String toString() {
    return "ForwardCurve[" + underlying + " at " + valuation + ", spot " + spotUsd + ", " + nodes() + "]";
  }
}
