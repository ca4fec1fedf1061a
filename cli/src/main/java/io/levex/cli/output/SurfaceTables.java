package io.levex.cli.output;

import static io.levex.cli.output.ChainTables.left;
import static io.levex.cli.output.ChainTables.right;
import static io.levex.cli.output.ChainTables.table;

import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;
import com.github.freva.asciitable.OverflowBehaviour;
import io.levex.cli.offline.SurfaceFitting;
import io.levex.cli.offline.SurfaceFitting.SliceView;
import io.levex.cli.offline.SurfaceFitting.UnderlyingSurface;
import io.levex.core.collect.InputError;
import io.levex.core.market.surface.ArbitrageViolation;
import io.levex.core.market.surface.QuoteWeighting;
import io.levex.core.market.surface.SkippedSlice;
import io.levex.core.market.surface.VolSurface;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link SurfaceFitting.Report} as text tables, per underlying: the slices (forward, ATM vol,
 * 25-delta risk reversal and butterfly, fit errors), a text bar chart of the ATM vols, the SVI parameters, the
 * arbitrage violations and the skipped expiries; then the lines the parser rejected. Vols in percent, risk
 * reversals, butterflies and fit errors in vol points.
 */
public final class SurfaceTables {

  /** Width of the longest bar of the ATM vol chart, characters. */
  static final int BAR_WIDTH = 50;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final LocalTime DERIBIT_EXPIRY = LocalTime.of(8, 0);

  private SurfaceTables() {
  }

  /**
   * Renders a report.
   *
   * @param report  the report
   * @param file  the chain file's name, for the title
   * @return the text
   */
  public static String render(SurfaceFitting.Report report, String file) {
    SurfaceFitting.Settings settings = report.settings();
    StringBuilder out = new StringBuilder();
    out.append("SVI volatility surface of ").append(file).append(": snapshot ").append(report.snapshotTime()).append(", ")
        .append(report.rows()).append(" rows, ").append(report.rejected().size()).append(" rejected\n");
    out.append("Fit: raw SVI per expiry, residuals in vol, ")
        .append(settings.weighting() == QuoteWeighting.UNIFORM ? "uniform weights" : "Black-76 vega weights")
        .append("; out-of-the-money marks with |delta| >= ").append(Double.toString(settings.minAbsDelta()))
        .append(", at least ").append(settings.minQuotes()).append(" per expiry; F = chain underlying; T = seconds to expiry / (365 x 86,400)\n");
    out.append("Units: vols in %; RR 25d, BF 25d and fit errors in vol points (1 = 0.01 vol); forwards and strikes USD per coin; "
        + "k = ln(K/F); expiries 08:00 UTC\n");

    for (UnderlyingSurface s : report.surfaces()) {
      out.append('\n');
      if (s.surface() == null) {
        out.append(s.underlying()).append(": ").append(s.rows()).append(" rows, no surface: ").append(s.errorSummary()).append('\n');
        for (String reason : s.errorReasons()) {
          out.append("  ").append(reason).append('\n');
        }
        continue;
      }
      underlying(out, s);
    }

    if (!report.rejected().isEmpty()) {
      out.append("\nRejected lines: ").append(report.rejected().size()).append(" (not used)\n");
      int shown = 0;
      for (Map.Entry<Integer, InputError> e : report.rejected().entrySet()) {
        if (shown++ == ChainTables.REJECTED_SHOWN) {
          out.append("  ... and ").append(report.rejected().size() - ChainTables.REJECTED_SHOWN).append(" more\n");
          break;
        }
        out.append("  line ").append(e.getKey()).append(": ").append(e.getValue().message()).append('\n');
      }
    }
    return out.toString();
  }

  private static void underlying(StringBuilder out, UnderlyingSurface s) {
    VolSurface surface = s.surface();
    List<ArbitrageViolation> violations = surface.arbitrageViolations();
    long butterfly = violations.stream().filter(v -> v.kind() == ArbitrageViolation.Kind.BUTTERFLY).count();
    out.append(s.underlying()).append(": ").append(s.rows()).append(" rows, ")
        .append(count(s.slices().size(), "expiry", "expiries")).append(" fitted, ")
        .append(surface.skipped().size()).append(" skipped, ")
        .append(count(violations.size(), "arbitrage violation", "arbitrage violations"))
        .append(" (").append(butterfly).append(" butterfly, ").append(violations.size() - butterfly).append(" calendar)\n");

    out.append("Slices: ATM = at the forward; 25d = Black-76 forward delta N(d1) = 0.25 (call), -0.25 (put) at r = 0 with the smile's vol\n");
    out.append(table(s.slices(), List.of(
        left("Expiry", v -> expiry(v.slice().expiry())),
        right("T days", v -> Numbers.fixed(365 * v.slice().timeToExpiry(), 2)),
        right("Forward USD", v -> Numbers.usd2(v.slice().forwardUsd())),
        right("ATM vol %", v -> Numbers.fixed(100 * v.slice().atmVol(), 2)),
        right("RR 25d", v -> v.smile25() == null ? "n/a" : signed(100 * v.smile25().riskReversal(), 2)),
        right("BF 25d", v -> v.smile25() == null ? "n/a" : signed(100 * v.smile25().butterfly(), 2)),
        right("25d call K", v -> v.smile25() == null ? "n/a" : Numbers.usd(v.smile25().callStrikeUsd())),
        right("25d put K", v -> v.smile25() == null ? "n/a" : Numbers.usd(v.smile25().putStrikeUsd())),
        right("Quotes", v -> Integer.toString(v.slice().quotes().size())),
        right("RMS err", v -> Numbers.fixed(100 * v.slice().rmsVolError(), 3)),
        right("Max err", v -> Numbers.fixed(100 * v.slice().maxAbsVolError(), 3)),
        left("Butterfly-free", v -> v.butterflyFree() ? "yes" : "no"))));
    for (SliceView v : s.slices()) {
      if (v.smile25Error() != null) {
        out.append("  ").append(expiry(v.slice().expiry())).append(": no 25d pillars: ").append(v.smile25Error()).append('\n');
      }
    }

    out.append("\nATM vol by expiry (%)\n");
    double max = s.slices().stream().mapToDouble(v -> v.slice().atmVol()).max().orElse(1);
    for (SliceView v : s.slices()) {
      int n = (int) Math.round(BAR_WIDTH * v.slice().atmVol() / max);
      out.append("  ").append(pad(expiry(v.slice().expiry()), 10)).append(' ').append("#".repeat(Math.max(n, 1)))
          .append(' ').append(Numbers.fixed(100 * v.slice().atmVol(), 2)).append('\n');
    }

    out.append("\nSVI parameters: w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + sigma^2)), w = vol^2 T (years x vol^2), k = ln(K/F)\n");
    out.append(table(s.slices(), List.of(
        left("Expiry", v -> expiry(v.slice().expiry())),
        right("a", v -> sig(v.slice().parameters().a())),
        right("b", v -> sig(v.slice().parameters().b())),
        right("rho", v -> sig(v.slice().parameters().rho())),
        right("m", v -> sig(v.slice().parameters().m())),
        right("sigma", v -> sig(v.slice().parameters().sigma())))));

    if (violations.isEmpty()) {
      out.append("\nArbitrage violations: none (butterfly: g(k) >= 0 on every slice; calendar: w non-decreasing in T)\n");
    } else {
      out.append("\nArbitrage violations (butterfly: worst g(k) < 0; calendar: worst w_later(k) - w_earlier(k) < 0, years x vol^2, "
          + "on the later expiry)\n");
      out.append(table(violations, List.<ColumnData<ArbitrageViolation>>of(
          left("Kind", v -> v.kind().label()),
          left("Expiry", v -> expiry(v.expiry())),
          right("k from", v -> Numbers.fixed(v.fromLogMoneyness(), 4)),
          right("k to", v -> Numbers.fixed(v.toLogMoneyness(), 4)),
          right("Worst k", v -> Numbers.fixed(v.logMoneyness(), 4)),
          right("Worst value", v -> Numbers.sci(v.worstValue(), 2)),
          wrapped("Message", 70, ArbitrageViolation::message))));
    }

    List<SkippedSlice> skipped = surface.skipped();
    if (!skipped.isEmpty()) {
      out.append("\nSkipped expiries (not fitted)\n");
      out.append(table(skipped, List.<ColumnData<SkippedSlice>>of(
          left("Expiry", k -> expiry(k.expiry())),
          right("Quotes", k -> Integer.toString(k.quoteCount())),
          wrapped("Reason", 90, SkippedSlice::reason))));
    }
  }

  /**
   * Formats an expiry: its UTC date when at 08:00 UTC (Deribit's expiry time), else date and time.
   *
   * @param expiry  the expiry instant
   * @return the text
   */
  static String expiry(Instant expiry) {
    return expiry.atZone(ZoneOffset.UTC).toLocalTime().equals(DERIBIT_EXPIRY) ? DATE.format(expiry) : DATE_TIME.format(expiry) + " UTC";
  }

  private static <T> ColumnData<T> wrapped(String header, int width, Function<T, String> f) {
    return new Column().header(header).headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT)
        .maxWidth(width, OverflowBehaviour.NEWLINE).with(f);
  }

  private static String signed(double v, int decimals) {
    String s = Numbers.fixed(v, decimals);
    return s.startsWith("-") || s.equals("n/a") ? s : "+" + s;
  }

  private static String sig(double v) {
    return String.format(Locale.ROOT, "%.5g", v);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
