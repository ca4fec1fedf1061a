package io.levex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code levex surface} run in-process on real rows of the 2025-12-30 Deribit chain (every row of the 16JAN26
 * and 27FEB26 expiries of BTC and ETH, plus four BTC-27MAR26 rows; see PROVENANCE.md). The expected values are
 * recomputed in the test from the file's own columns with closed-form Black-76 (commons-math3 normal CDF), not
 * taken from the command's output.
 */
class SurfaceCommandTest {

  private static final Path SLICE = PriceCommandTest.resource("deribit_chain_surface_slice_20251230T173115Z.csv");
  private static final Path SMALL_SLICE = PriceCommandTest.resource("deribit_chain_slice_20251230T173115Z.csv");
  private static final NormalDistribution N = new NormalDistribution(0, 1);
  private static final double YEAR_SECONDS = 365 * 86_400.0;

  @TempDir
  Path tmp;

  /** One line of the chain file, as written. */
  record FileRow(String instrument, String currency, boolean call, double strike, Instant expiry, Instant timestamp,
      double underlying, double markPrice, double iv) {

    /** Exact seconds over 365-day years, from the timestamp truncated to milliseconds (the parser's documented rule). */
    double tYears() {
      return Duration.between(timestamp.truncatedTo(ChronoUnit.MILLIS), expiry).toMillis() / 1000.0 / YEAR_SECONDS;
    }

    /** Black-76 forward delta at r = 0 at the file's IV and underlying. */
    double delta() {
      double sd = iv * Math.sqrt(tYears());
      double d1 = (Math.log(underlying / strike) + 0.5 * sd * sd) / sd;
      return call ? N.cumulativeProbability(d1) : N.cumulativeProbability(d1) - 1;
    }
  }

  private static List<FileRow> fileRows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    List<FileRow> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      rows.add(new FileRow(c[header.indexOf("instrument_name")], c[header.indexOf("currency")],
          c[header.indexOf("option_type")].equals("call"), Double.parseDouble(c[header.indexOf("strike")]),
          OffsetDateTime.parse(c[header.indexOf("expiry_datetime")]).toInstant(),
          OffsetDateTime.parse(c[header.indexOf("timestamp")]).toInstant(),
          Double.parseDouble(c[header.indexOf("underlying")]), Double.parseDouble(c[header.indexOf("mark_price")]),
          Double.parseDouble(c[header.indexOf("implied_volatility")])));
    }
    return rows;
  }

  /** The rows of one currency and expiry, in file order. */
  private static List<FileRow> expiryRows(List<FileRow> rows, String currency, Instant expiry) {
    return rows.stream().filter(r -> r.currency.equals(currency) && r.expiry.equals(expiry)).toList();
  }

  /** The out-of-the-money rows with a positive mark and |Black-76 delta| >= minAbsDelta at the forward F. */
  private static Map<String, FileRow> usable(List<FileRow> expiryRows, double forward, double minAbsDelta) {
    Map<String, FileRow> out = new LinkedHashMap<>();
    for (FileRow r : expiryRows) {
      if (r.call == (r.strike >= forward) && r.markPrice > 0 && Math.abs(r.delta()) >= minAbsDelta) {
        out.put(r.instrument, r);
      }
    }
    return out;
  }

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

  private static List<JsonObject> slices(JsonObject report, String coin) {
    List<JsonObject> out = new ArrayList<>();
    report.getAsJsonObject("by_underlying").getAsJsonObject(coin).getAsJsonArray("slices").forEach(e -> out.add(e.getAsJsonObject()));
    return out;
  }

  /** Raw SVI total variance, written out from Gatheral's formula. */
  private static double sviW(JsonObject svi, double k) {
    double a = num(svi, "a");
    double b = num(svi, "b");
    double rho = num(svi, "rho");
    double m = num(svi, "m");
    double sigma = num(svi, "sigma");
    return a + b * (rho * (k - m) + Math.sqrt((k - m) * (k - m) + sigma * sigma));
  }

  //-------------------------------------------------------------------------
  @Test
  void test_call_forwardsAndTimesAreTheChainsOwn() throws IOException {
    List<FileRow> rows = fileRows(SLICE);
    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonObject report = json(run);
    assertThat(report.get("snapshot_time").getAsString()).isEqualTo("2025-12-30T17:31:15.944Z");
    for (String coin : List.of("BTC", "ETH")) {
      List<JsonObject> slices = slices(report, coin);
      assertThat(slices).extracting(s -> s.get("expiry").getAsString())
          .containsExactly("2026-01-16T08:00:00Z", "2026-02-27T08:00:00Z");
      for (JsonObject s : slices) {
        List<FileRow> expiry = expiryRows(rows, coin, Instant.parse(s.get("expiry").getAsString()));
        // every row has the same timestamp: the forward is the first row's underlying, in file order
        assertThat(num(s, "forward_usd")).isEqualTo(expiry.get(0).underlying);
        assertThat(num(s, "t_years")).isCloseTo(expiry.get(0).tYears(), within(1e-12));
      }
    }
    // the rows of an expiry do not all quote the same forward (BTC 16JAN26: four values)
    assertThat(expiryRows(rows, "BTC", Instant.parse("2026-01-16T08:00:00Z")).stream().map(r -> r.underlying).distinct().count()).isEqualTo(4);
    // the four BTC-27MAR26 rows hold 2 out-of-the-money marks: skipped
    JsonArray skipped = report.getAsJsonObject("by_underlying").getAsJsonObject("BTC").getAsJsonArray("skipped");
    assertThat(skipped).hasSize(1);
    JsonObject mar = skipped.get(0).getAsJsonObject();
    Instant mar27 = Instant.parse("2026-03-27T08:00:00Z");
    List<FileRow> marRows = expiryRows(rows, "BTC", mar27);
    assertThat(mar.get("expiry").getAsString()).isEqualTo(mar27.toString());
    assertThat(mar.get("quote_count").getAsInt()).isEqualTo(usable(marRows, marRows.get(0).underlying, 0.01).size()).isEqualTo(2);
    assertThat(mar.get("reason").getAsString()).contains("only 2 out-of-the-money quotes").contains("minimum 5");
    assertThat(report.getAsJsonObject("by_underlying").getAsJsonObject("ETH").getAsJsonArray("skipped")).isEmpty();
  }

  @Test
  void test_call_quotesAreTheFilesOtmMarksAndFittedVolsWithinReportedErrors() throws IOException {
    List<FileRow> rows = fileRows(SLICE);
    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--format", "json");

    JsonObject report = json(run);
    for (String coin : List.of("BTC", "ETH")) {
      for (JsonObject s : slices(report, coin)) {
        double f = num(s, "forward_usd");
        double t = num(s, "t_years");
        Map<String, FileRow> expected = usable(expiryRows(rows, coin, Instant.parse(s.get("expiry").getAsString())), f, 0.01);
        JsonArray quotes = s.getAsJsonArray("quotes");
        assertThat(num(s, "fit", "quotes")).isEqualTo(quotes.size()).isEqualTo(expected.size());
        double sumSq = 0;
        double maxErr = 0;
        Set<String> seen = new TreeSet<>();
        for (JsonElement e : quotes) {
          JsonObject q = e.getAsJsonObject();
          FileRow r = expected.get(q.get("instrument").getAsString());
          assertThat(r).as(q.get("instrument").getAsString()).isNotNull();
          seen.add(r.instrument);
          assertThat(q.get("option_type").getAsString()).isEqualTo(r.call ? "call" : "put");
          assertThat(num(q, "strike_usd")).isEqualTo(r.strike);
          assertThat(num(q, "market_vol")).isEqualTo(r.iv);
          double k = Math.log(r.strike / f);
          assertThat(num(q, "log_moneyness")).isCloseTo(k, within(1e-14));
          double fitted = num(q, "fitted_vol");
          assertThat(fitted).isCloseTo(Math.sqrt(sviW(s.getAsJsonObject("svi"), k) / t), within(1e-12));
          double err = Math.abs(fitted - r.iv);
          assertThat(err).isLessThanOrEqualTo(num(s, "fit", "max_abs_vol_error"));
          sumSq += err * err;
          maxErr = Math.max(maxErr, err);
        }
        assertThat(seen).hasSameSizeAs(expected.keySet());
        double rms = Math.sqrt(sumSq / quotes.size());
        assertThat(num(s, "fit", "rms_vol_error")).isCloseTo(rms, within(1e-12));
        assertThat(num(s, "fit", "max_abs_vol_error")).isCloseTo(maxErr, within(1e-15));
        // docs/market-data.md: from one week on every slice of this chain fits below 0.3 vol points RMS
        assertThat(rms).isLessThan(0.003);
        assertThat(s.get("butterfly_arbitrage_free").getAsBoolean()).isTrue();
      }
    }
  }

  @Test
  void test_call_25DeltaPillarsHaveBlack76DeltaOfAQuarter() {
    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--format", "json");

    JsonObject report = json(run);
    for (String coin : List.of("BTC", "ETH")) {
      for (JsonObject s : slices(report, coin)) {
        double f = num(s, "forward_usd");
        double t = num(s, "t_years");
        JsonObject svi = s.getAsJsonObject("svi");
        double kCall = num(s, "call25", "strike_usd");
        double kPut = num(s, "put25", "strike_usd");
        double volCall = num(s, "call25", "vol");
        double volPut = num(s, "put25", "vol");
        // the pillar vols are the smile's own vols at the pillar strikes
        assertThat(volCall).isCloseTo(Math.sqrt(sviW(svi, Math.log(kCall / f)) / t), within(1e-12));
        assertThat(volPut).isCloseTo(Math.sqrt(sviW(svi, Math.log(kPut / f)) / t), within(1e-12));
        // Black-76 forward delta at r = 0: N(d1) for the call, N(d1) - 1 for the put
        double d1Call = (Math.log(f / kCall) + 0.5 * volCall * volCall * t) / (volCall * Math.sqrt(t));
        double d1Put = (Math.log(f / kPut) + 0.5 * volPut * volPut * t) / (volPut * Math.sqrt(t));
        assertThat(N.cumulativeProbability(d1Call)).isCloseTo(0.25, within(1e-9));
        assertThat(N.cumulativeProbability(d1Put) - 1).isCloseTo(-0.25, within(1e-9));
        assertThat(kPut).isLessThan(f);
        assertThat(kCall).isGreaterThan(f);
        double atm = Math.sqrt(sviW(svi, 0) / t);
        assertThat(num(s, "atm_vol")).isCloseTo(atm, within(1e-12));
        assertThat(num(s, "rr25")).isCloseTo(volCall - volPut, within(1e-14));
        assertThat(num(s, "bf25")).isCloseTo((volCall + volPut) / 2 - atm, within(1e-14));
        assertThat(s.get("pillars_error").isJsonNull()).isTrue();
      }
    }
  }

  @Test
  void test_call_vegaWeightingWeighsByBlack76Vega() throws IOException {
    List<FileRow> rows = fileRows(SLICE);
    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--format", "json", "--underlying", "btc", "--weighting", "vega");

    assertThat(run.exitCode()).isZero();
    JsonObject report = json(run);
    assertThat(report.getAsJsonObject("by_underlying").keySet()).containsExactly("BTC");
    assertThat(report.getAsJsonObject("settings").get("weighting").getAsString()).isEqualTo("vega");
    for (JsonObject s : slices(report, "BTC")) {
      double f = num(s, "forward_usd");
      double t = num(s, "t_years");
      Map<String, FileRow> file = usable(expiryRows(rows, "BTC", Instant.parse(s.get("expiry").getAsString())), f, 0.01);
      Map<String, Double> vega = new HashMap<>();
      for (FileRow r : file.values()) {
        double sd = r.iv * Math.sqrt(t);
        double d1 = (Math.log(f / r.strike) + 0.5 * sd * sd) / sd;
        vega.put(r.instrument, f * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) * Math.sqrt(t));
      }
      double max = vega.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      for (JsonElement e : s.getAsJsonArray("quotes")) {
        JsonObject q = e.getAsJsonObject();
        assertThat(num(q, "weight")).isCloseTo(vega.get(q.get("instrument").getAsString()) / max, within(1e-12));
      }
    }
  }

  @Test
  void test_call_minQuotesAndMinAbsDeltaChangeTheSelection() throws IOException {
    List<FileRow> rows = fileRows(SLICE);
    Instant jan16 = Instant.parse("2026-01-16T08:00:00Z");
    List<FileRow> btcJan = expiryRows(rows, "BTC", jan16);
    int usableJan = usable(btcJan, btcJan.get(0).underlying, 0.01).size();
    int usableJan10 = usable(btcJan, btcJan.get(0).underlying, 0.10).size();
    assertThat(usableJan10).isLessThan(usableJan);

    CliRun strict = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--format", "json", "--underlying", "BTC",
        "--min-quotes", Integer.toString(usableJan + 1));
    CliRun cut = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--format", "json", "--underlying", "BTC",
        "--min-abs-delta", "0.10");

    assertThat(strict.exitCode()).isZero();
    JsonObject skipped = json(strict).getAsJsonObject("by_underlying").getAsJsonObject("BTC").getAsJsonArray("skipped").get(0).getAsJsonObject();
    assertThat(skipped.get("expiry").getAsString()).isEqualTo(jan16.toString());
    assertThat(skipped.get("quote_count").getAsInt()).isEqualTo(usableJan);
    assertThat(skipped.get("reason").getAsString()).contains("minimum " + (usableJan + 1));
    assertThat(cut.exitCode()).isZero();
    assertThat(num(slices(json(cut), "BTC").get(0), "fit", "quotes")).isEqualTo(usableJan10);
  }

  @Test
  void test_call_jsonShape() {
    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--format", "json");

    JsonObject report = json(run);
    assertThat(report.keySet()).containsExactly("file", "snapshot_time", "rows", "rejected", "settings", "by_underlying");
    assertThat(report.get("file").getAsString()).isEqualTo("deribit_chain_surface_slice_20251230T173115Z.csv");
    assertThat(report.get("rows").getAsInt()).isEqualTo(186);
    assertThat(report.getAsJsonObject("rejected").keySet()).containsExactly("count", "first");
    assertThat(report.getAsJsonObject("settings").keySet()).containsExactly("weighting", "min_quotes", "min_abs_delta");
    assertThat(num(report, "settings", "min_quotes")).isEqualTo(5);
    assertThat(num(report, "settings", "min_abs_delta")).isEqualTo(0.01);
    JsonObject by = report.getAsJsonObject("by_underlying");
    assertThat(by.keySet()).containsExactly("BTC", "ETH");
    assertThat(num(by, "BTC", "rows")).isEqualTo(102);
    assertThat(num(by, "ETH", "rows")).isEqualTo(84);
    for (String coin : List.of("BTC", "ETH")) {
      JsonObject u = by.getAsJsonObject(coin);
      assertThat(u.keySet()).containsExactly("rows", "error", "slices", "violations", "skipped");
      assertThat(u.get("error").isJsonNull()).isTrue();
      for (JsonObject s : slices(report, coin)) {
        assertThat(s.keySet()).containsExactly("expiry", "t_years", "forward_usd", "svi", "atm_vol", "rr25", "bf25", "call25", "put25",
            "pillars_error", "fit", "butterfly_arbitrage_free", "quotes");
        assertThat(s.getAsJsonObject("svi").keySet()).containsExactly("a", "b", "rho", "m", "sigma");
        assertThat(s.getAsJsonObject("call25").keySet()).containsExactly("strike_usd", "vol");
        assertThat(s.getAsJsonObject("put25").keySet()).containsExactly("strike_usd", "vol");
        assertThat(s.getAsJsonObject("fit").keySet()).containsExactly("quotes", "rms_vol_error", "max_abs_vol_error");
        assertThat(s.getAsJsonArray("quotes").get(0).getAsJsonObject().keySet())
            .containsExactly("instrument", "option_type", "strike_usd", "log_moneyness", "market_vol", "fitted_vol", "weight");
      }
      for (JsonElement v : u.getAsJsonArray("violations")) {
        assertThat(v.getAsJsonObject().keySet())
            .containsExactly("kind", "expiry", "log_moneyness", "from_log_moneyness", "to_log_moneyness", "worst_value", "message");
        assertThat(v.getAsJsonObject().get("kind").getAsString()).isIn("butterfly", "calendar");
      }
    }
    assertThat(by.getAsJsonObject("BTC").getAsJsonArray("skipped").get(0).getAsJsonObject().keySet())
        .containsExactly("expiry", "quote_count", "reason");
  }

  @Test
  void test_call_tableByDefault() {
    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("SVI volatility surface of deribit_chain_surface_slice_20251230T173115Z.csv: snapshot 2025-12-30T17:31:15.944Z, 186 rows, 0 rejected")
        .contains("vols in %; RR 25d, BF 25d and fit errors in vol points")
        .contains("BTC: 102 rows, 2 expiries fitted, 1 skipped")
        .contains("ETH: 84 rows, 2 expiries fitted, 0 skipped")
        .contains("| Expiry     | T days | Forward USD | ATM vol % | RR 25d | BF 25d | 25d call K | 25d put K | Quotes | RMS err | Max err | Butterfly-free |")
        .containsPattern("\\| 2026-01-16 \\| +16\\.60 \\| +88,728\\.95 \\| ")
        .containsPattern("\\| 2026-02-27 \\| +58\\.60 \\| +2,993\\.56 \\| ")
        .contains("ATM vol by expiry (%)")
        .contains("SVI parameters: w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + sigma^2))")
        .contains("| Expiry     |")
        .contains("Skipped expiries (not fitted)")
        .containsPattern("\\| 2026-03-27 \\| +2 \\| only 2 out-of-the-money quotes")
        .doesNotContain("Rejected lines");
    // 2 slice rows + 2 parameter rows per underlying
    assertThat(run.out().lines().filter(l -> l.startsWith("| 2026-01-16 ")).count()).isEqualTo(4);
  }

  @Test
  void test_call_rejectedLinesListedAndRestFitted() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SLICE, StandardCharsets.UTF_8));
    lines.add(lines.get(1).replace(",82000.0,", ",abc,"));
    Path file = tmp.resolve("chain.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);

    CliRun table = CliRun.of(new SurfaceCommand(), file.toString(), "--underlying", "BTC");
    CliRun json = CliRun.of(new SurfaceCommand(), file.toString(), "--format", "json");

    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("186 rows, 1 rejected").contains("Rejected lines: 1 (not used)").contains("  line 188: strike ");
    assertThat(table.err()).contains("1 line rejected");
    JsonObject rejected = json(json).getAsJsonObject("rejected");
    assertThat(rejected.get("count").getAsInt()).isEqualTo(1);
    assertThat(rejected.getAsJsonArray("first").get(0).getAsJsonObject().get("line").getAsInt()).isEqualTo(188);
  }

  //-------------------------------------------------------------------------
  @Test
  void test_call_plotsArePngsOfTheRequestedSize() throws IOException {
    Path smile = tmp.resolve("smile.png");
    Path term = tmp.resolve("term.png");

    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--underlying", "ETH", "--plot", smile.toString(),
        "--plot-term", term.toString(), "--plot-size", "900x600");

    assertThat(run.exitCode()).isZero();
    for (Path p : List.of(smile, term)) {
      BufferedImage image = ImageIO.read(p.toFile());
      assertThat(image).as(p.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(900);
      assertThat(image.getHeight()).isEqualTo(600);
      assertThat(run.err()).contains("levex surface: wrote " + p + " (900x600)");
    }
    assertThat(Files.readAllBytes(smile)).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void test_call_allUnderlyingsGetOnePlotEachWithTheCoinInTheName() throws IOException {
    Path smile = tmp.resolve("smile.png");

    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--plot", smile.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(smile).doesNotExist();
    for (String coin : List.of("BTC", "ETH")) {
      BufferedImage image = ImageIO.read(tmp.resolve("smile-" + coin + ".png").toFile());
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(1200);
      assertThat(image.getHeight()).isEqualTo(800);
    }
  }

  @Test
  void test_call_unwritablePlotPathExitsTwoNamingIt() throws IOException {
    Path noDir = tmp.resolve("missing").resolve("smile.png");
    Path dir = Files.createDirectory(tmp.resolve("adir"));

    CliRun missing = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--underlying", "BTC", "--plot", noDir.toString());
    CliRun isDir = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--underlying", "BTC", "--plot-term", dir.toString());

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err().strip()).doesNotContain("\n")
        .isEqualTo("levex surface: cannot write plot file " + noDir + ": no such directory " + noDir.getParent());
    assertThat(isDir.exitCode()).isEqualTo(2);
    assertThat(isDir.err().strip()).doesNotContain("\n").isEqualTo("levex surface: cannot write plot file " + dir + ": it is a directory");
  }

  //-------------------------------------------------------------------------
  @Test
  void test_call_unknownUnderlyingExitsOneNamingThePresentOnes() {
    CliRun run = CliRun.of(new SurfaceCommand(), SLICE.toString(), "--underlying", "SOL");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .isEqualTo("levex surface: underlying SOL is not in chain file " + SLICE + " (underlyings present: BTC, ETH)");
  }

  @Test
  void test_call_noExpiryFittableExitsOne() throws IOException {
    // the 30-row slice has at most 3 rows per expiry: no expiry reaches 5 quotes
    assertThat(fileRows(SMALL_SLICE).stream().collect(java.util.stream.Collectors.groupingBy(r -> r.currency + r.expiry,
        java.util.stream.Collectors.counting())).values()).allMatch(n -> n < 5);

    long btcExpiries = fileRows(SMALL_SLICE).stream().filter(r -> r.currency.equals("BTC")).map(r -> r.expiry).distinct().count();

    CliRun run = CliRun.of(new SurfaceCommand(), SMALL_SLICE.toString(), "--format", "json");
    CliRun table = CliRun.of(new SurfaceCommand(), SMALL_SLICE.toString(), "--underlying", "BTC");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonObject btc = json(run).getAsJsonObject("by_underlying").getAsJsonObject("BTC");
    assertThat(btc.get("error").getAsString()).contains("no expiry with enough quotes to fit");
    assertThat(btc.getAsJsonArray("slices")).isEmpty();
    assertThat(run.err()).contains("levex surface: no surface for BTC: underlying has no expiry with enough quotes to fit ("
        + btcExpiries + " expiries; reasons in the report)").contains("levex surface: no surface for ETH: ");
    assertThat(table.exitCode()).isEqualTo(1);
    assertThat(table.out()).contains("BTC: 15 rows, no surface: underlying has no expiry with enough quotes to fit\n");
    // one line per expiry of the file, each with its reason
    assertThat(table.out().lines().filter(l -> l.matches("  20\\d\\d-\\d\\d-\\d\\dT08:00:00Z: only \\d out-of-the-money quotes .*")).count())
        .isEqualTo(btcExpiries);
  }

  @Test
  void test_call_missingFileExitsTwo() {
    Path none = tmp.resolve("none.csv");

    CliRun run = CliRun.of(new SurfaceCommand(), none.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("levex surface: cannot read chain file " + none + ": no such file");
  }

  @Test
  void test_call_missingColumnExitsTwo() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SLICE, StandardCharsets.UTF_8));
    lines.set(0, lines.get(0).replace(",implied_volatility,", ",iv,"));
    Path file = tmp.resolve("noiv.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);

    CliRun run = CliRun.of(new SurfaceCommand(), file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("levex surface: chain file " + file + ": the header lacks the required column implied_volatility");
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of(List.of("--weighting", "price"), "--weighting must be uniform or vega, not price"),
        Arguments.of(List.of("--min-quotes", "4"), "--min-quotes must be >= 5"),
        Arguments.of(List.of("--min-quotes", "many"), "'many' is not an int"),
        Arguments.of(List.of("--min-abs-delta", "0.5"), "--min-abs-delta must lie in [0, 0.49], not 0.5"),
        Arguments.of(List.of("--min-abs-delta", "-0.1"), "--min-abs-delta must lie in [0, 0.49], not -0.1"),
        Arguments.of(List.of("--format", "xml"), "--format must be table or json, not xml"),
        Arguments.of(List.of("--plot-size", "100x100"), "--plot-size sides must lie in [300, 8000] pixels, not 100x100"),
        Arguments.of(List.of("--plot-size", "big"), "--plot-size must be WIDTHxHEIGHT in pixels"),
        Arguments.of(List.of("--underlying", "B-T-C"), "--underlying must be a coin symbol"),
        Arguments.of(List.of("--plot", "same.png", "--plot-term", "same.png"), "--plot and --plot-term must be different files"),
        Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void test_call_badOptionIsUsageError(List<String> options, String message) {
    List<String> args = new ArrayList<>(List.of(SLICE.toString()));
    args.addAll(options);

    CliRun run = CliRun.of(new SurfaceCommand(), args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(message).contains("Usage: surface");
  }

  @Test
  void test_help_documentsUnitsChartsAndExitCodes() {
    CliRun run = CliRun.of(new LevexCommand(), "surface", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--underlying", "--plot", "--plot-term", "--weighting", "--min-quotes", "--min-abs-delta",
        "vol points", "365 x 86,400", "ln(K/F)", "smile-BTC.png", "Exit codes:", "  0 ", "  1 ", "  2 ");
  }
}
