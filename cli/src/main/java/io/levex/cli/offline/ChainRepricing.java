package io.levex.cli.offline;

import io.levex.cli.suite.Progress;
import io.levex.core.collect.InputError;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainRow;
import io.levex.core.pricer.Black76OptionPricer;
import io.levex.core.pricer.Greeks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code levex chain}: reprices every row of a Deribit chain snapshot with Black-76 on the forward (F = the row's
 * {@code underlying_price}, sigma = mark IV, T = {@link DeribitChainRow#timeToExpiryYears()}, r = 0) and
 * measures the absolute differences to Deribit's mark price (coin: priceUsd / F), delta and vega (USD per vol
 * point), per underlying and overall. Stateless.
 */
public final class ChainRepricing {

  private ChainRepricing() {
  }

  /**
   * Absolute-error statistics of one measure.
   *
   * @param count  rows compared (rows where Deribit reported the measure)
   * @param maxAbsErr  largest |ours - Deribit|; NaN when count is 0
   * @param medianAbsErr  median |ours - Deribit| (mean of the two middle values for an even count); NaN when count is 0
   */
  public record ErrorStats(int count, double maxAbsErr, double medianAbsErr) {

    static ErrorStats of(double[] errors, int n) {
      if (n == 0) {
        return new ErrorStats(0, Double.NaN, Double.NaN);
      }
      double[] sorted = Arrays.copyOf(errors, n);
      Arrays.sort(sorted);
      double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
      return new ErrorStats(n, sorted[n - 1], median);
    }
  }

  /**
   * The statistics of a group of rows.
   *
   * @param rows  rows repriced
   * @param markPriceCoin  mark price errors, coin per option
   * @param delta  delta errors (Black-Scholes delta, dimensionless)
   * @param vega  vega errors, USD per vol point
   */
  public record Group(int rows, ErrorStats markPriceCoin, ErrorStats delta, ErrorStats vega) {
  }

  /**
   * One repriced row.
   *
   * @param row  the Deribit row
   * @param priceCoin  our mark, coin per option
   * @param delta  our delta
   * @param vegaUsdPerVolPoint  our vega, USD per vol point
   */
  public record Repriced(DeribitChainRow row, double priceCoin, double delta, double vegaUsdPerVolPoint) {

    /**
     * Gets the mark price error.
     *
     * @return |ours - Deribit|, coin
     */
    public double markErr() {
      return Math.abs(priceCoin - row.markPriceCoin());
    }

    /**
     * Gets the delta error.
     *
     * @return |ours - Deribit|; NaN when Deribit reported no delta
     */
    public double deltaErr() {
      return Math.abs(delta - row.delta());
    }

    /**
     * Gets the vega error.
     *
     * @return |ours - Deribit|, USD per vol point; NaN when Deribit reported no vega
     */
    public double vegaErr() {
      return Math.abs(vegaUsdPerVolPoint - row.vegaUsdPerVolPoint());
    }
  }

  /**
   * The report.
   *
   * @param rows  rows repriced
   * @param rejected  lines the parser rejected, by line number (ascending)
   * @param overall  all rows
   * @param byUnderlying  per underlying (BTC, ETH, ...), sorted by name
   * @param worst  the rows with the largest mark price errors, largest first
   */
  public record Report(int rows, Map<Integer, InputError> rejected, Group overall, Map<String, Group> byUnderlying, List<Repriced> worst) {

    /** Copies the components, keeping their order. */
    public Report {
      rejected = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(rejected)));
      byUnderlying = Collections.unmodifiableMap(new LinkedHashMap<>(byUnderlying));
      worst = List.copyOf(worst);
    }
  }

  /**
   * Reprices a chain.
   *
   * @param chain  the parsed chain
   * @param worstRows  how many of the worst rows (by mark price error) to keep
   * @param progress  progress printer, used for chains over {@value CsvBatch#PROGRESS_ROWS} rows; may be null
   * @return the report
   */
  public static Report run(DeribitChain chain, int worstRows, Progress progress) {
    List<Repriced> repriced = new ArrayList<>(chain.rows().size());
    Black76OptionPricer pricer = Black76OptionPricer.DEFAULT;
    int n = 0;
    for (DeribitChainRow r : chain.rows()) {
      boolean call = r.putCall().isCall();
      double f = r.underlyingPriceUsd();
      double t = r.timeToExpiryYears();
      double priceUsd = pricer.priceUsd(call, f, r.strikeUsd(), t, r.markIv(), 0.0);
      Greeks g = pricer.greeks(call, f, r.strikeUsd(), t, r.markIv(), 0.0);
      repriced.add(new Repriced(r, priceUsd / f, g.delta(), g.vegaUsdPerVolPoint()));
      if (progress != null && ++n % CsvBatch.PROGRESS_ROWS == 0) {
        progress.step(String.format(Locale.ROOT, "levex chain: %,d of %,d rows repriced", n, chain.rows().size()));
      }
    }
    Map<String, List<Repriced>> byUnderlying = new TreeMap<>();
    for (Repriced p : repriced) {
      byUnderlying.computeIfAbsent(p.row().currency().symbol(), k -> new ArrayList<>()).add(p);
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    byUnderlying.forEach((k, v) -> groups.put(k, group(v)));
    List<Repriced> worst = repriced.stream()
        .sorted(Comparator.comparingDouble(Repriced::markErr).reversed())
        .limit(Math.max(worstRows, 0))
        .toList();
    return new Report(repriced.size(), chain.rejected(), group(repriced), groups, worst);
  }

  private static Group group(List<Repriced> rows) {
    double[] mark = new double[rows.size()];
    double[] delta = new double[rows.size()];
    double[] vega = new double[rows.size()];
    int nm = 0;
    int nd = 0;
    int nv = 0;
    for (Repriced p : rows) {
      mark[nm++] = p.markErr();
      if (Double.isFinite(p.deltaErr())) {
        delta[nd++] = p.deltaErr();
      }
      if (Double.isFinite(p.vegaErr())) {
        vega[nv++] = p.vegaErr();
      }
    }
    return new Group(rows.size(), ErrorStats.of(mark, nm), ErrorStats.of(delta, nd), ErrorStats.of(vega, nv));
  }
}
