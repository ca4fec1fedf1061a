package io.levex.core.market.surface;

import io.levex.core.basics.Asset;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.ForwardCurve;
import io.levex.core.market.ForwardQuote;
import io.levex.core.market.MarketSnapshot;
import io.levex.core.market.TickerQuote;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainRow;
import io.levex.core.pricer.impl.NormalDistribution;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Builds a {@link VolSurface} of one underlying from option marks: a {@link MarketSnapshot} (tickers) or the
 * rows of a recorded {@link DeribitChain}.
 * <p>
 * <b>Forward curve.</b> Nodes: the forward of each expiry (snapshot: its forward quote, else the median ticker
 * {@code underlying_price} of the expiry's options; chain: the {@code underlying} of the expiry's newest row,
 * the first in file order on ties, as {@link DeribitChain#toMarketSnapshot}). Spot point: the perpetual mark,
 * else the index (snapshot), the newest row's index (chain). See {@link ForwardCurve}.
 * <p>
 * <b>Quote selection</b> per expiry, at the expiry's forward F:
 * <ol>
 * <li>options of the underlying with a mark IV (decimal) and a positive mark price; expired expiries
 * (T = 0 at the valuation instant) are skipped;</li>
 * <li>the out-of-the-money side only: puts for K &lt; F, calls for K &gt;= F (at K = F the call is kept; by
 * put-call parity both have the same Black-76 vol); a strike whose OTM option has no mark is left out, never
 * replaced by the in-the-money option; duplicates of a strike keep the first name in sort order;</li>
 * <li>quotes with |Black-76 forward delta| (r = 0, at the mark IV: {@code N(d1)} call, {@code N(d1) - 1} put)
 * below {@code minAbsDelta} (default 0.01) are dropped: their prices sit at a few ticks and the venue's wing
 * marks are flat there;</li>
 * <li>an expiry with fewer than {@code minQuotesPerSlice} (default 5) quotes left is skipped and listed in
 * {@link VolSurface#skipped()} with the reason.</li>
 * </ol>
 * Each slice is fitted in vol by {@link SviFitter} with {@link QuoteWeighting} (default uniform). Stateless
 * and thread-safe.
 */
public final class VolSurfaceBuilder {

  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

  /** Default instance: at least 5 quotes per slice, |delta| >= 0.01, uniform weights. */
  public static final VolSurfaceBuilder DEFAULT = new VolSurfaceBuilder(SviFitter.DEFAULT, 5, 0.01, QuoteWeighting.UNIFORM);

  private final SviFitter fitter;
  private final int minQuotesPerSlice;
  private final double minAbsDelta;
  private final QuoteWeighting weighting;
  /** N^-1(minAbsDelta): |forward delta| >= minAbsDelta iff d1 >= it (call) or -d1 >= it (put). */
  private final double d1Threshold;

  private VolSurfaceBuilder(SviFitter fitter, int minQuotesPerSlice, double minAbsDelta, QuoteWeighting weighting) {
    this.fitter = fitter;
    this.minQuotesPerSlice = minQuotesPerSlice;
    this.minAbsDelta = minAbsDelta;
    this.weighting = weighting;
    this.d1Threshold = minAbsDelta > 0 ? NormalDistribution.inverseCdf(minAbsDelta) : Double.NEGATIVE_INFINITY;
  }

  /**
   * Returns a builder with another minimum number of quotes per slice.
   *
   * @param minQuotes  the minimum, >= {@link SviFitter#MIN_QUOTES}
   * @return the builder
   */
  public VolSurfaceBuilder withMinQuotesPerSlice(int minQuotes) {
    if (minQuotes < SviFitter.MIN_QUOTES) {
      throw InvalidInputException.invalid("min_quotes_per_slice", minQuotes, "must be >= " + SviFitter.MIN_QUOTES);
    }
    return new VolSurfaceBuilder(fitter, minQuotes, minAbsDelta, weighting);
  }

  /**
   * Returns a builder with another delta cut-off.
   *
   * @param minAbsDelta  quotes with |forward delta| below it are dropped, in [0, 0.5)
   * @return the builder
   */
  public VolSurfaceBuilder withMinAbsDelta(double minAbsDelta) {
    Checks.inRange("min_abs_delta", minAbsDelta, 0.0, 0.49);
    return new VolSurfaceBuilder(fitter, minQuotesPerSlice, minAbsDelta, weighting);
  }

  /**
   * Returns a builder with another quote weighting.
   *
   * @param weighting  the weighting
   * @return the builder
   */
  public VolSurfaceBuilder withWeighting(QuoteWeighting weighting) {
    return new VolSurfaceBuilder(fitter, minQuotesPerSlice, minAbsDelta, Objects.requireNonNull(weighting, "weighting"));
  }

  /**
   * Returns a builder with another fitter.
   *
   * @param fitter  the SVI fitter
   * @return the builder
   */
  public VolSurfaceBuilder withFitter(SviFitter fitter) {
    return new VolSurfaceBuilder(Objects.requireNonNull(fitter, "fitter"), minQuotesPerSlice, minAbsDelta, weighting);
  }

  //-------------------------------------------------------------------------
  /**
   * Builds the surface of an underlying from the option tickers of a market snapshot.
   * <p>
   * Uses every ticker whose name parses ({@link DeribitInstrumentNames#parse}) as an option on the underlying,
   * with its {@link TickerQuote#markIv()} (decimal; tickers without one are ignored).
   *
   * @param snapshot  the market snapshot
   * @param underlying  the coin
   * @param valuation  the valuation instant
   * @return the surface
   * @throws InvalidInputException NOT_FOUND (field {@code underlying}) when the snapshot has no option ticker
   *     of the underlying; FAILED_PRECONDITION when no expiry can be fitted
   */
  public VolSurface build(MarketSnapshot snapshot, Asset underlying, Instant valuation) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuation, "valuation");
    String prefixInverse = underlying.symbol() + "-";
    String prefixLinear = underlying.symbol() + "_";
    Map<Instant, List<Candidate>> byExpiry = new TreeMap<>();
    Map<Instant, List<Double>> tickerForwards = new TreeMap<>();
    for (Map.Entry<String, TickerQuote> e : snapshot.tickers().entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(prefixInverse) && !name.startsWith(prefixLinear)) {
        continue;
      }
      Instrument parsed;
      try {
        parsed = DeribitInstrumentNames.parse(name);
      } catch (InvalidInputException ex) {
        continue;
      }
      if (!(parsed instanceof OptionInstrument option) || !option.underlying().equals(underlying)) {
        continue;
      }
      TickerQuote q = e.getValue();
      if (Double.isNaN(q.markIv())) {
        continue;
      }
      byExpiry.computeIfAbsent(option.expiry(), x -> new ArrayList<>())
          .add(new Candidate(name, option.putCall(), option.strike(), q.markIv()));
      if (!Double.isNaN(q.underlyingPrice())) {
        tickerForwards.computeIfAbsent(option.expiry(), x -> new ArrayList<>()).add(q.underlyingPrice());
      }
    }
    if (byExpiry.isEmpty()) {
      throw InvalidInputException.notFound("underlying", underlying,
          "has no option ticker with a mark IV in the market snapshot");
    }
    NavigableMap<Instant, Double> nodes = new TreeMap<>();
    NavigableMap<Instant, ForwardQuote> quotes = snapshot.forwards().get(underlying);
    if (quotes != null) {
      quotes.forEach((expiry, fq) -> nodes.put(expiry, fq.forwardUsd()));
    }
    tickerForwards.forEach((expiry, list) -> nodes.putIfAbsent(expiry, median(list)));
    return fit(underlying, valuation, curve(underlying, valuation, ForwardCurve.spotOf(snapshot, underlying), nodes), byExpiry);
  }

  /**
   * Builds the surface of an underlying from a recorded chain.
   *
   * @param chain  the chain
   * @param underlying  the coin
   * @param valuation  the valuation instant, e.g. {@link DeribitChain#snapshotTime()}
   * @return the surface
   * @throws InvalidInputException NOT_FOUND (field {@code underlying}) when the chain has no row of the
   *     underlying; FAILED_PRECONDITION when no expiry can be fitted
   */
  public VolSurface build(DeribitChain chain, Asset underlying, Instant valuation) {
    Objects.requireNonNull(chain, "chain");
    return build(chain.rows(underlying), underlying, valuation);
  }

  /**
   * Builds the surface of an underlying from chain rows (rows of other underlyings are ignored; rows marked
   * at 0 are dropped).
   *
   * @param rows  the rows, in file order
   * @param underlying  the coin
   * @param valuation  the valuation instant
   * @return the surface
   * @throws InvalidInputException NOT_FOUND (field {@code underlying}) when there is no row of the
   *     underlying; FAILED_PRECONDITION when no expiry can be fitted
   */
  public VolSurface build(Collection<DeribitChainRow> rows, Asset underlying, Instant valuation) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuation, "valuation");
    Map<Instant, List<Candidate>> byExpiry = new TreeMap<>();
    Map<Instant, DeribitChainRow> newestPerExpiry = new TreeMap<>();
    DeribitChainRow newest = null;
    for (DeribitChainRow r : rows) {
      if (!r.currency().equals(underlying)) {
        continue;
      }
      if (newest == null || r.timestamp().isAfter(newest.timestamp())) {
        newest = r;
      }
      newestPerExpiry.merge(r.expiry(), r, (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
      List<Candidate> list = byExpiry.computeIfAbsent(r.expiry(), x -> new ArrayList<>());
      if (r.markPriceCoin() > 0) {
        list.add(new Candidate(r.instrumentName(), r.putCall(), r.strikeUsd(), r.markIv()));
      }
    }
    if (newest == null) {
      throw InvalidInputException.notFound("underlying", underlying, "has no option in the chain");
    }
    NavigableMap<Instant, Double> nodes = new TreeMap<>();
    newestPerExpiry.forEach((expiry, r) -> nodes.put(expiry, r.underlyingPriceUsd()));
    OptionalDouble spot = newest.indexPriceUsd() > 0 ? OptionalDouble.of(newest.indexPriceUsd()) : OptionalDouble.empty();
    return fit(underlying, valuation, curve(underlying, valuation, spot, nodes), byExpiry);
  }

  //-------------------------------------------------------------------------
  private static ForwardCurve curve(Asset underlying, Instant valuation, OptionalDouble spot, NavigableMap<Instant, Double> nodes) {
    if (spot.isPresent()) {
      return ForwardCurve.of(underlying, valuation, spot.getAsDouble(), nodes);
    }
    if (nodes.tailMap(valuation, false).isEmpty()) {
      throw InvalidInputException.notFound("underlying", underlying,
          "has no forward after " + valuation + " and no spot price");
    }
    return ForwardCurve.ofNodes(underlying, valuation, nodes);
  }

  private VolSurface fit(Asset underlying, Instant valuation, ForwardCurve curve, Map<Instant, List<Candidate>> byExpiry) {
    List<SviSlice> slices = new ArrayList<>();
    List<SkippedSlice> skipped = new ArrayList<>();
    NavigableMap<Instant, Double> nodes = curve.nodes();
    for (Map.Entry<Instant, List<Candidate>> e : byExpiry.entrySet()) {
      Instant expiry = e.getKey();
      double t = YearFractions.between(valuation, expiry);
      if (t <= 0) {
        skipped.add(new SkippedSlice(expiry, 0, "expired at the valuation instant " + valuation));
        continue;
      }
      Double forward = nodes.get(expiry);
      if (forward == null) {
        skipped.add(new SkippedSlice(expiry, 0, "no forward for the expiry"));
        continue;
      }
      SliceInput in = select(e.getValue(), forward, t);
      if (in.size < minQuotesPerSlice) {
        skipped.add(new SkippedSlice(expiry, in.size, "only " + in.size + " out-of-the-money quotes with |delta| >= "
            + Checks.format(minAbsDelta) + " and a positive mark (minimum " + minQuotesPerSlice + ")"));
        continue;
      }
      try {
        SviFitResult fit = fitter.fit(t, in.k, in.vols, weighting == QuoteWeighting.UNIFORM ? null : in.vegas);
        List<SliceQuote> fitted = new ArrayList<>(in.size);
        double maxVega = 0;
        for (double v : in.vegas) {
          maxVega = Math.max(maxVega, v);
        }
        for (int i = 0; i < in.size; i++) {
          Candidate c = in.quotes[i];
          fitted.add(new SliceQuote(c.instrument, c.putCall, c.strike, in.k[i], in.vols[i],
              fit.parameters().impliedVol(in.k[i], t), weighting == QuoteWeighting.UNIFORM ? 1.0 : in.vegas[i] / maxVega));
        }
        slices.add(new SviSlice(expiry, t, forward, fit.parameters(), fitted, fit.rmsVolError()));
      } catch (InvalidInputException ex) {
        skipped.add(new SkippedSlice(expiry, in.size, "SVI fit failed: " + ex.getMessage()));
      }
    }
    if (slices.isEmpty()) {
      StringBuilder reasons = new StringBuilder();
      for (SkippedSlice s : skipped) {
        reasons.append(reasons.length() == 0 ? "" : "; ").append(s.expiry()).append(": ").append(s.reason());
      }
      throw InvalidInputException.failedPrecondition("underlying", underlying, "has no expiry with enough quotes to fit ("
          + reasons + ")");
    }
    return VolSurface.of(underlying, valuation, curve, slices, skipped);
  }

  /** Out-of-the-money quotes above the delta cut, by strike, with k, vol and vega. */
  private SliceInput select(List<Candidate> candidates, double forward, double t) {
    Candidate[] sorted = candidates.toArray(new Candidate[0]);
    Arrays.sort(sorted, Comparator.comparingDouble(Candidate::strike).thenComparing(Candidate::instrument));
    int n = sorted.length;
    Candidate[] quotes = new Candidate[n];
    double[] k = new double[n];
    double[] vols = new double[n];
    double[] vegas = new double[n];
    int size = 0;
    double lastStrike = Double.NaN;
    double sqrtT = Math.sqrt(t);
    for (Candidate c : sorted) {
      boolean otmCall = c.strike >= forward;
      if (c.putCall.isCall() != otmCall || c.strike == lastStrike) {
        continue;
      }
      // Black-76 at r = 0: d1 = (-k + w/2)/sqrt(w); call delta N(d1), put delta N(d1) - 1 = -N(-d1)
      double logMoneyness = Math.log(c.strike / forward);
      double sd = c.markIv * sqrtT;
      double d1 = (-logMoneyness + 0.5 * sd * sd) / sd;
      if ((otmCall ? d1 : -d1) < d1Threshold) {
        continue;
      }
      double vega = forward * INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1) * sqrtT / 100.0;
      if (!(vega > 0)) {
        continue;
      }
      lastStrike = c.strike;
      quotes[size] = c;
      k[size] = logMoneyness;
      vols[size] = c.markIv;
      vegas[size] = vega;
      size++;
    }
    return new SliceInput(Arrays.copyOf(quotes, size), Arrays.copyOf(k, size), Arrays.copyOf(vols, size),
        Arrays.copyOf(vegas, size), size);
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }

  /** An option mark considered for a slice. */
  private record Candidate(String instrument, PutCall putCall, double strike, double markIv) {
  }

  /** The selected quotes of one slice. */
  private record SliceInput(Candidate[] quotes, double[] k, double[] vols, double[] vegas, int size) {
  }
}
