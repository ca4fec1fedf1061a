package io.levex.cli;

import io.levex.cli.offline.CsvBatch;
import io.levex.cli.offline.ImpliedVolCalculator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code levex iv}: Black-76 implied vols of the option prices of a CSV file, computed with risk-core directly
 * (no server).
 */
@Command(name = "iv", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Black-76 implied vols of the option prices of a CSV file, offline (no server).",
        "One row per option price (USD or coin) in; its implied vol out."},
    footerHeading = OfflineHelp.COLUMNS_HEADING,
    footer = {
        OfflineHelp.OPTION_TYPE, OfflineHelp.FORWARD, OfflineHelp.STRIKE,
        "  t_years      time to expiry, years of 365 days, > 0",
        OfflineHelp.RATE,
        "  price_usd    option price (discounted), USD per option, >= 0",
        "  price_coin   option price, coin per option (= price_usd / forward), >= 0",
        "               One of the two columns is required; per row the filled cell",
        "               is used (both filled: price_usd, price_coin must agree).",
        "%nOutput columns (after the input ones):",
        "  iv           implied vol, decimal (0.5 = 50%%), searched in [1e-6, 10]",
        OfflineHelp.ERROR,
        "               A price without time value or at/above the no-arbitrage bound",
        "               (and t_years = 0) has no implied vol: FAILED_PRECONDITION.",
        "%n" + OfflineHelp.ROWS},
    exitCodeListHeading = OfflineHelp.EXIT_HEADING,
    exitCodeList = {OfflineHelp.EXIT_OK, OfflineHelp.EXIT_NONE, OfflineHelp.EXIT_USAGE})
public class IvCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = OfflineHelp.INPUT)
  Path input;

  @Option(names = "--output", paramLabel = "FILE.csv", description = OfflineHelp.OUTPUT)
  Path output;

  @Override
  public Integer call() {
    return CsvBatch.execute("iv", input, output, new ImpliedVolCalculator(), spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
