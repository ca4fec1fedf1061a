package io.levex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevexCommandTest {

  @Test
  void test_help_listsTheOfflineCommands() {
    CliRun run = CliRun.of(new LevexCommand(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("  price ").contains("  iv ").contains("  chain ").contains("  surface ").contains("  demo ").contains("  up ");
  }

  @Test
  void test_help_priceDocumentsColumnsAndUnits() {
    CliRun run = CliRun.of(new LevexCommand(), "price", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("option_type", "forward", "USD per coin", "t_years", "years of 365 days", "vol", "decimal",
        "rate", "vega_per_vol_pt", "USD per vol point", "theta_per_day", "USD per calendar day", "delta_coin_pa", "Exit codes:");
  }
}
