package io.levex.cli;

import io.levex.cli.offline.CsvBatch;
import io.levex.cli.offline.SurfaceFitting;
import io.levex.cli.offline.SurfaceFitting.UnderlyingSurface;
import io.levex.cli.output.SurfaceCharts;
import io.levex.cli.output.SurfaceJson;
import io.levex.cli.output.SurfaceTables;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainCsv;
import io.levex.core.market.surface.QuoteWeighting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code levex surface}: fits the SVI volatility surface of a recorded Deribit chain and shows it as tables or
 * JSON, optionally with PNG charts of the smiles and of the ATM / 25-delta term structure.
 */
@Command(name = "surface", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fit the SVI volatility surface of a Deribit chain snapshot CSV, offline (no server).",
        "Per underlying and expiry: forward, ATM vol, 25-delta risk reversal and butterfly, SVI parameters, "
            + "fit errors, arbitrage checks and skipped expiries; optional PNG charts."},
    footerHeading = "%nFit (risk-core VolSurfaceBuilder, valuation = the chain's snapshot time):%n",
    footer = {
        "  F per expiry = underlying of the expiry's newest row (first in file order",
        "  on ties); T = seconds to expiry / (365 x 86,400); out-of-the-money marks",
        "  only (puts K < F, calls K >= F) with a positive mark and |Black-76 delta|",
        "  >= --min-abs-delta; raw SVI fitted in vol per expiry with >= --min-quotes",
        "  quotes, else the expiry is listed as skipped.",
        "%nUnits: vols in percent (table) or decimal (JSON); RR 25d = vol(25d call) -",
        "vol(25d put), BF 25d = (vol(25d call) + vol(25d put))/2 - ATM vol and fit",
        "errors in vol points (table) or decimal (JSON); 25-delta = Black-76 forward",
        "delta N(d1) at r = 0 with the smile's own vol; ATM = forward; strikes and",
        "forwards USD per coin; k = ln(K/F).",
        "%nCharts (PNG, drawn headless): --plot = implied vol (%%) vs ln(K/F), market",
        "marks as points and the SVI fit as a line per expiry; --plot-term = ATM vol",
        "(%%, left axis) and RR/BF 25d (vol points, right axis) vs days to expiry (log",
        "scale). With --underlying all, each file name gets -<COIN> before its",
        "extension (smile.png -> smile-BTC.png, smile-ETH.png)."},
    exitCodeListHeading = OfflineHelp.EXIT_HEADING,
    exitCodeList = {"0:a surface was fitted for every requested underlying",
        "1:the underlying is not in the chain, no expiry of a requested underlying could be fitted, "
            + "or the file has no option rows",
        "2:usage error (bad option), unreadable file, a required column is missing, or a plot file cannot be written"})
public class SurfaceCommand implements Callable<Integer> {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
  private static final int MIN_SIZE = 300;
  private static final int MAX_SIZE = 8000;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "The Deribit chain snapshot CSV (UTF-8; columns as for levex chain).")
  Path file;

  @Option(names = "--underlying", defaultValue = "all", paramLabel = "COIN|all",
      description = "The underlying to fit (BTC, ETH, ...; case-insensitive), or all of the chain's. Default: ${DEFAULT-VALUE}.")
  String underlying;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output format: table (ascii tables) or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Write the smile chart (implied vol vs ln(K/F), one colour per expiry).")
  Path plot;

  @Option(names = "--plot-term", paramLabel = "FILE.png", description = "Write the term-structure chart (ATM vol, RR and BF 25d vs days to expiry).")
  Path plotTerm;

  @Option(names = "--plot-size", defaultValue = "1200x800", paramLabel = "WxH",
      description = "Chart size in pixels, each side in [" + MIN_SIZE + ", " + MAX_SIZE + "]. Default: ${DEFAULT-VALUE}.")
  String plotSize;

  @Option(names = "--weighting", defaultValue = "uniform", paramLabel = "uniform|vega",
      description = "Quote weights of the fit: uniform, or Black-76 vega (near-ATM quotes dominate). Default: ${DEFAULT-VALUE}.")
  String weighting;

  @Option(names = "--min-quotes", defaultValue = "5", paramLabel = "N",
      description = "Minimum quotes per expiry to fit it, >= 5. Default: ${DEFAULT-VALUE}.")
  int minQuotes;

  @Option(names = "--min-abs-delta", defaultValue = "0.01", paramLabel = "D",
      description = "Drop quotes whose |Black-76 delta| is below D, in [0, 0.49]. Default: ${DEFAULT-VALUE}.")
  double minAbsDelta;

  @Override
  public Integer call() {
    SurfaceFitting.Settings settings = settings();
    int[] size = plotSize();
    boolean all = underlying.trim().equalsIgnoreCase("all");
    Asset requested = all ? null : asset();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    if (plot != null && plot.toAbsolutePath().normalize().equals(plotTerm == null ? null : plotTerm.toAbsolutePath().normalize())) {
      throw usage("--plot and --plot-term must be different files, not both " + plot);
    }
    // plot paths are checked before any work: a bad one fails at once
    for (Path p : new Path[] {plot, plotTerm}) {
      String problem = p == null ? null : SurfaceCharts.unwritable(p, all);
      if (problem != null) {
        err.println("levex surface: " + problem);
        return ExitCode.USAGE;
      }
    }

    DeribitChain chain;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      chain = DeribitChainCsv.parse(in);
    } catch (IOException | UncheckedIOException ex) {
      IOException cause = ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex;
      err.println("levex surface: cannot read chain file " + file + ": " + CsvBatch.describe(cause));
      return ExitCode.USAGE;
    } catch (InvalidInputException ex) {
      err.println("levex surface: chain file " + file + ": " + CsvBatch.headerMessage(ex.error()));
      return ExitCode.USAGE;
    }
    if (chain.rows().isEmpty()) {
      err.println("levex surface: chain file " + file + " has no option rows (" + lines(chain.rejected().size()) + " rejected)");
      return ExitCode.SOFTWARE;
    }
    String present = chain.underlyings().stream().map(Asset::symbol).collect(Collectors.joining(", "));
    if (requested != null && !chain.underlyings().contains(requested)) {
      err.println("levex surface: underlying " + requested + " is not in chain file " + file + " (underlyings present: " + present + ")");
      return ExitCode.SOFTWARE;
    }

    SurfaceFitting.Report report = SurfaceFitting.run(chain, all ? List.copyOf(chain.underlyings()) : List.of(requested), settings);
    List<String> written = new ArrayList<>();
    try {
      for (UnderlyingSurface s : report.surfaces()) {
        if (s.surface() == null) {
          continue;
        }
        if (plot != null) {
          Path target = SurfaceCharts.target(plot, s.underlying(), all);
          SurfaceCharts.writeSmiles(s, report.snapshotTime(), target, size[0], size[1]);
          written.add(target.toString());
        }
        if (plotTerm != null) {
          Path target = SurfaceCharts.target(plotTerm, s.underlying(), all);
          SurfaceCharts.writeTermStructure(s, report.snapshotTime(), target, size[0], size[1]);
          written.add(target.toString());
        }
      }
    } catch (SurfaceCharts.ChartWriteException ex) {
      err.println("levex surface: " + ex.getMessage());
      return ExitCode.USAGE;
    }

    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    out.print(format.equals("json") ? SurfaceJson.render(report, name) : SurfaceTables.render(report, name));
    out.flush();
    for (String w : written) {
      err.println("levex surface: wrote " + w + " (" + size[0] + "x" + size[1] + ")");
    }
    if (!report.rejected().isEmpty()) {
      err.println("levex surface: " + lines(report.rejected().size()) + " rejected (listed in the report)");
    }
    for (UnderlyingSurface s : report.failed()) {
      err.println("levex surface: no surface for " + s.underlying() + ": " + s.errorSummary()
          + (s.errorReasons().isEmpty() ? "" : " (" + s.errorReasons().size() + " expiries; reasons in the report)"));
    }
    err.flush();
    return report.failed().isEmpty() ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  private SurfaceFitting.Settings settings() {
    if (!format.equals("table") && !format.equals("json")) {
      throw usage("--format must be table or json, not " + format);
    }
    QuoteWeighting w = switch (weighting.toLowerCase(Locale.ROOT)) {
      case "uniform" -> QuoteWeighting.UNIFORM;
      case "vega" -> QuoteWeighting.VEGA;
      default -> throw usage("--weighting must be uniform or vega, not " + weighting);
    };
    if (minQuotes < 5) {
      throw usage("--min-quotes must be >= 5 (the SVI fit needs 5 quotes), not " + minQuotes);
    }
    if (!(minAbsDelta >= 0 && minAbsDelta <= 0.49)) {
      throw usage("--min-abs-delta must lie in [0, 0.49], not " + minAbsDelta);
    }
    SurfaceFitting.Settings settings = new SurfaceFitting.Settings(w, minQuotes, minAbsDelta);
    try {
      settings.builder();
    } catch (InvalidInputException ex) {
      throw usage(ex.getMessage());
    }
    return settings;
  }

  private int[] plotSize() {
    Matcher m = SIZE.matcher(plotSize.trim());
    if (!m.matches()) {
      throw usage("--plot-size must be WIDTHxHEIGHT in pixels, e.g. 1200x800, not " + plotSize);
    }
    int w = Integer.parseInt(m.group(1));
    int h = Integer.parseInt(m.group(2));
    if (w < MIN_SIZE || w > MAX_SIZE || h < MIN_SIZE || h > MAX_SIZE) {
      throw usage("--plot-size sides must lie in [" + MIN_SIZE + ", " + MAX_SIZE + "] pixels, not " + plotSize);
    }
    return new int[] {w, h};
  }

  private Asset asset() {
    try {
      return Asset.of(underlying);
    } catch (InvalidInputException ex) {
      throw usage("--underlying must be a coin symbol (1-20 characters of A-Z, 0-9) or all, not " + underlying);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String lines(int n) {
    return n + (n == 1 ? " line" : " lines");
  }
}
