package io.levex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code levex price} run in-process: reference values (py_vollib, QuantLib, LetsBeRational), bad rows, exit codes,
 * output file, progress.
 */
class PriceCommandTest {

  private static final List<String> OUTPUT_COLUMNS = List.of("price_usd", "delta", "gamma", "vega_per_vol_pt", "theta_per_day",
      "vanna", "volga", "price_coin", "delta_coin_pa", "gamma_coin", "vega_coin_per_vol_pt", "theta_coin_per_day", "error");

  @TempDir
  Path tmp;

  static Path resource(String name) {
    try {
      return Path.of(PriceCommandTest.class.getResource("/reference/" + name).toURI());
    } catch (URISyntaxException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static double d(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  @Test
  void test_call_referenceValues() {
    CliRun run = CliRun.of(new PriceCommand(), "--input", resource("black76_price_reference.csv").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<Map<String, String>> rows = CliRun.rows(run.out());
    assertThat(rows).hasSize(28);
    for (Map<String, String> row : rows) {
      assertThat(row.get("error")).as(row.get("case")).isEmpty();
      double expected = d(row, "ref_expected");
      double ours = switch (row.get("ref_quantity")) {
        case "price" -> d(row, "price_usd");
        case "normalised_price" -> d(row, "price_usd") / Math.sqrt(d(row, "forward") * d(row, "strike"));
        case "delta" -> d(row, "delta");
        case "gamma" -> d(row, "gamma");
        case "theta_per_day" -> d(row, "theta_per_day");
        case "vega_per_unit_vol" -> d(row, "vega_per_vol_pt") * 100;
        case "volga" -> d(row, "volga");
        case "premium_adjusted_forward_delta" -> d(row, "delta_coin_pa");
        default -> throw new AssertionError("unknown reference quantity " + row.get("ref_quantity"));
      };
      assertThat(ours).as(row.get("case")).isCloseTo(expected, within(d(row, "ref_tolerance")));
      // coin columns are the USD ones over F
      double f = d(row, "forward");
      assertThat(d(row, "price_coin")).isCloseTo(d(row, "price_usd") / f, within(1e-15 * Math.max(1, d(row, "price_usd") / f)));
      assertThat(d(row, "vega_coin_per_vol_pt")).isCloseTo(d(row, "vega_per_vol_pt") / f, within(1e-12));
      assertThat(d(row, "theta_coin_per_day")).isCloseTo(d(row, "theta_per_day") / f, within(1e-12));
    }
  }

  @Test
  void test_call_outputKeepsInputColumnsThenComputedOnes() {
    CliRun run = CliRun.of(new PriceCommand(), "--input", resource("black76_price_reference.csv").toString());

    List<String> header = CliRun.header(run.out());
    assertThat(header.subList(0, 10)).containsExactly("case", "option_type", "forward", "strike", "t_years", "vol", "rate",
        "ref_quantity", "ref_expected", "ref_tolerance");
    assertThat(header.subList(10, header.size())).containsExactlyElementsOf(OUTPUT_COLUMNS);
    // input cells are copied as written
    assertThat(CliRun.rows(run.out()).get(0)).containsEntry("ref_expected", "5.5811067246048118").containsEntry("forward", "100");
  }

  @Test
  void test_call_atExpiryIntrinsicValueAndDefinedGreeks() throws IOException {
    Path in = write("expiry.csv", """
        option_type,forward,strike,t_years,vol
        call,110,100,0,0.5
        put,110,100,0,0.5
        put,90,100,0,0.5
        """);

    CliRun run = CliRun.of(new PriceCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isZero();
    List<Map<String, String>> rows = CliRun.rows(run.out());
    // intrinsic value max(F - K, 0) / max(K - F, 0); delta the step, vol greeks 0
    assertThat(d(rows.get(0), "price_usd")).isEqualTo(10.0);
    assertThat(d(rows.get(0), "delta")).isEqualTo(1.0);
    assertThat(d(rows.get(0), "gamma")).isZero();
    assertThat(d(rows.get(0), "vega_per_vol_pt")).isZero();
    assertThat(d(rows.get(0), "delta_coin_pa")).isCloseTo(100.0 / 110.0, within(1e-15)); // K/F
    assertThat(d(rows.get(1), "price_usd")).isZero();
    assertThat(d(rows.get(1), "delta")).isZero();
    assertThat(d(rows.get(2), "price_usd")).isEqualTo(10.0);
    assertThat(d(rows.get(2), "delta")).isEqualTo(-1.0);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("error")).isEmpty());
  }

  @Test
  void test_call_badRowsGetTypedErrorsAndGoodRowsStillCompute() throws IOException {
    Path in = write("bad.csv", """
        option_type,forward,strike,t_years,vol,rate
        call,100,100,1,0.2,
        put,NaN,100,1,0.2,
        call,100,inf,1,0.2,
        call,0,100,1,0.2,
        call,-100,100,1,0.2,
        call,100,0,1,0.2,
        call,100,100,-0.5,0.2,
        call,100,100,1,0,
        call,100,100,1,10.5,
        straddle,100,100,1,0.2,
        call,1OO,100,1,0.2,
        call,100,100,1,,
        call,100,100,1,0.2,abc
        put,100,100,1,0.2,0
        """);

    CliRun run = CliRun.of(new PriceCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isZero();
    List<Map<String, String>> rows = CliRun.rows(run.out());
    assertThat(rows).extracting(r -> r.get("error")).containsExactly(
        "",
        "INVALID_ARGUMENT: forward must be a finite number: NaN",
        "INVALID_ARGUMENT: strike must be a finite number: Infinity",
        "INVALID_ARGUMENT: forward must be > 0: 0",
        "INVALID_ARGUMENT: forward must be > 0: -100",
        "INVALID_ARGUMENT: strike must be > 0: 0",
        "INVALID_ARGUMENT: t_years must be >= 0: -0.5",
        "INVALID_ARGUMENT: vol must lie in (0, 10] (a decimal: 0.5 = 50%): 0",
        "INVALID_ARGUMENT: vol must lie in (0, 10] (a decimal: 0.5 = 50%): 10.5",
        "INVALID_ARGUMENT: option_type must be call or put: straddle",
        "INVALID_ARGUMENT: forward is not a number: 1OO",
        "INVALID_ARGUMENT: vol is required: ",
        "INVALID_ARGUMENT: rate is not a number: abc",
        "");
    // good rows: QuantLib blackcalculator ATM call and put, F = K = 100, std_dev 0.2, discount 1
    assertThat(d(rows.get(0), "price_usd")).isCloseTo(7.9655674554058038, within(1e-8));
    assertThat(d(rows.get(13), "price_usd")).isCloseTo(7.9655674554058038, within(1e-8));
    // bad rows: every computed cell empty, input cells kept
    for (Map<String, String> row : rows.subList(1, 13)) {
      assertThat(OUTPUT_COLUMNS.subList(0, 12)).allSatisfy(c -> assertThat(row.get(c)).isEmpty());
      assertThat(row.get("option_type")).isNotEmpty();
    }
    assertThat(run.err()).startsWith("levex price: 12 of 14 rows have an error (see the error column); first: line 3: forward must be a finite number: NaN");
  }

  @Test
  void test_call_noRowComputesExitsOne() throws IOException {
    Path in = write("allbad.csv", """
        option_type,forward,strike,t_years,vol
        call,-1,100,1,0.2
        put,100,100,1,-0.2
        """);

    CliRun run = CliRun.of(new PriceCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(CliRun.rows(run.out())).hasSize(2);
    assertThat(run.err()).contains("no row could be processed (2 rows, all with errors)")
        .contains("line 2: forward must be > 0: -1");
  }

  @Test
  void test_call_headerOnlyExitsOne() throws IOException {
    CliRun run = CliRun.of(new PriceCommand(), "--input", write("empty.csv", "option_type,forward,strike,t_years,vol\n").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("has no data rows");
  }

  @Test
  void test_call_missingColumnExitsTwoNamingIt() throws IOException {
    Path in = write("novol.csv", """
        option_type,forward,strike,t_years
        call,100,100,1
        """);

    CliRun run = CliRun.of(new PriceCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).doesNotContain("\n")
        .isEqualTo("levex price: input file " + in + ": the header lacks the required column vol (header: option_type,forward,strike,t_years)");
  }

  @Test
  void test_call_unreadableFileExitsTwoNamingIt() {
    Path missing = tmp.resolve("nope.csv");

    CliRun run = CliRun.of(new PriceCommand(), "--input", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("levex price: cannot read input file " + missing + ": no such file");
  }

  @Test
  void test_call_missingInputOptionIsUsageError() {
    CliRun run = CliRun.of(new PriceCommand());

    assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(run.err()).contains("Missing required option: '--input=FILE.csv'");
  }

  @Test
  void test_call_outputFileLeavesStdoutEmpty() throws IOException {
    Path out = tmp.resolve("out.csv");

    CliRun run = CliRun.of(new PriceCommand(), "--input", resource("black76_price_reference.csv").toString(), "--output", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    List<Map<String, String>> rows = CliRun.rows(Files.readString(out));
    assertThat(rows).hasSize(28);
    assertThat(d(rows.get(0), "price_usd")).isCloseTo(5.5811067246048118, within(1e-12));
  }

  @Test
  void test_call_outputSameAsInputRefused() throws IOException {
    Path in = write("same.csv", "option_type,forward,strike,t_years,vol\ncall,100,100,1,0.2\n");

    CliRun run = CliRun.of(new PriceCommand(), "--input", in.toString(), "--output", in.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(Files.readString(in)).isEqualTo("option_type,forward,strike,t_years,vol\ncall,100,100,1,0.2\n");
  }

  @Test
  void test_call_largeInputPrintsProgressToStderrOnly() throws IOException {
    StringBuilder text = new StringBuilder("option_type,forward,strike,t_years,vol\n");
    int n = 12_000;
    for (int i = 0; i < n; i++) {
      text.append(i % 2 == 0 ? "call" : "put").append(",100,").append(80 + i % 40).append(",0.5,0.3\n");
    }
    Path in = write("large.csv", text.toString());

    CliRun run = CliRun.of(new PriceCommand(), "--input", in.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("levex price: 10,000 rows (0 with errors)").contains("levex price: done: 12,000 rows (0 with errors)");
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(n + 1);
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("levex").doesNotStartWith("["));
  }

  @Test
  void test_call_smallInputPrintsNoProgress() {
    CliRun run = CliRun.of(new PriceCommand(), "--input", resource("black76_price_reference.csv").toString());

    assertThat(run.err()).isEmpty();
  }
}
