package io.levex.cli;

import io.levex.cli.offline.ChainRepricing;
import io.levex.cli.offline.CsvBatch;
import io.levex.cli.output.ChainJson;
import io.levex.cli.output.ChainTables;
import io.levex.cli.suite.Progress;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code levex chain}: reprices a Deribit chain snapshot CSV with Black-76 and reports how far the marks, deltas and
 * vegas are from Deribit's.
 */
@Command(name = "chain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Reprice a Deribit chain snapshot CSV with Black-76, offline (no server).",
        "Reports the absolute errors of mark price (coin), delta and vega (USD per vol point) against Deribit's, "
            + "per underlying and overall, and the worst rows."},
    footerHeading = "%nChain file columns (any order; others are ignored):%n",
    footer = {
        "  required  timestamp, instrument_name, underlying (forward F, USD),",
        "            option_type, strike, expiry_datetime, mark_price (coin),",
        "            implied_volatility (decimal), currency",
        "  optional  delta, vega (USD per vol point), underlying_name, index_price,",
        "            bid_price, ask_price, open_interest",
        "%nRepricing: Black-76 with F = underlying, vol = implied_volatility, r = 0,",
        "T = seconds from timestamp to expiry / (365 x 86,400); our mark in coin is",
        "the USD value / F. Lines the parser rejects are listed with their error.",
        "Errors are absolute: |ours - Deribit|; median of an even count = mean of the",
        "two middle values."},
    exitCodeListHeading = OfflineHelp.EXIT_HEADING,
    exitCodeList = {"0:at least one row repriced", "1:no row repriced (every line rejected, or no data lines)",
        "2:usage error, unreadable file, or a required column is missing"})
public class ChainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "The Deribit chain snapshot CSV (UTF-8).")
  Path file;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output format: table (ascii tables) or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--worst", defaultValue = "5", paramLabel = "N",
      description = "How many of the worst rows (by mark price error) to show. Default: ${DEFAULT-VALUE}.")
  int worst;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("json")) {
      throw new ParameterException(spec.commandLine(), "--format must be table or json, not " + format);
    }
    if (worst < 0) {
      throw new ParameterException(spec.commandLine(), "--worst must be >= 0, not " + worst);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeribitChain chain;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      chain = DeribitChainCsv.parse(in);
    } catch (IOException | UncheckedIOException ex) {
      IOException cause = ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex;
      err.println("levex chain: cannot read chain file " + file + ": " + CsvBatch.describe(cause));
      return ExitCode.USAGE;
    } catch (InvalidInputException ex) {
      err.println("levex chain: chain file " + file + ": " + CsvBatch.headerMessage(ex.error()));
      return ExitCode.USAGE;
    }
    ChainRepricing.Report report = ChainRepricing.run(chain, worst, chain.rows().size() > CsvBatch.PROGRESS_ROWS ? new Progress(err) : null);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    out.print(format.equals("json") ? ChainJson.render(report, name) : ChainTables.render(report, name));
    out.flush();
    if (report.rows() == 0) {
      err.println("levex chain: no row repriced (" + lines(report.rejected().size()) + " rejected)");
      err.flush();
      return ExitCode.SOFTWARE;
    }
    if (!report.rejected().isEmpty()) {
      err.println("levex chain: " + lines(report.rejected().size()) + " rejected (listed in the report)");
      err.flush();
    }
    return ExitCode.OK;
  }

  private static String lines(int n) {
    return n + (n == 1 ? " line" : " lines");
  }
}
