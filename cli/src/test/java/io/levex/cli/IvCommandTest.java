package io.levex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code levex iv} run in-process: vols of reference prices (py_vollib, QuantLib, LetsBeRational), USD and coin
 * prices, the round trip through {@code levex price}, bad rows and exit codes.
 */
class IvCommandTest {

  @TempDir
  Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static double d(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  @Test
  void test_call_referencePricesGiveReferenceVols() {
    CliRun run = CliRun.of(new IvCommand(), "--input", PriceCommandTest.resource("iv_reference.csv").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(CliRun.header(run.out())).endsWith("ref_vol", "ref_tolerance", "iv", "error");
    List<Map<String, String>> rows = CliRun.rows(run.out());
    assertThat(rows).hasSize(13);
    for (Map<String, String> row : rows) {
      assertThat(row.get("error")).as(row.get("case")).isEmpty();
      assertThat(d(row, "iv")).as(row.get("case")).isCloseTo(d(row, "ref_vol"), within(d(row, "ref_tolerance")));
    }
  }

  @Test
  void test_call_roundTripThroughPrice() throws IOException {
    Path priced = tmp.resolve("priced.csv");
    CliRun price = CliRun.of(new PriceCommand(), "--input", PriceCommandTest.resource("black76_price_reference.csv").toString(),
        "--output", priced.toString());
    assertThat(price.exitCode()).isZero();

    // the price output has price_usd and price_coin (consistent) and vol, which iv copies through
    CliRun run = CliRun.of(new IvCommand(), "--input", priced.toString());

    assertThat(run.exitCode()).isZero();
    List<Map<String, String>> rows = CliRun.rows(run.out());
    assertThat(rows).hasSize(28);
    for (Map<String, String> row : rows) {
      if (d(row, "t_years") == 0) {
        assertThat(row.get("error")).startsWith("FAILED_PRECONDITION: t_years must be > 0");
      } else {
        assertThat(row.get("error")).as(row.get("case")).isEmpty();
        assertThat(d(row, "iv")).as(row.get("case")).isCloseTo(d(row, "vol"), within(1e-9));
      }
    }
  }

  @Test
  void test_call_badRowsGetTypedErrorsAndGoodRowsStillCompute() throws IOException {
    Path in = write("bad.csv", """
        option_type,forward,strike,t_years,price_usd,price_coin
        call,100,100,1,7.9655674554058038,
        call,100,90,1,5,
        call,100,100,1,100,
        put,100,100,1,,
        put,100,100,1,-1,
        put,100,100,1,,abc
        call,100,100,0,7.9,
        call,100,100,1,7.9655674554058038,0.05
        put,100,90,1,,0.001
        put,100,100,1,,0.079655674554058038
        """);

    CliRun run = CliRun.of(new IvCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isZero();
    List<Map<String, String>> rows = CliRun.rows(run.out());
    assertThat(rows).extracting(r -> r.get("error")).containsExactly(
        "",
        "FAILED_PRECONDITION: price_usd is below the discounted intrinsic value 10: no implied volatility exists: 5",
        "FAILED_PRECONDITION: price_usd is at or above the no-arbitrage bound 100: no implied volatility exists: 100",
        "INVALID_ARGUMENT: price_usd is required (or price_coin): ",
        "INVALID_ARGUMENT: price_usd must be >= 0: -1",
        "INVALID_ARGUMENT: price_coin is not a number: abc",
        "FAILED_PRECONDITION: t_years must be > 0 for an implied volatility (at expiry none exists): 0",
        "INVALID_ARGUMENT: price_coin disagrees with price_usd 7.9655674554058038 (price_coin x forward = 5): 0.05",
        "",
        "");
    assertThat(rows.get(1).get("iv")).isEmpty();
    // QuantLib blackcalculator ATM call / put, std_dev 0.2 over T = 1
    assertThat(d(rows.get(0), "iv")).isCloseTo(0.2, within(1e-10));
    assertThat(d(rows.get(9), "iv")).isCloseTo(0.2, within(1e-10));
    // a tiny OTM put price in coin still has a vol
    assertThat(d(rows.get(8), "iv")).isBetween(0.0, 0.2);
  }

  @Test
  void test_call_coinPriceErrorNamesTheCoinCell() throws IOException {
    Path in = write("coin.csv", """
        option_type,forward,strike,t_years,price_coin
        call,100,90,1,0.05
        """);

    CliRun run = CliRun.of(new IvCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(CliRun.rows(run.out()).get(0).get("error"))
        .isEqualTo("FAILED_PRECONDITION: price_coin 0.05 (x forward = price_usd 5): price_usd is below the discounted intrinsic value 10: "
            + "no implied volatility exists: 5");
  }

  @Test
  void test_call_missingPriceColumnsExitsTwo() throws IOException {
    Path in = write("noprice.csv", """
        option_type,forward,strike,t_years,vol
        call,100,100,1,0.2
        """);

    CliRun run = CliRun.of(new IvCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("the header lacks the required column price_usd or price_coin");
  }
}
