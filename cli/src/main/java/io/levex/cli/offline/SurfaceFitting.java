package io.levex.cli.offline;

import io.levex.core.basics.Asset;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.surface.ArbitrageViolation;
import io.levex.core.market.surface.DeltaSmile;
import io.levex.core.market.surface.QuoteWeighting;
import io.levex.core.market.surface.SviSlice;
import io.levex.core.market.surface.VolSurface;
import io.levex.core.market.surface.VolSurfaceBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code levex surface}: fits the SVI volatility surface of each requested underlying of a recorded Deribit chain
 * with risk-core's {@link VolSurfaceBuilder} at the chain's snapshot time, and derives per slice the 25-delta
 * pillars and whether the slice is free of butterfly arbitrage. Stateless.
 */
public final class SurfaceFitting {

  /** The absolute delta of the risk reversal and butterfly pillars. */
  public static final double PILLAR_DELTA = 0.25;

  private SurfaceFitting() {
  }

  /**
   * The fit settings.
   *
   * @param weighting  the quote weighting
   * @param minQuotes  the minimum number of quotes per slice
   * @param minAbsDelta  quotes with |forward delta| below it are dropped
   */
  public record Settings(QuoteWeighting weighting, int minQuotes, double minAbsDelta) {

    /**
     * Gets the builder of these settings.
     *
     * @return the builder
     * @throws InvalidInputException INVALID_ARGUMENT for a setting risk-core rejects
     */
    public VolSurfaceBuilder builder() {
      return VolSurfaceBuilder.DEFAULT.withWeighting(weighting).withMinQuotesPerSlice(minQuotes).withMinAbsDelta(minAbsDelta);
    }
  }

  /**
   * One fitted slice with its derived views.
   *
   * @param slice  the SVI slice
   * @param smile25  the 25-delta pillars; null when the smile has no 25-delta strike
   * @param smile25Error  why there are no pillars; null when there are
   * @param butterflyFree  true when the surface reports no butterfly violation for the slice's expiry
   */
  public record SliceView(SviSlice slice, DeltaSmile smile25, String smile25Error, boolean butterflyFree) {
  }

  /**
   * The surface of one underlying, or why there is none.
   *
   * @param underlying  the coin
   * @param rows  the chain rows of the underlying
   * @param surface  the surface; null when no expiry could be fitted
   * @param error  why there is no surface; null when there is one
   * @param slices  the slices with their views, by expiry; empty without a surface
   */
  public record UnderlyingSurface(Asset underlying, int rows, VolSurface surface, InputError error, List<SliceView> slices) {

    /** Copies the slices. */
    public UnderlyingSurface {
      slices = List.copyOf(slices);
    }

    /**
     * Gets the first part of the error: risk-core's "no expiry could be fitted" message without its list of
     * per-expiry reasons.
     *
     * @return the summary, e.g. {@code underlying has no expiry with enough quotes to fit}; the whole message
     *     when it has no list; null without an error
     */
    public String errorSummary() {
      if (error == null) {
        return null;
      }
      int open = error.message().indexOf(" (");
      return reasonList() == null ? error.message() : error.message().substring(0, open);
    }

    /**
     * Gets the per-expiry reasons of the error, one per expiry, as risk-core lists them
     * ({@code <expiry>: <reason>}).
     *
     * @return the reasons; empty when the error has no list or there is no error
     */
    public List<String> errorReasons() {
      String list = reasonList();
      return list == null ? List.of() : List.of(list.split("; "));
    }

    /** The text between "... (" and the closing "): COIN" of the failed-precondition message, or null. */
    private String reasonList() {
      if (error == null) {
        return null;
      }
      String m = error.message();
      String end = "): " + underlying.symbol();
      int open = m.indexOf(" (");
      return open > 0 && m.endsWith(end) && open + 2 <= m.length() - end.length() ? m.substring(open + 2, m.length() - end.length()) : null;
    }
  }

  /**
   * The report.
   *
   * @param snapshotTime  the chain's snapshot time (newest row), the valuation instant of the fits
   * @param rows  chain rows parsed
   * @param rejected  lines the parser rejected, by line number (ascending)
   * @param settings  the fit settings
   * @param surfaces  one entry per requested underlying, sorted by name
   */
  public record Report(Instant snapshotTime, int rows, Map<Integer, InputError> rejected, Settings settings, List<UnderlyingSurface> surfaces) {

    /** Copies the components, keeping their order. */
    public Report {
      rejected = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(rejected)));
      surfaces = List.copyOf(surfaces);
    }

    /**
     * Gets the underlyings without a surface.
     *
     * @return the entries whose fit failed
     */
    public List<UnderlyingSurface> failed() {
      return surfaces.stream().filter(s -> s.surface() == null).toList();
    }
  }

  /**
   * Fits the surfaces.
   *
   * @param chain  the parsed chain
   * @param underlyings  the underlyings to fit, each present in the chain
   * @param settings  the fit settings
   * @return the report
   * @throws InvalidInputException INVALID_ARGUMENT for a setting risk-core rejects
   */
  public static Report run(DeribitChain chain, List<Asset> underlyings, Settings settings) {
    VolSurfaceBuilder builder = settings.builder();
    Instant valuation = chain.snapshotTime();
    List<UnderlyingSurface> out = new ArrayList<>();
    for (Asset u : underlyings.stream().sorted().distinct().toList()) {
      int rows = chain.rows(u).size();
      try {
        VolSurface surface = builder.build(chain, u, valuation);
        out.add(new UnderlyingSurface(u, rows, surface, null, views(surface)));
      } catch (InvalidInputException ex) {
        out.add(new UnderlyingSurface(u, rows, null, ex.error(), List.of()));
      }
    }
    return new Report(valuation, chain.rows().size(), chain.rejected(), settings, out);
  }

  private static List<SliceView> views(VolSurface surface) {
    Set<Instant> butterfly = new HashSet<>();
    for (ArbitrageViolation v : surface.arbitrageViolations()) {
      if (v.kind() == ArbitrageViolation.Kind.BUTTERFLY) {
        butterfly.add(v.expiry());
      }
    }
    List<SliceView> out = new ArrayList<>();
    for (SviSlice s : surface.slices()) {
      DeltaSmile smile = null;
      String error = null;
      try {
        smile = s.deltaSmile(PILLAR_DELTA);
      } catch (InvalidInputException ex) {
        error = ex.getMessage();
      } catch (ArithmeticException ex) {
        error = "no 25-delta strike: " + ex.getMessage();
      }
      out.add(new SliceView(s, smile, error, !butterfly.contains(s.expiry())));
    }
    return out;
  }
}
