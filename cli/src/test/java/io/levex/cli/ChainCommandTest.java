package io.levex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code levex chain} run in-process on 30 real rows of the 2025-12-30 Deribit chain: our Black-76 marks against
 * Deribit's (max 9e-5 coin on the whole file per its provenance), JSON shape, table, rejected lines, exit codes.
 */
class ChainCommandTest {

  private static final Path SLICE = PriceCommandTest.resource("deribit_chain_slice_20251230T173115Z.csv");

  @TempDir
  Path tmp;

  private static JsonObject json(CliRun run) {
    return JsonParser.parseString(run.out()).getAsJsonObject();
  }

  private static double num(JsonObject o, String... path) {
    JsonElement e = o;
    for (String p : path) {
      e = e.getAsJsonObject().get(p);
    }
    return e.getAsDouble();
  }

  private static List<String> sliceLines() throws IOException {
    return Files.readAllLines(SLICE, StandardCharsets.UTF_8);
  }

  @Test
  void test_call_sliceMarksWithinDeribitPrecision() {
    CliRun run = CliRun.of(new ChainCommand(), SLICE.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    JsonObject report = json(run);
    assertThat(report.get("rows").getAsInt()).isEqualTo(30);
    assertThat(num(report, "overall", "rows")).isEqualTo(30);
    assertThat(num(report, "by_underlying", "BTC", "rows")).isEqualTo(15);
    assertThat(num(report, "by_underlying", "ETH", "rows")).isEqualTo(15);
    assertThat(num(report, "overall", "mark_price_coin", "count")).isEqualTo(30);
    assertThat(num(report, "overall", "mark_price_coin", "max_abs_err")).isLessThan(1e-4);
    assertThat(num(report, "overall", "mark_price_coin", "median_abs_err")).isLessThan(1e-5);
    // provenance of the chain file: delta max 6e-3 (ticker seconds after the book summary), vega relative median 5e-4
    assertThat(num(report, "overall", "delta", "max_abs_err")).isLessThan(1e-2);
    assertThat(num(report, "overall", "vega", "median_abs_err")).isLessThan(0.1);
    for (String u : List.of("BTC", "ETH")) {
      assertThat(num(report, "by_underlying", u, "mark_price_coin", "max_abs_err"))
          .isLessThanOrEqualTo(num(report, "overall", "mark_price_coin", "max_abs_err"));
    }
    assertThat(Math.max(num(report, "by_underlying", "BTC", "mark_price_coin", "max_abs_err"),
        num(report, "by_underlying", "ETH", "mark_price_coin", "max_abs_err")))
        .isEqualTo(num(report, "overall", "mark_price_coin", "max_abs_err"));
  }

  @Test
  void test_call_jsonShape() throws IOException {
    CliRun run = CliRun.of(new ChainCommand(), SLICE.toString(), "--format", "json");

    JsonObject report = json(run);
    assertThat(report.keySet()).containsExactly("file", "rows", "rejected", "overall", "by_underlying", "worst");
    assertThat(report.get("file").getAsString()).isEqualTo("deribit_chain_slice_20251230T173115Z.csv");
    assertThat(report.getAsJsonObject("by_underlying").keySet()).containsExactly("BTC", "ETH");
    List<JsonObject> groups = List.of(report.getAsJsonObject("overall"),
        report.getAsJsonObject("by_underlying").getAsJsonObject("BTC"), report.getAsJsonObject("by_underlying").getAsJsonObject("ETH"));
    for (JsonObject g : groups) {
      assertThat(g.keySet()).containsExactly("rows", "mark_price_coin", "delta", "vega");
      for (String m : List.of("mark_price_coin", "delta", "vega")) {
        assertThat(g.getAsJsonObject(m).keySet()).containsExactly("count", "max_abs_err", "median_abs_err");
      }
    }
    assertThat(report.getAsJsonObject("rejected").get("count").getAsInt()).isZero();

    // worst rows: 5 by default, largest mark error first, Deribit's numbers as in the file
    Map<String, String[]> fileRows = new HashMap<>();
    for (String line : sliceLines().subList(1, 31)) {
      String[] c = line.split(",");
      fileRows.put(c[1], c);
    }
    JsonArray worst = report.getAsJsonArray("worst");
    assertThat(worst).hasSize(5);
    double previous = Double.POSITIVE_INFINITY;
    for (JsonElement e : worst) {
      JsonObject w = e.getAsJsonObject();
      assertThat(w.keySet()).contains("instrument", "underlying", "mark_price_coin", "delta", "vega");
      String[] c = fileRows.get(w.get("instrument").getAsString());
      assertThat(num(w, "mark_price_coin", "deribit")).isEqualTo(Double.parseDouble(c[10]));
      assertThat(num(w, "delta", "deribit")).isEqualTo(Double.parseDouble(c[15]));
      assertThat(num(w, "vega", "deribit")).isEqualTo(Double.parseDouble(c[16]));
      double err = num(w, "mark_price_coin", "abs_err");
      assertThat(err).isEqualTo(Math.abs(num(w, "mark_price_coin", "ours") - num(w, "mark_price_coin", "deribit")));
      assertThat(err).isLessThanOrEqualTo(previous);
      previous = err;
    }
    assertThat(num(worst.get(0).getAsJsonObject(), "mark_price_coin", "abs_err"))
        .isEqualTo(num(report, "overall", "mark_price_coin", "max_abs_err"));
  }

  @Test
  void test_call_tableByDefault() {
    CliRun run = CliRun.of(new ChainCommand(), SLICE.toString(), "--worst", "3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("30 rows repriced, 0 rejected")
        .contains("| Underlying | Rows | Mark max |")
        .containsPattern("\\| BTC +\\| +15 \\|")
        .containsPattern("\\| ETH +\\| +15 \\|")
        .containsPattern("\\| All +\\| +30 \\|")
        .contains("Worst rows by mark price error")
        .doesNotContain("Rejected lines");
    assertThat(run.out().lines().filter(l -> l.startsWith("| BTC-") || l.startsWith("| ETH-")).count()).isEqualTo(3);
  }

  @Test
  void test_call_rejectedLinesReportedAndRestRepriced() throws IOException {
    List<String> lines = new ArrayList<>(sliceLines());
    String good = lines.get(1);
    lines.add(good.replace(",82000.0,", ",abc,"));             // line 32: bad strike
    lines.add(good.replace(",0.43229999999999996,", ",0,")); // line 33: zero vol
    Path file = tmp.resolve("chain.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);

    CliRun json = CliRun.of(new ChainCommand(), file.toString(), "--format", "json");
    CliRun table = CliRun.of(new ChainCommand(), file.toString());

    assertThat(json.exitCode()).isZero();
    JsonObject report = json(json);
    assertThat(report.get("rows").getAsInt()).isEqualTo(30);
    JsonObject rejected = report.getAsJsonObject("rejected");
    assertThat(rejected.get("count").getAsInt()).isEqualTo(2);
    JsonObject first = rejected.getAsJsonArray("first").get(0).getAsJsonObject();
    assertThat(first.get("line").getAsInt()).isEqualTo(32);
    assertThat(first.get("field").getAsString()).isEqualTo("strike");
    assertThat(first.get("value").getAsString()).isEqualTo("abc");
    JsonObject second = rejected.getAsJsonArray("first").get(1).getAsJsonObject();
    assertThat(second.get("line").getAsInt()).isEqualTo(33);
    assertThat(second.get("field").getAsString()).isEqualTo("implied_volatility");
    assertThat(json.err()).contains("2 lines rejected");
    assertThat(table.out()).contains("30 rows repriced, 2 rejected").contains("Rejected lines: 2 (not repriced)")
        .contains("  line 32: strike ").contains("  line 33: implied_volatility ");
  }

  @Test
  void test_call_noRowRepricedExitsOne() throws IOException {
    List<String> lines = sliceLines();
    Path file = tmp.resolve("bad.csv");
    Files.write(file, List.of(lines.get(0), lines.get(1).replace(",82000.0,", ",abc,")), StandardCharsets.UTF_8);

    CliRun run = CliRun.of(new ChainCommand(), file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no row repriced (1 line rejected)");
  }

  @Test
  void test_call_missingColumnExitsTwoNamingIt() throws IOException {
    List<String> lines = new ArrayList<>(sliceLines());
    lines.set(0, lines.get(0).replace(",mark_price,", ",mark,"));
    Path file = tmp.resolve("nomark.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);

    CliRun run = CliRun.of(new ChainCommand(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).doesNotContain("\n").startsWith("levex chain: chain file " + file + ": the header lacks the required column mark_price");
  }

  @Test
  void test_call_unreadableFileExitsTwo() {
    CliRun run = CliRun.of(new ChainCommand(), tmp.resolve("none.csv").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("levex chain: cannot read chain file " + tmp.resolve("none.csv") + ": no such file");
  }

  @Test
  void test_call_unknownFormatIsUsageError() {
    CliRun run = CliRun.of(new ChainCommand(), SLICE.toString(), "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format must be table or json, not xml");
  }
}
