package io.levex.cli;

import io.levex.cli.offline.CsvBatch;
import io.levex.cli.offline.PriceCalculator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code levex price}: Black-76 price and greeks of the options of a CSV file, computed with risk-core directly
 * (no server).
 */
@Command(name = "price", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Black-76 price and greeks of the options of a CSV file, offline (no server).",
        "One row per option in; the price and greeks of one long option out (Black-76 on the forward)."},
    footerHeading = OfflineHelp.COLUMNS_HEADING,
    footer = {
        OfflineHelp.OPTION_TYPE, OfflineHelp.FORWARD, OfflineHelp.STRIKE,
        "  t_years      time to expiry, years of 365 days, >= 0 (0: intrinsic value)",
        "  vol          implied vol, decimal (0.5 = 50%%), in (0, 10]",
        OfflineHelp.RATE,
        "%nOutput columns (after the input ones), one long option, V = Black-76 value:",
        "  price_usd             V (discounted), USD",
        "  delta                 dV/dF (Black-Scholes delta)",
        "  gamma                 d2V/dF2, per USD of F",
        "  vega_per_vol_pt       dV/dsigma / 100, USD per vol point",
        "  theta_per_day         dV/dt with F fixed / 365, USD per calendar day",
        "  vanna                 d2V/dF dsigma, per 1.00 of vol",
        "  volga                 d2V/dsigma2, USD per (1.00 of vol) squared",
        "  price_coin            V/F, coin per option",
        "  delta_coin_pa         delta - V/F: premium-adjusted delta, coin",
        "  gamma_coin            d2(V/F)/dF2, coin per USD squared",
        "  vega_coin_per_vol_pt  vega / F, coin per vol point",
        "  theta_coin_per_day    theta / F, coin per day",
        "  error                 empty, or the row's typed error (then the other",
        "                        computed cells are empty), for example",
        "                        INVALID_ARGUMENT: forward must be > 0: -5",
        "%n" + OfflineHelp.ROWS},
    exitCodeListHeading = OfflineHelp.EXIT_HEADING,
    exitCodeList = {OfflineHelp.EXIT_OK, OfflineHelp.EXIT_NONE, OfflineHelp.EXIT_USAGE})
public class PriceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = OfflineHelp.INPUT)
  Path input;

  @Option(names = "--output", paramLabel = "FILE.csv", description = OfflineHelp.OUTPUT)
  Path output;

  @Override
  public Integer call() {
    return CsvBatch.execute("price", input, output, new PriceCalculator(), spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
