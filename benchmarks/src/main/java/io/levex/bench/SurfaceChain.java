package io.levex.bench;

import io.levex.core.basics.Asset;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainCsv;
import io.levex.core.market.chain.DeribitChainRow;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import io.levex.core.pricer.impl.NormalDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of B3 SurfaceBuild: the BTC rows of the recorded Deribit chain snapshot
 * {@code chain/deribit_chain_btc_eth_20251230T173115Z.csv} (see that folder's PROVENANCE.md) as the arrays both
 * pipelines start from, the slice structure, and the 12 x {@value #GRID_STRIKES} evaluation grid.
 * <p>
 * <b>Quotes.</b> Row i: call or put, forward {@code F_i = underlyingPriceUsd()} (the row's own Deribit
 * {@code underlying_price}), strike, {@code T_i = timeToExpiryYears()} (exact seconds over 365-day years from the
 * row's timestamp, which is the snapshot time for every row), and the undiscounted USD price
 * {@code markPriceCoin x F_i} (an inverse option's coin mark times the forward is the Black-76 forward price; r = 0).
 * <p>
 * <b>Slices.</b> One per expiry, with the expiry's forward taken as {@code VolSurfaceBuilder} takes it from a chain
 * (the underlying price of the expiry's newest row, the first in file order on ties: here all rows have the same
 * timestamp, so the first row of the expiry in the file). {@link #select} is the builder's quote selection written
 * out on arrays (for the Strata pipeline, which has no such step of its own): out-of-the-money side at the slice
 * forward (puts below it, calls at and above it), positive mark, a solved vol, Black-76 forward delta
 * |delta| >= 0.01 at that vol, first name in sort order per strike, at least 5 quotes per slice. The B3 gate checks
 * that it picks exactly the quotes of the Levex builder.
 * <p>
 * <b>Grid.</b> For each of the 12 expiries, {@value #GRID_STRIKES} strikes log-spaced from the lowest to the highest
 * strike that {@link #select} picks with the venue's own mark IVs (the file's {@code implied_volatility} column:
 * fixed by the fixture, independent of either pipeline), sorted by T then K. Both pipelines evaluate their surface
 * at these 600 (T, K) points; they are also the nodes of the Strata grid surface.
 * <p>
 * Immutable after loading (the arrays are shared; do not modify them).
 */
public final class SurfaceChain {

  /** The class-path resource of the chain snapshot. */
  public static final String RESOURCE = "/chain/deribit_chain_btc_eth_20251230T173115Z.csv";
  /** Strikes per expiry of the evaluation grid. */
  public static final int GRID_STRIKES = 50;
  /** Minimum quotes per slice (VolSurfaceBuilder.DEFAULT). */
  public static final int MIN_QUOTES = 5;
  /** Minimum |forward delta| of a quote (VolSurfaceBuilder.DEFAULT). */
  public static final double MIN_ABS_DELTA = 0.01;
  /** N^-1(MIN_ABS_DELTA): |delta| >= MIN_ABS_DELTA iff d1 (call) or -d1 (put) >= it. */
  static final double D1_THRESHOLD = NormalDistribution.inverseCdf(MIN_ABS_DELTA);

  private static final SurfaceChain INSTANCE = load();

  /** The BTC rows, in file order. */
  public final List<DeribitChainRow> rows;
  /** The valuation instant: the snapshot time. */
  public final Instant valuation;
  /** Number of BTC rows (implied vols per surface). */
  public final int size;
  /** Per row: call flag. */
  public final boolean[] call;
  /** Per row: forward, USD per coin. */
  public final double[] forward;
  /** Per row: strike, USD per coin. */
  public final double[] strike;
  /** Per row: time to expiry, 365-day years. */
  public final double[] t;
  /** Per row: undiscounted price, USD (mark price coin x forward). */
  public final double[] priceUsd;
  /** Per row: the venue's mark IV, decimal (for the grid and for information). */
  public final double[] venueIv;
  /** Per row: the instrument name (e.g. {@code BTC-27MAR26-90000-C}). */
  public final String[] instrumentName;
  /**
   * The spot point of the forward curve: the index price of the newest row, the first in file order on ties (as
   * {@code VolSurfaceBuilder} takes it from a chain), USD per coin.
   */
  public final double spotUsd;
  /** Per row: index of its expiry in {@link #expiries}. */
  public final int[] expiryOfRow;
  /** The expiries, increasing. */
  public final Instant[] expiries;
  /** Per expiry: T, 365-day years. */
  public final double[] expiryT;
  /** Per expiry: the slice forward, USD per coin. */
  public final double[] expiryForward;
  /** Per expiry: the row indices, sorted by strike then instrument name (the builder's order). */
  public final int[][] rowsByStrike;
  /** Grid: T of each point (sorted by T then K). */
  public final double[] gridT;
  /** Grid: strike of each point. */
  public final double[] gridK;
  /** Grid: index of the first point of each expiry; {@code gridStart[e + 1] - gridStart[e]} points. */
  public final int[] gridStart;

  private SurfaceChain(List<DeribitChainRow> rows) {
    this.rows = List.copyOf(rows);
    int n = rows.size();
    this.size = n;
    this.valuation = rows.get(0).timestamp();
    call = new boolean[n];
    forward = new double[n];
    strike = new double[n];
    t = new double[n];
    priceUsd = new double[n];
    venueIv = new double[n];
    instrumentName = new String[n];
    expiryOfRow = new int[n];
    Map<Instant, List<Integer>> byExpiry = new java.util.TreeMap<>();
    Map<Instant, Double> firstForward = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      DeribitChainRow r = rows.get(i);
      if (!r.timestamp().equals(valuation)) {
        throw new IllegalStateException("B3 expects one snapshot time; row " + r.line() + " is at " + r.timestamp());
      }
      call[i] = r.putCall().isCall();
      forward[i] = r.underlyingPriceUsd();
      strike[i] = r.strikeUsd();
      t[i] = r.timeToExpiryYears();
      priceUsd[i] = r.markPriceCoin() * r.underlyingPriceUsd();
      venueIv[i] = r.markIv();
      instrumentName[i] = r.instrumentName();
      byExpiry.computeIfAbsent(r.expiry(), x -> new ArrayList<>()).add(i);
      firstForward.putIfAbsent(r.expiry(), r.underlyingPriceUsd());
    }
    // one snapshot time: the newest row is the first
    spotUsd = rows.get(0).indexPriceUsd();
    int m = byExpiry.size();
    expiries = byExpiry.keySet().toArray(new Instant[0]);
    expiryT = new double[m];
    expiryForward = new double[m];
    rowsByStrike = new int[m][];
    for (int e = 0; e < m; e++) {
      Integer[] idx = byExpiry.get(expiries[e]).toArray(new Integer[0]);
      Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> strike[i]).thenComparing(i -> rows.get(i).instrumentName()));
      rowsByStrike[e] = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
      for (int i : rowsByStrike[e]) {
        expiryOfRow[i] = e;
      }
      expiryT[e] = t[rowsByStrike[e][0]];
      expiryForward[e] = firstForward.get(expiries[e]);
    }
    // the grid, from the venue's mark IVs
    byte[] ok = new byte[n];
    int[][] venueSelection = select(venueIv, ok);
    gridT = new double[m * GRID_STRIKES];
    gridK = new double[m * GRID_STRIKES];
    gridStart = new int[m + 1];
    int p = 0;
    for (int e = 0; e < m; e++) {
      gridStart[e] = p;
      int[] sel = venueSelection[e];
      if (sel.length < MIN_QUOTES) {
        continue;
      }
      double lo = Math.log(strike[sel[0]]);
      double hi = Math.log(strike[sel[sel.length - 1]]);
      for (int j = 0; j < GRID_STRIKES; j++) {
        gridT[p] = expiryT[e];
        gridK[p] = j == 0 ? strike[sel[0]] : j == GRID_STRIKES - 1 ? strike[sel[sel.length - 1]]
            : Math.exp(lo + (hi - lo) * j / (GRID_STRIKES - 1));
        p++;
      }
    }
    gridStart[m] = p;
    if (p != gridT.length) {
      throw new IllegalStateException("B3: an expiry has fewer than " + MIN_QUOTES + " venue quotes");
    }
  }

  /**
   * The chain of the benchmark (loaded once).
   *
   * @return the chain
   */
  public static SurfaceChain get() {
    return INSTANCE;
  }

  private static SurfaceChain load() {
    try (InputStream s = SurfaceChain.class.getResourceAsStream(RESOURCE)) {
      if (s == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Reader reader = new InputStreamReader(s, StandardCharsets.UTF_8);
      DeribitChain chain = DeribitChainCsv.parse(reader);
      if (!chain.rejected().isEmpty()) {
        throw new IllegalStateException("B3 chain has rejected lines: " + chain.rejected());
      }
      return new SurfaceChain(chain.rows(Asset.BTC));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Number of expiries. */
  public int expiryCount() {
    return expiries.length;
  }

  /**
   * The quote selection of {@code VolSurfaceBuilder} on arrays: per expiry, the selected row indices by strike
   * (empty when fewer than {@link #MIN_QUOTES}).
   *
   * @param vol  per row, the implied vol (NaN where not solved)
   * @param status  per row, {@link ImpliedVolatilitySolver#OK} where solved (ignored where the vol is NaN)
   * @return per expiry the selected rows
   */
  public int[][] select(double[] vol, byte[] status) {
    int m = expiries.length;
    int[][] out = new int[m][];
    int[] scratch = new int[size];
    for (int e = 0; e < m; e++) {
      double f = expiryForward[e];
      double sqrtT = Math.sqrt(expiryT[e]);
      int count = 0;
      double lastStrike = Double.NaN;
      for (int i : rowsByStrike[e]) {
        double k = strike[i];
        boolean otmCall = k >= f;
        if (call[i] != otmCall || k == lastStrike || !(priceUsd[i] > 0) || status[i] != ImpliedVolatilitySolver.OK
            || !(vol[i] > 0)) {
          continue;
        }
        double sd = vol[i] * sqrtT;
        double d1 = (-Math.log(k / f) + 0.5 * sd * sd) / sd;
        if ((otmCall ? d1 : -d1) < D1_THRESHOLD) {
          continue;
        }
        lastStrike = k;
        scratch[count++] = i;
      }
      out[e] = count < MIN_QUOTES ? new int[0] : Arrays.copyOf(scratch, count);
    }
    return out;
  }
}
