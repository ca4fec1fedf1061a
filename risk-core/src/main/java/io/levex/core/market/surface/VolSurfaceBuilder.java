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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Builds a {@link VolSurface} of one underlying from option marks: a {@link MarketSnapshot} (tickers), the
 * rows of a recorded {@link DeribitChain}, or quote arrays ({@link #build(Asset, Instant, double, Instant[], double[],
 * int[], boolean[], double[], double[], String[])}, for callers that have just solved the vols in arrays).
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
 * <p>
 * <b>Cost.</b> All three entry points reduce their input to the same quote arrays (name, call flag, strike, vol)
 * grouped by expiry, then select and fit on primitive arrays: one hash lookup per row to find its expiry, one stable
 * sort of each expiry's out-of-the-money indices by strike (names compared only on equal strikes; already sorted
 * input costs one pass), one reusable fit workspace per build. The static-arbitrage checks are not run here but on
 * the first {@link VolSurface#arbitrageViolations()} call.
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
    Quotes quotes = new Quotes(snapshot.tickers().size());
    Groups groups = new Groups();
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
      Group g = groups.of(option.expiry());
      g.add(quotes.add(name, option.putCall().isCall(), option.strike(), q.markIv()));
      if (!Double.isNaN(q.underlyingPrice())) {
        g.addTickerForward(q.underlyingPrice());
      }
    }
    if (groups.isEmpty()) {
      throw InvalidInputException.notFound("underlying", underlying,
          "has no option ticker with a mark IV in the market snapshot");
    }
    NavigableMap<Instant, Double> nodes = new TreeMap<>();
    NavigableMap<Instant, ForwardQuote> forwardQuotes = snapshot.forwards().get(underlying);
    if (forwardQuotes != null) {
      forwardQuotes.forEach((expiry, fq) -> nodes.put(expiry, fq.forwardUsd()));
    }
    Group[] sorted = groups.sorted();
    for (Group g : sorted) {
      if (g.tickerForwardCount > 0) {
        nodes.putIfAbsent(g.expiry, g.medianTickerForward());
      }
    }
    ForwardCurve curve = curve(underlying, valuation, ForwardCurve.spotOf(snapshot, underlying), nodes);
    for (Group g : sorted) {
      Double f = nodes.get(g.expiry);
      g.forward = f == null ? Double.NaN : f;
    }
    return fit(underlying, valuation, curve, sorted, quotes);
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
    return build(chain.rows(), underlying, valuation);
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
    Quotes quotes = new Quotes(rows.size());
    Groups groups = new Groups();
    DeribitChainRow newest = null;
    for (DeribitChainRow r : rows) {
      if (!r.currency().equals(underlying)) {
        continue;
      }
      if (newest == null || r.timestamp().isAfter(newest.timestamp())) {
        newest = r;
      }
      Group g = groups.of(r.expiry());
      // the expiry's forward: its newest row, the first in file order on ties
      if (g.newest == null || r.timestamp().isAfter(g.newest.timestamp())) {
        g.newest = r;
      }
      if (r.markPriceCoin() > 0) {
        g.add(quotes.add(r.instrumentName(), r.putCall().isCall(), r.strikeUsd(), r.markIv()));
      }
    }
    if (newest == null) {
      throw InvalidInputException.notFound("underlying", underlying, "has no option in the chain");
    }
    Group[] sorted = groups.sorted();
    NavigableMap<Instant, Double> nodes = new TreeMap<>();
    for (Group g : sorted) {
      g.forward = g.newest.underlyingPriceUsd();
      nodes.put(g.expiry, g.forward);
    }
    OptionalDouble spot = newest.indexPriceUsd() > 0 ? OptionalDouble.of(newest.indexPriceUsd()) : OptionalDouble.empty();
    return fit(underlying, valuation, curve(underlying, valuation, spot, nodes), sorted, quotes);
  }

  /**
   * Builds the surface of an underlying from quote arrays, e.g. implied vols just solved in a batch: the same
   * selection and fits as the other entry points, without per-quote objects on the way in.
   * <p>
   * Quote {@code i} is an option on {@code expiries[expiryIndex[i]]} with call flag {@code call[i]}, strike
   * {@code strikeUsd[i]} and implied vol {@code impliedVols[i]}; a vol that is NaN, infinite or not positive means
   * the option has no usable quote (e.g. a failed solve or a zero mark) and is dropped, as rows marked at 0 are from a
   * chain. An expiry that no quote refers to is a forward-curve node only; one whose quotes are all dropped or
   * rejected by the selection is listed in {@link VolSurface#skipped()}. The quote arrays need not be grouped or
   * sorted (already sorted by strike within each expiry is the cheapest). The arrays are read, never kept or
   * modified. Called with the rows of a chain (expiries and forwards as {@link #build(Collection, Asset, Instant)}
   * takes them, mark IVs, names) it returns the same surface.
   *
   * @param underlying  the coin
   * @param valuation  the valuation instant (t = 0)
   * @param spotUsd  the forward curve's spot point at t = 0 (perpetual mark or index), USD per coin, > 0; NaN for
   *     none (the curve is then flat before the first expiry)
   * @param expiries  the expiry instants, strictly increasing, at least one
   * @param forwardsUsd  per expiry the forward (Deribit {@code underlying_price} of the expiry), USD per coin, > 0:
   *     the forward-curve nodes and the slice forwards
   * @param expiryIndex  per quote the index of its expiry in {@code expiries}
   * @param call  per quote true for a call, false for a put
   * @param strikeUsd  per quote the strike, USD per coin, finite and > 0
   * @param impliedVols  per quote the implied vol, decimal per sqrt(year) (Black-76, r = 0); see above for NaN
   * @param instrumentNames  per quote the instrument name, e.g. {@code BTC-27MAR26-90000-C}, non-null: reported in
   *     {@link SliceQuote#instrument()} and, on equal strikes, the tie-break of the selection (first name wins)
   * @return the surface
   * @throws InvalidInputException INVALID_ARGUMENT naming the array and index on bad input (lengths, order,
   *     strikes, forwards, expiry indices, names); NOT_FOUND (field {@code underlying}) when there is no quote;
   *     FAILED_PRECONDITION when no expiry can be fitted
   */
  public VolSurface build(Asset underlying, Instant valuation, double spotUsd, Instant[] expiries, double[] forwardsUsd,
      int[] expiryIndex, boolean[] call, double[] strikeUsd, double[] impliedVols, String[] instrumentNames) {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuation, "valuation");
    required("expiries", expiries);
    required("forwards_usd", forwardsUsd);
    int m = expiries.length;
    sameLength("forwards_usd", forwardsUsd.length, "expiries", m);
    for (int e = 0; e < m; e++) {
      if (expiries[e] == null) {
        throw InvalidInputException.invalid("expiries[" + e + "]", "", "is required");
      }
      if (e > 0 && !expiries[e].isAfter(expiries[e - 1])) {
        throw InvalidInputException.invalid("expiries[" + e + "]", expiries[e],
            "must be after the previous expiry " + expiries[e - 1]);
      }
    }
    int n = required("expiry_index", expiryIndex).length;
    sameLength("call", required("call", call).length, "expiry_index", n);
    sameLength("strike_usd", required("strike_usd", strikeUsd).length, "expiry_index", n);
    sameLength("implied_vols", required("implied_vols", impliedVols).length, "expiry_index", n);
    sameLength("instrument_names", required("instrument_names", instrumentNames).length, "expiry_index", n);
    if (n == 0) {
      throw InvalidInputException.notFound("underlying", underlying, "has no option quote");
    }
    Group[] byIndex = new Group[m];
    int groupCount = 0;
    for (int i = 0; i < n; i++) {
      int e = expiryIndex[i];
      if (e < 0 || e >= m) {
        throw InvalidInputException.invalid("expiry_index[" + i + "]", e, "must lie in [0, " + m + ")");
      }
      double strike = strikeUsd[i];
      if (!(strike > 0) || !Double.isFinite(strike)) {
        Checks.positive("strike_usd[" + i + "]", strike);
        Checks.finite("strike_usd[" + i + "]", strike);
      }
      if (instrumentNames[i] == null) {
        throw InvalidInputException.invalid("instrument_names[" + i + "]", "", "is required");
      }
      Group g = byIndex[e];
      if (g == null) {
        g = new Group(expiries[e]);
        g.forward = forwardsUsd[e];
        byIndex[e] = g;
        groupCount++;
      }
      g.add(i);
    }
    Group[] sorted = new Group[groupCount];
    NavigableMap<Instant, Double> nodes = new TreeMap<>();
    int j = 0;
    for (int e = 0; e < m; e++) {
      nodes.put(expiries[e], forwardsUsd[e]);
      if (byIndex[e] != null) {
        sorted[j++] = byIndex[e];
      }
    }
    OptionalDouble spot = Double.isNaN(spotUsd) ? OptionalDouble.empty() : OptionalDouble.of(spotUsd);
    ForwardCurve curve = curve(underlying, valuation, spot, nodes);
    return fit(underlying, valuation, curve, sorted, new Quotes(instrumentNames, call, strikeUsd, impliedVols, n));
  }

  private static <T> T required(String field, T array) {
    if (array == null) {
      throw InvalidInputException.invalid(field, "", "is required");
    }
    return array;
  }

  private static void sameLength(String field, int length, String reference, int expected) {
    if (length != expected) {
      throw InvalidInputException.invalid(field, length + " values",
          "must have one value per entry of " + reference + " (" + expected + ")");
    }
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

  /**
   * Selects and fits every expiry.
   *
   * @param groups  the expiries with their quote indices and forwards (NaN: none), by increasing expiry
   */
  private VolSurface fit(Asset underlying, Instant valuation, ForwardCurve curve, Group[] groups, Quotes quotes) {
    List<SviSlice> slices = new ArrayList<>(groups.length);
    List<SkippedSlice> skipped = new ArrayList<>();
    int capacity = 0;
    for (Group g : groups) {
      capacity = Math.max(capacity, g.size);
    }
    Selection sel = new Selection(capacity);
    SviProblem problem = new SviProblem(capacity);
    boolean uniform = weighting == QuoteWeighting.UNIFORM;
    for (Group g : groups) {
      Instant expiry = g.expiry;
      double t = YearFractions.between(valuation, expiry);
      if (t <= 0) {
        skipped.add(new SkippedSlice(expiry, 0, "expired at the valuation instant " + valuation));
        continue;
      }
      double forward = g.forward;
      if (Double.isNaN(forward)) {
        skipped.add(new SkippedSlice(expiry, 0, "no forward for the expiry"));
        continue;
      }
      int size = select(g, quotes, forward, t, sel);
      if (size < minQuotesPerSlice) {
        skipped.add(new SkippedSlice(expiry, size, "only " + size + " out-of-the-money quotes with |delta| >= "
            + Checks.format(minAbsDelta) + " and a positive mark (minimum " + minQuotesPerSlice + ")"));
        continue;
      }
      try {
        problem.loadVols(t, sel.k, sel.vols, uniform ? null : sel.vegas, size);
        SviFitResult fit = fitter.fit(problem);
        SviParameters params = fit.parameters();
        double maxVega = 0;
        for (int i = 0; i < size; i++) {
          maxVega = Math.max(maxVega, sel.vegas[i]);
        }
        SliceQuote[] fitted = new SliceQuote[size];
        for (int i = 0; i < size; i++) {
          int q = sel.index[i];
          fitted[i] = new SliceQuote(quotes.name[q], quotes.call[q] ? PutCall.CALL : PutCall.PUT, quotes.strike[q],
              sel.k[i], sel.vols[i], params.impliedVol(sel.k[i], t), uniform ? 1.0 : sel.vegas[i] / maxVega);
        }
        slices.add(new SviSlice(expiry, t, forward, params, Arrays.asList(fitted), fit.rmsVolError()));
      } catch (InvalidInputException ex) {
        skipped.add(new SkippedSlice(expiry, size, "SVI fit failed: " + ex.getMessage()));
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

  /**
   * Selects the out-of-the-money quotes of an expiry above the delta cut, by strike, with k, vol and vega.
   *
   * @return the number selected (the first entries of {@code sel})
   */
  private int select(Group g, Quotes quotes, double forward, double t, Selection sel) {
    // the out-of-the-money side with a usable vol: the other quotes never count, whatever their order
    int[] candidates = sel.candidates;
    int c = 0;
    boolean[] isCall = quotes.call;
    double[] strike = quotes.strike;
    double[] vol = quotes.vol;
    for (int j = 0; j < g.size; j++) {
      int i = g.members[j];
      double v = vol[i];
      if (isCall[i] == (strike[i] >= forward) && v > 0 && v < Double.POSITIVE_INFINITY) {
        candidates[c++] = i;
      }
    }
    sortByStrike(candidates, c, strike, quotes.name, sel.scratch);
    int size = 0;
    double lastStrike = Double.NaN;
    double sqrtT = Math.sqrt(t);
    for (int j = 0; j < c; j++) {
      int i = candidates[j];
      double k = strike[i];
      if (k == lastStrike) {
        continue;
      }
      boolean otmCall = isCall[i];
      // Black-76 at r = 0: d1 = (-k + w/2)/sqrt(w); call delta N(d1), put delta N(d1) - 1 = -N(-d1)
      double logMoneyness = Math.log(k / forward);
      double sd = vol[i] * sqrtT;
      double d1 = (-logMoneyness + 0.5 * sd * sd) / sd;
      if ((otmCall ? d1 : -d1) < d1Threshold) {
        continue;
      }
      double vega = forward * INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1) * sqrtT / 100.0;
      if (!(vega > 0)) {
        continue;
      }
      lastStrike = k;
      sel.index[size] = i;
      sel.k[size] = logMoneyness;
      sel.vols[size] = vol[i];
      sel.vegas[size] = vega;
      size++;
    }
    return size;
  }

  /**
   * Sorts quote indices by strike, then instrument name on equal strikes; stable (equal keys keep their order).
   * Primitive keys, no comparator objects: one pass when already sorted, else insertion sort for short runs and a
   * merge sort above.
   */
  static void sortByStrike(int[] idx, int n, double[] strike, String[] name, int[] scratch) {
    boolean sorted = true;
    for (int j = 1; j < n && sorted; j++) {
      sorted = compare(idx[j - 1], idx[j], strike, name) <= 0;
    }
    if (!sorted) {
      mergeSort(idx, 0, n, strike, name, scratch);
    }
  }

  private static void mergeSort(int[] a, int from, int to, double[] strike, String[] name, int[] scratch) {
    if (to - from <= 24) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], v, strike, name) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, from, mid, strike, name, scratch);
    mergeSort(a, mid, to, strike, name, scratch);
    if (compare(a[mid - 1], a[mid], strike, name) <= 0) {
      return;
    }
    System.arraycopy(a, from, scratch, from, mid - from);
    int i = from;
    int j = mid;
    int o = from;
    while (i < mid && j < to) {
      a[o++] = compare(a[j], scratch[i], strike, name) < 0 ? a[j++] : scratch[i++];
    }
    while (i < mid) {
      a[o++] = scratch[i++];
    }
  }

  private static int compare(int a, int b, double[] strike, String[] name) {
    int c = Double.compare(strike[a], strike[b]);
    return c != 0 ? c : name[a].compareTo(name[b]);
  }

  //-------------------------------------------------------------------------
  /** The quotes of one build as arrays: name, call flag, strike (USD), vol (decimal; NaN: none). */
  private static final class Quotes {
    String[] name;
    boolean[] call;
    double[] strike;
    double[] vol;
    int size;

    Quotes(int capacity) {
      int c = Math.max(capacity, 8);
      name = new String[c];
      call = new boolean[c];
      strike = new double[c];
      vol = new double[c];
    }

    /** Wraps the caller's arrays (read only). */
    Quotes(String[] name, boolean[] call, double[] strike, double[] vol, int size) {
      this.name = name;
      this.call = call;
      this.strike = strike;
      this.vol = vol;
      this.size = size;
    }

    int add(String instrument, boolean isCall, double strikeUsd, double markIv) {
      if (size == name.length) {
        int c = 2 * size;
        name = Arrays.copyOf(name, c);
        call = Arrays.copyOf(call, c);
        strike = Arrays.copyOf(strike, c);
        vol = Arrays.copyOf(vol, c);
      }
      name[size] = instrument;
      call[size] = isCall;
      strike[size] = strikeUsd;
      vol[size] = markIv;
      return size++;
    }
  }

  /** One expiry: its quote indices, forward (NaN: none) and, while reading, what the forward is taken from. */
  private static final class Group {
    final Instant expiry;
    int[] members = new int[16];
    int size;
    double forward = Double.NaN;
    DeribitChainRow newest;
    double[] tickerForwards;
    int tickerForwardCount;

    Group(Instant expiry) {
      this.expiry = expiry;
    }

    void add(int quote) {
      if (size == members.length) {
        members = Arrays.copyOf(members, 2 * size);
      }
      members[size++] = quote;
    }

    void addTickerForward(double forwardUsd) {
      if (tickerForwards == null) {
        tickerForwards = new double[16];
      } else if (tickerForwardCount == tickerForwards.length) {
        tickerForwards = Arrays.copyOf(tickerForwards, 2 * tickerForwardCount);
      }
      tickerForwards[tickerForwardCount++] = forwardUsd;
    }

    double medianTickerForward() {
      double[] v = Arrays.copyOf(tickerForwards, tickerForwardCount);
      Arrays.sort(v);
      int n = v.length;
      return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
  }

  /** The expiries met while reading, by hash, with the previous row's expiry as a fast path. */
  private static final class Groups {
    private final Map<Instant, Group> byExpiry = new HashMap<>();
    private Group last;

    Group of(Instant expiry) {
      Group g = last;
      if (g == null || !g.expiry.equals(expiry)) {
        g = byExpiry.computeIfAbsent(expiry, Group::new);
        last = g;
      }
      return g;
    }

    boolean isEmpty() {
      return byExpiry.isEmpty();
    }

    Group[] sorted() {
      Group[] out = byExpiry.values().toArray(new Group[0]);
      Arrays.sort(out, (a, b) -> a.expiry.compareTo(b.expiry));
      return out;
    }
  }

  /** Selection scratch of one build, sized for its largest expiry. */
  private static final class Selection {
    final int[] candidates;
    final int[] scratch;
    final int[] index;
    final double[] k;
    final double[] vols;
    final double[] vegas;

    Selection(int capacity) {
      candidates = new int[capacity];
      scratch = new int[capacity];
      index = new int[capacity];
      k = new double[capacity];
      vols = new double[capacity];
      vegas = new double[capacity];
    }
  }
}
