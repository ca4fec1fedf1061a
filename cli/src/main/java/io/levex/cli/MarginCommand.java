package io.levex.cli;

import io.levex.cli.margin.LiquidationAnalysis;
import io.levex.cli.margin.MarginInputs;
import io.levex.cli.margin.MarginModel;
import io.levex.cli.margin.MarginModels;
import io.levex.cli.margin.MarginReport;
import io.levex.cli.margin.ModelLiquidationAnalysis;
import io.levex.cli.margin.ModelUnavailableException;
import io.levex.cli.margin.PortfolioFile;
import io.levex.cli.margin.PortfolioFileReader;
import io.levex.cli.output.MarginCharts;
import io.levex.cli.output.MarginJson;
import io.levex.cli.output.MarginTables;
import io.levex.cli.output.SurfaceCharts;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginPosition;
import io.levex.core.portfolio.PortfolioValuation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code levex margin}: the margin of a portfolio file under the model it names, offline (risk-core directly, no
 * server). Models are {@link MarginModel} adapters looked up in {@link MarginModels}; liquidation prices come from
 * the {@link LiquidationAnalysis} hook.
 */
@Command(name = "margin", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compute the margin of a portfolio file, offline (no server).",
        "Per currency: IM, MM, margin balance, margin ratio, status, equity, available funds; per position: IM, MM, "
            + "mark; totals in USD; liquidation prices per underlying. Models: deribit-sm (Deribit standard margin), "
            + "deribit-pm (Deribit portfolio margin), span (CME-style SPAN, for comparison)."},
    footerHeading = "%nPortfolio file (JSON; full format in docs/cli.md, examples in examples/):%n",
    footer = {
        "  as_of               RFC 3339 time, e.g. 2026-01-05T12:00:00Z",
        "  model               deribit-sm | deribit-pm | span",
        "  params              optional: a shipped parameter set name, or an object",
        "                      of overrides by the venue's key names",
        "  collateral          asset -> amount (>= 0), e.g. {\"BTC\": 1.5}",
        "  market.index        underlying -> spot index, USD per coin",
        "  market.marks        instrument -> mark: futures and perpetuals USD per",
        "                      coin, inverse options coin per option",
        "  market.vols         option -> mark IV, decimal (implied from the mark",
        "                      when absent)",
        "  market.chain_csv    optional Deribit chain snapshot CSV (path relative to",
        "                      the portfolio file) completing index, marks, vols",
        "  positions           list of {instrument, size (base coin, long > 0),",
        "                      average_price (optional)}",
        "  open_orders_margin  optional: currency -> amount, added to IM",
        "  mmp_margin          optional: currency -> amount, added to IM"},
    exitCodeListHeading = OfflineHelp.EXIT_HEADING,
    exitCodeList = {"0:margin computed",
        "1:the portfolio file is rejected: a field is invalid or market data is missing (the message names it)",
        "2:usage error, unreadable file or chain file, not JSON, the model is not available in this build, or the plot "
            + "file cannot be written"})
public class MarginCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "The portfolio file (JSON, UTF-8).")
  Path file;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output format: table (ascii tables) or json (Deribit's field names). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--plot", paramLabel = "FILE.png",
      description = "Write the margin ratio vs index chart (PNG; one line per vol shift -10, 0, +10, +20 points, the "
          + "liquidation prices marked), per currency and underlying with positions (-CCY-UNDERLYING in the name when "
          + "there are several).")
  Path plot;

  @Option(names = "--horizon-days", defaultValue = "1", paramLabel = "DAYS",
      description = "Horizon of the liquidation distances in standard deviations (ln(P/S) / (ATM vol x sqrt(DAYS/365))), "
          + "days, > 0. Default: ${DEFAULT-VALUE}.")
  double horizonDays;

  /** Moves of the --plot chart: -60% ... +100% of the index by 1%. */
  static final List<Double> PLOT_MOVES = java.util.stream.IntStream.rangeClosed(-60, 100).mapToObj(i -> i / 100.0).toList();
  /** Vol shifts of the --plot chart, decimal vol points. */
  static final List<Double> PLOT_VOL_SHIFTS = List.of(-0.1, 0.0, 0.1, 0.2);

  /** The liquidation hook: risk-core's analyzer over the chosen model. */
  LiquidationAnalysis liquidation = ModelLiquidationAnalysis.DEFAULT;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("json")) {
      throw new ParameterException(spec.commandLine(), "--format must be table or json, not " + format);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String unwritable = plot == null ? null : SurfaceCharts.unwritable(plot, false);
    if (unwritable != null) {
      err.println("levex margin: " + unwritable);
      return ExitCode.USAGE;
    }
    PortfolioFile portfolio;
    MarginModel model;
    List<MarginPosition> priced;
    try {
      portfolio = PortfolioFileReader.read(file);
      model = MarginModels.named(portfolio.model());
      priced = PortfolioValuation.DEFAULT.value(portfolio.positions(), portfolio.market());
    } catch (PortfolioFileReader.UnreadableException ex) {
      err.println("levex margin: " + ex.getMessage());
      return ExitCode.USAGE;
    } catch (InvalidInputException ex) {
      return rejected(err, ex);
    }
    if (portfolio.chainRejectedLines() > 0) {
      err.println("levex margin: the chain file has " + portfolio.chainRejectedLines()
          + " rejected lines (not used; levex chain lists them)");
    }
    MarginInputs inputs = new MarginInputs(portfolio, priced);
    MarginReport report;
    try {
      report = model.margin(inputs);
    } catch (ModelUnavailableException ex) {
      err.println("levex margin: portfolio file " + file + ": " + ex.getMessage() + " (available: deribit-sm, deribit-pm)");
      return ExitCode.USAGE;
    } catch (InvalidInputException ex) {
      return rejected(err, ex);
    }
    Optional<Map<Asset, Map<Asset, MarginReport.UnderlyingLiquidation>>> byCurrency;
    try {
      if (!(horizonDays > 0) || !Double.isFinite(horizonDays)) {
        err.println("levex margin: --horizon-days " + horizonDays + " must be a finite number of days > 0");
        return ExitCode.USAGE;
      }
      if (liquidation == ModelLiquidationAnalysis.DEFAULT && horizonDays != 1.0) {
        liquidation = new ModelLiquidationAnalysis(horizonDays);
      }
      byCurrency = liquidation.analyse(inputs, model, report);
    } catch (InvalidInputException ex) {
      return rejected(err, ex);
    }
    report = byCurrency.isPresent() ? report.withLiquidation(byCurrency.get(), null)
        : report.withLiquidation(Map.of(), LiquidationAnalysis.NOT_AVAILABLE_NOTE);
    if (plot != null) {
      try {
        plots(inputs, model, report, portfolio);
      } catch (SurfaceCharts.ChartWriteException ex) {
        err.println("levex margin: " + ex.getMessage());
        return ExitCode.USAGE;
      } catch (InvalidInputException ex) {
        return rejected(err, ex);
      }
    }
    out.print(format.equals("json")
        ? MarginJson.render(report, portfolio.name(), portfolio.market().asOf())
        : MarginTables.render(report, portfolio.name(), portfolio.market().asOf()));
    out.flush();
    return ExitCode.OK;
  }

  private void plots(MarginInputs inputs, MarginModel model, MarginReport report, PortfolioFile portfolio)
      throws SurfaceCharts.ChartWriteException {
    List<MarginReport.CurrencyMargin> withPositions = report.currencies().stream()
        .filter(c -> c.liquidation() != null && !c.liquidation().isEmpty()).toList();
    long pairs = withPositions.stream().mapToLong(c -> c.liquidation().size()).sum();
    for (MarginReport.CurrencyMargin c : withPositions) {
      for (var e : new TreeMap<>(c.liquidation()).entrySet()) {
        var surface = ModelLiquidationAnalysis.surface(inputs, model, c.currency(), e.getKey(), PLOT_MOVES, PLOT_VOL_SHIFTS);
        double index = portfolio.market().indexUsd().get(e.getKey());
        Path target = pairs == 1 ? plot : suffixed(plot, c.currency() + "-" + e.getKey());
        MarginCharts.write(MarginCharts.ratioChart(c.currency(), surface, index, e.getValue().pricesUsd(), portfolio.name(),
            portfolio.market().asOf()), target, 1200, 800);
      }
    }
  }

  private static Path suffixed(Path path, String suffix) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return path.resolveSibling(dot > 0 ? name.substring(0, dot) + "-" + suffix + name.substring(dot) : name + "-" + suffix);
  }

  private int rejected(PrintWriter err, InvalidInputException ex) {
    err.println("levex margin: portfolio file " + file + ": " + ex.error().kind() + ": " + ex.getMessage());
    err.flush();
    return ExitCode.SOFTWARE;
  }
}
