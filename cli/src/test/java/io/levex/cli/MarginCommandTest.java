package io.levex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code levex margin} run in-process on the portfolio files of {@code examples/}: Deribit's published standard-margin
 * numbers (T1, T4, T5 and the linear-perpetual example of margin-and-funding.md section 10), Deribit's published PM
 * example (T8), an options PM book, liquidation prices (T1 in closed form), a real recorded chain, the
 * not-yet-available SPAN model, and the rejected inputs of issue 4 ("Bad input") with their exit codes.
 */
class MarginCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final double TOL = 1e-12;

  @TempDir
  Path tmp;

  private static CliRun run(Path file, String... more) {
    String[] args = new String[more.length + 1];
    args[0] = file.toString();
    System.arraycopy(more, 0, args, 1, more.length);
    return CliRun.of(new MarginCommand(), args);
  }

  private static JsonObject json(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JsonParser.parseString(run.out()).getAsJsonObject();
  }

  private static JsonObject currency(JsonObject report, String ccy) {
    return report.getAsJsonObject("currencies").getAsJsonObject(ccy);
  }

  private static JsonObject position(JsonObject report, String instrument) {
    for (JsonElement e : report.getAsJsonArray("positions")) {
      if (e.getAsJsonObject().get("instrument").getAsString().equals(instrument)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no position " + instrument);
  }

  private static double num(JsonObject o, String key) {
    return o.get(key).getAsDouble();
  }

  /** Writes a copy of an example with a change applied. */
  private Path variant(String example, Consumer<JsonObject> change) throws IOException {
    JsonObject o = JsonParser.parseString(Files.readString(EXAMPLES.resolve(example))).getAsJsonObject();
    change.accept(o);
    Path p = tmp.resolve("variant.json");
    Files.writeString(p, o.toString(), StandardCharsets.UTF_8);
    return p;
  }

  private static JsonObject firstPosition(JsonObject o) {
    return o.getAsJsonArray("positions").get(0).getAsJsonObject();
  }

  private static void assertRejected(CliRun run, int exitCode, String... fragments) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("levex margin: ");
    assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    for (String f : fragments) {
      assertThat(run.err()).contains(f);
    }
  }

  @Test
  void test_call_T1_inversePerpetual25Btc() {
    // Published: 25 BTC needs IM 2.125% = 0.53125 BTC, MM 1.125% = 0.28125 BTC.
    JsonObject report = json(run(EXAMPLES.resolve("sm-btc-perp.json"), "--format", "json"));

    assertThat(report.keySet()).containsExactly("file", "as_of", "model", "parameter_set", "currencies", "positions", "totals_usd", "notes");
    assertThat(report.get("model").getAsString()).isEqualTo("deribit-sm");
    assertThat(report.get("parameter_set").getAsString()).isEqualTo("deribit-sm-2022-01-11");
    JsonObject btc = currency(report, "BTC");
    assertThat(btc.keySet()).containsExactly("initial_margin", "maintenance_margin", "margin_balance", "margin_ratio", "status",
        "equity", "available_funds", "open_orders_margin", "mmp_margin", "index_price", "risk_matrix_margin_details", "liquidation");
    assertThat(num(btc, "initial_margin")).isCloseTo(0.53125, within(TOL));
    assertThat(num(btc, "maintenance_margin")).isCloseTo(0.28125, within(TOL));
    // 1 BTC of collateral, no average price (no UPnL): margin balance 1, ratio MM / balance, coverage 3.6: healthy
    assertThat(num(btc, "margin_balance")).isCloseTo(1.0, within(TOL));
    assertThat(num(btc, "margin_ratio")).isCloseTo(0.28125, within(TOL));
    assertThat(num(btc, "available_funds")).isCloseTo(1 - 0.53125, within(TOL));
    assertThat(btc.get("status").getAsString()).isEqualTo("healthy");
    assertThat(btc.get("risk_matrix_margin_details").isJsonNull()).isTrue();
    // liquidation, closed form: long 25 BTC at M = 100,000 (entry = mark), cash 1: at index P the coin size is
    // q = 25 M / P, equity = 1 + 25 - q, MM = q (mm_base + slope q) = q (0.01 + 0.00005 q) (mm_base from MM / 25 -
    // slope x 25 of the published numbers); equity = MM <=> 0.00005 q^2 + 1.01 q - 26 = 0
    double q = (-1.01 + Math.sqrt(1.01 * 1.01 + 4 * 0.00005 * 26)) / (2 * 0.00005);
    double liq = 25 * 100_000 / q;
    JsonObject btcLiq = btc.getAsJsonObject("liquidation").getAsJsonObject("BTC");
    assertThat(btcLiq.getAsJsonArray("prices")).singleElement()
        .satisfies(e -> assertThat(e.getAsDouble()).isCloseTo(liq, within(1e-6)));
    assertThat(btcLiq.getAsJsonArray("distance_pct").get(0).getAsDouble()).isCloseTo(100 * (liq / 100_000 - 1), within(1e-9));
    JsonObject perp = position(report, "BTC-PERPETUAL");
    assertThat(num(perp, "initial_margin")).isCloseTo(0.53125, within(TOL));
    assertThat(num(perp, "maintenance_margin")).isCloseTo(0.28125, within(TOL));
    assertThat(num(report.getAsJsonObject("totals_usd"), "initial_margin")).isCloseTo(53_125, within(1e-6));
    assertThat(report.getAsJsonArray("notes")).isEmpty();
  }

  @Test
  void test_call_T5_optionsBookShortItmCall() {
    // T5: S 10,000, short K 9,000 call, mark 0.025 BTC: IM 0.175 BTC, MM 0.100 BTC.
    JsonObject report = json(run(EXAMPLES.resolve("sm-options-book.json"), "--format", "json"));

    JsonObject call = position(report, "BTC-27MAR26-9000-C");
    assertThat(num(call, "initial_margin")).isCloseTo(0.175, within(TOL));
    assertThat(num(call, "maintenance_margin")).isCloseTo(0.100, within(TOL));
    assertThat(num(call, "mark_price")).isEqualTo(0.025);
    // the short OTM put by the rule of section 1.3: OTM/S = 0.2, IM = max(0.15 - 0.2, 0.10) + 0.012 per option,
    // MM = max(0.075, 0.075 x 0.012) + 0.012; 2 options
    JsonObject put = position(report, "BTC-27MAR26-8000-P");
    assertThat(num(put, "initial_margin")).isCloseTo(2 * 0.112, within(TOL));
    assertThat(num(put, "maintenance_margin")).isCloseTo(2 * 0.087, within(TOL));
    // long options need no margin; their vol is implied from the mark
    JsonObject longCall = position(report, "BTC-27MAR26-12000-C");
    assertThat(num(longCall, "initial_margin")).isZero();
    assertThat(longCall.get("pricing_source").getAsString()).contains("implied from mark");
    // the currency's IM and MM are the sums over its positions (standard margin: no offsets)
    double im = 0;
    double mm = 0;
    for (JsonElement e : report.getAsJsonArray("positions")) {
      im += num(e.getAsJsonObject(), "initial_margin");
      mm += num(e.getAsJsonObject(), "maintenance_margin");
    }
    assertThat(num(currency(report, "BTC"), "initial_margin")).isCloseTo(im, within(TOL));
    assertThat(num(currency(report, "BTC"), "maintenance_margin")).isCloseTo(mm, within(TOL));
  }

  @Test
  void test_call_multiCurrencyT1T4AndLinearPerpetual() {
    JsonObject report = json(run(EXAMPLES.resolve("sm-multi-currency.json"), "--format", "json"));

    assertThat(report.getAsJsonObject("currencies").keySet()).containsExactly("BTC", "ETH", "USDC");
    assertThat(num(currency(report, "BTC"), "initial_margin")).isCloseTo(0.53125, within(TOL));
    assertThat(num(currency(report, "BTC"), "maintenance_margin")).isCloseTo(0.28125, within(TOL));
    // T4: 1,000 ETH: IM 2.4% = 24 ETH, MM 1.4% = 14 ETH
    assertThat(num(currency(report, "ETH"), "initial_margin")).isCloseTo(24, within(1e-9));
    assertThat(num(currency(report, "ETH"), "maintenance_margin")).isCloseTo(14, within(1e-9));
    // Linear-Perpetual page: BTC at 100,000, 25 BTC: IM 53,125 USDC, MM 28,125 USDC
    assertThat(num(currency(report, "USDC"), "initial_margin")).isCloseTo(53_125, within(1e-6));
    assertThat(num(currency(report, "USDC"), "maintenance_margin")).isCloseTo(28_125, within(1e-6));
    // UPnL of the linear perp: 25 x (100,050 - 99,000) USDC on top of 100,000 USDC of cash
    assertThat(num(currency(report, "USDC"), "equity")).isCloseTo(100_000 + 25 * 1_050, within(1e-6));
    // USD totals at the index: 53,125 + 24 x 3,000 + 53,125
    assertThat(num(report.getAsJsonObject("totals_usd"), "initial_margin")).isCloseTo(178_250, within(1e-6));
  }

  @Test
  void test_call_chainCsvMarksFromTheRecordedChain() {
    JsonObject report = json(run(EXAMPLES.resolve("sm-chain-btc-eth.json"), "--format", "json"));

    // Deribit's numbers for BTC-16JAN26-82000-C in the chain file: mark 0.08550357 BTC, IV 43.23%, forward 88,728.95
    JsonObject call = position(report, "BTC-16JAN26-82000-C");
    assertThat(num(call, "mark_price")).isEqualTo(0.08550357);
    assertThat(num(call, "implied_volatility")).isCloseTo(0.4323, within(1e-12));
    assertThat(num(call, "forward_price")).isEqualTo(88728.94666666667);
    // ITM short call (K 82,000 < index): IM = 0.15 + mark, MM = 0.075 + mark, per option, 2 options
    assertThat(num(call, "initial_margin")).isCloseTo(2 * (0.15 + 0.08550357), within(TOL));
    assertThat(num(call, "maintenance_margin")).isCloseTo(2 * (0.075 + 0.08550357), within(TOL));
    // the future is marked at the underlying_price of the options whose underlying_name it is
    assertThat(num(position(report, "BTC-25DEC26"), "mark_price")).isEqualTo(92617.64);
    assertThat(num(position(report, "ETH-30JAN26-3000-C"), "mark_price")).isEqualTo(0.064331);
  }

  @Test
  void test_call_T8_portfolioMarginPublished() {
    // Deribit's published PM example: IM 0.122861343 BTC, MM 0.050274504784 BTC; worst_case 0.05968587238,
    // roll_shock 0.00315725898, delta_shock 0
    JsonObject report = json(run(EXAMPLES.resolve("pm-btc-published.json"), "--format", "json"));

    assertThat(report.get("model").getAsString()).isEqualTo("deribit-pm");
    assertThat(report.get("parameter_set").getAsString()).isEqualTo("deribit-pm-2024-06-17");
    JsonObject btc = currency(report, "BTC");
    assertThat(num(btc, "initial_margin")).isCloseTo(0.122861343, within(1e-9));
    assertThat(num(btc, "maintenance_margin")).isCloseTo(0.050274504784, within(1e-9));
    assertThat(num(btc, "mmp_margin")).isEqualTo(0.06);
    assertThat(num(btc, "open_orders_margin")).isEqualTo(1.8212e-5);
    JsonObject rm = btc.getAsJsonObject("risk_matrix_margin_details");
    assertThat(rm.keySet()).containsExactly("worst_case", "worst_case_bucket", "roll_shock", "delta_shock", "correlation_contingency");
    assertThat(num(rm, "worst_case")).isCloseTo(0.05968587238, within(1e-9));
    assertThat(num(rm, "roll_shock")).isCloseTo(0.00315725898, within(1e-9));
    assertThat(num(rm, "delta_shock")).isZero();
    assertThat(num(rm, "correlation_contingency")).isZero();
    // a net long book loses most at the bottom of the standard table: -16%, the left-most bucket
    assertThat(rm.getAsJsonObject("worst_case_bucket").get("side").getAsString()).isEqualTo("left");
    // positions: no separable IM / MM under PM; their worst-scenario PnLs sum to -worst_case (no offset binds)
    double worst = 0;
    for (JsonElement e : report.getAsJsonArray("positions")) {
      assertThat(e.getAsJsonObject().get("maintenance_margin").isJsonNull()).isTrue();
      worst += num(e.getAsJsonObject(), "worst_case_contribution");
    }
    assertThat(-worst).isCloseTo(0.05968587238, within(1e-9));
    // 1 BTC of cash against a net long 0.31 BTC: liquidated only by a fall, never by a rise
    JsonObject liq = btc.getAsJsonObject("liquidation").getAsJsonObject("BTC");
    assertThat(liq.getAsJsonArray("prices")).isNotEmpty();
    for (int i = 0; i < liq.getAsJsonArray("prices").size(); i++) {
      double p = liq.getAsJsonArray("prices").get(i).getAsDouble();
      assertThat(p).isLessThan(65_666.19);
      assertThat(liq.getAsJsonArray("distance_pct").get(i).getAsDouble()).isCloseTo(100 * (p / 65_666.19 - 1), within(1e-9));
    }
  }

  @Test
  void test_call_portfolioMarginOptionsBook() {
    JsonObject report = json(run(EXAMPLES.resolve("pm-btc-options.json"), "--format", "json"));

    JsonObject btc = currency(report, "BTC");
    JsonObject rm = btc.getAsJsonObject("risk_matrix_margin_details");
    // IM = worst_case + roll_shock + delta_shock + correlation_contingency + add-ons; MM = mm_factor 0.8 x the same
    double rmm = num(rm, "worst_case") + num(rm, "roll_shock") + num(rm, "delta_shock") + num(rm, "correlation_contingency");
    assertThat(num(rm, "worst_case")).isPositive();
    assertThat(num(btc, "initial_margin")).isCloseTo(rmm + 0.01, within(1e-12));
    assertThat(num(btc, "maintenance_margin")).isCloseTo(0.8 * rmm, within(1e-12));
    // equity = 3 BTC + the short options' mark value (negative)
    double value = 0;
    for (JsonElement e : report.getAsJsonArray("positions")) {
      value += num(e.getAsJsonObject(), "market_value");
    }
    assertThat(value).isNegative();
    assertThat(num(btc, "equity")).isCloseTo(3 + value, within(1e-12));
    // a short strangle is liquidated on both sides
    JsonObject liq = btc.getAsJsonObject("liquidation").getAsJsonObject("BTC");
    assertThat(liq.getAsJsonArray("prices").get(0).getAsDouble()).isLessThan(100_000);
    assertThat(liq.getAsJsonArray("prices").get(liq.getAsJsonArray("prices").size() - 1).getAsDouble()).isGreaterThan(100_000);
  }

  @Test
  void test_call_liquidationSigmasHorizonAndDrivers() {
    JsonObject report = json(run(EXAMPLES.resolve("pm-btc-options.json"), "--format", "json", "--horizon-days", "10"));

    JsonObject liq = currency(report, "BTC").getAsJsonObject("liquidation").getAsJsonObject("BTC");
    assertThat(num(liq, "horizon_days")).isEqualTo(10.0);
    // the ATM vol is the vol of the book's option whose strike is nearest its forward (101,200) in |ln(K/F)|: the
    // 120,000 call's 52% (|ln(120,000/101,200)| = 0.1704) rather than the 85,000 put's 58% (0.1745)
    assertThat(Math.abs(Math.log(120_000 / 101_200.0))).isLessThan(Math.abs(Math.log(85_000 / 101_200.0)));
    assertThat(num(liq, "atm_vol")).isCloseTo(0.52, within(1e-12));
    for (int i = 0; i < liq.getAsJsonArray("prices").size(); i++) {
      double p = liq.getAsJsonArray("prices").get(i).getAsDouble();
      assertThat(liq.getAsJsonArray("distance_sigmas").get(i).getAsDouble())
          .isCloseTo(Math.log(p / 100_000) / (0.52 * Math.sqrt(10 / 365.0)), within(1e-9));
    }
    // the nearest level is on the downside (the short 85,000 put loses the most there)
    JsonArray drivers = liq.getAsJsonArray("drivers");
    assertThat(drivers).isNotEmpty();
    assertThat(drivers.get(0).getAsJsonObject().get("instrument").getAsString()).isEqualTo("BTC-27MAR26-85000-P");
    assertThat(num(drivers.get(0).getAsJsonObject(), "excess_change")).isNegative();
  }

  @Test
  void test_call_nonPositiveHorizonIsUsageError() {
    CliRun run = run(EXAMPLES.resolve("pm-btc-options.json"), "--horizon-days", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--horizon-days");
  }

  @Test
  void test_call_spanInversePerpetualClosedForm() throws IOException {
    // SPAN (Levex crypto set) on the 25 BTC perpetual: worst loss at -price_scan_range (0.16): 25 (1/0.84 - 1)
    // = 25 x 4/21 BTC (above the extreme move's 0.35 x 25 (1/0.68 - 1)); one tier, no options: MM = scan risk,
    // IM = maint_to_init_ratio (1.25) x MM. No risk_matrix_margin_details (Deribit PM's block).
    CliRun run = run(variant("sm-btc-perp.json", o -> {
      o.addProperty("model", "span");
      o.remove("params");
    }), "--format", "json");
    JsonObject report = json(run);

    assertThat(report.get("model").getAsString()).isEqualTo("span");
    assertThat(report.get("parameter_set").getAsString()).startsWith("levex-span-crypto-");
    JsonObject btc = currency(report, "BTC");
    double mm = 25 * 4.0 / 21.0;
    assertThat(num(btc, "maintenance_margin")).isCloseTo(mm, within(TOL));
    assertThat(num(btc, "initial_margin")).isCloseTo(1.25 * mm, within(TOL));
    assertThat(btc.get("risk_matrix_margin_details").isJsonNull()).isTrue();
    assertThat(btc.getAsJsonObject("liquidation").getAsJsonObject("BTC").getAsJsonArray("prices")).isNotEmpty();
  }

  @Test
  void test_call_tableHasUnitsInHeaders() {
    CliRun run = run(EXAMPLES.resolve("sm-multi-currency.json"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Currencies", "Positions", "Totals (USD)")
        .contains("Index (USD)", "IM (ccy)", "MM (ccy)", "Margin ratio (%)", "Size (coin)", "IM (USD)")
        .contains("0.53125000", "24.00000000", "53,125.00")
        .contains("Liquidation", "Liquidation price (USD)", "Distance (%)");
  }

  @Test
  void test_call_overridesAndAddOnsApply() throws IOException {
    // IM = 25 x (im_base + 0.00005 x 25) with im_base overridden to 3%; open orders and MMP margin add to IM
    CliRun run = run(variant("sm-btc-perp.json", o -> {
      JsonObject params = new JsonObject();
      params.addProperty("futures.BTC.im_base", 0.03);
      o.add("params", params);
      JsonObject orders = new JsonObject();
      orders.addProperty("BTC", 0.01);
      o.add("open_orders_margin", orders);
      JsonObject mmp = new JsonObject();
      mmp.addProperty("btc", 0.06);
      o.add("mmp_margin", mmp);
    }), "--format", "json");

    JsonObject report = json(run);
    assertThat(report.get("parameter_set").getAsString()).isEqualTo("deribit-sm-2022-01-11+overrides");
    JsonObject btc = currency(report, "BTC");
    assertThat(num(btc, "initial_margin")).isCloseTo(25 * (0.03 + 0.00005 * 25) + 0.01 + 0.06, within(TOL));
    assertThat(num(btc, "maintenance_margin")).isCloseTo(0.28125, within(TOL));
    assertThat(num(btc, "open_orders_margin")).isEqualTo(0.01);
    assertThat(num(btc, "mmp_margin")).isEqualTo(0.06);
  }

  @Test
  void test_call_nanSizeIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> firstPosition(o).addProperty("size", "NaN"))), 1,
        "positions[0].size", "finite");
  }

  @Test
  void test_call_absurdSizeIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> firstPosition(o).addProperty("size", 2e9))), 1,
        "positions[0].size", "1e9");
  }

  @Test
  void test_call_negativeCollateralIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> o.getAsJsonObject("collateral").addProperty("BTC", -0.5))), 1,
        "collateral[BTC]", ">= 0");
  }

  @Test
  void test_call_unknownModelIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> o.addProperty("model", "deribit-xm"))), 1,
        "model", "deribit-xm", "known: deribit-sm, deribit-pm, span");
  }

  @Test
  void test_call_unknownParameterSetIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> o.addProperty("params", "deribit-sm-1999-01-01"))), 1,
        "params", "deribit-sm-1999-01-01", "not a shipped parameter set");
  }

  @Test
  void test_call_unknownParameterKeyIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> {
      JsonObject params = new JsonObject();
      params.addProperty("price_range", 0.2);
      o.add("params", params);
    })), 1, "params[price_range]", "is not a parameter of deribit-sm-2022-01-11");
  }

  @Test
  void test_call_missingMarkNamesInstrumentAndItem() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> o.getAsJsonObject("market").remove("marks"))), 1,
        "market.marks", "BTC-PERPETUAL", "positions[0]");
  }

  @Test
  void test_call_missingIndexNamesUnderlying() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> o.getAsJsonObject("market").remove("index"))), 1,
        "market.index", "BTC");
  }

  @Test
  void test_call_missingOptionVolNamesInstrument() throws IOException {
    // T5's textbook mark is below intrinsic: without its stated vol none can be implied
    assertRejected(run(variant("sm-options-book.json", o -> o.getAsJsonObject("market").remove("vols"))), 1,
        "market.vols", "BTC-27MAR26-9000-C", "intrinsic");
  }

  @Test
  void test_call_unknownFieldIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> o.add("colateral", new JsonObject()))), 1,
        "colateral", "is not a field");
  }

  @Test
  void test_call_badInstrumentNameIsRejected() throws IOException {
    assertRejected(run(variant("sm-btc-perp.json", o -> {
      JsonArray positions = o.getAsJsonArray("positions");
      JsonObject p = new JsonObject();
      p.addProperty("instrument", "BTC-32JAN26");
      p.addProperty("size", 1);
      positions.add(p);
    })), 1, "positions[1].instrument", "BTC-32JAN26");
  }

  @Test
  void test_call_unreadableOrNotJsonIsUsageError() throws IOException {
    assertRejected(run(tmp.resolve("missing.json")), 2, "cannot read portfolio file", "no such file");
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\"as_of\": ", StandardCharsets.UTF_8);
    assertRejected(run(broken), 2, "is not valid JSON");
    Path chain = variant("sm-chain-btc-eth.json", o -> o.getAsJsonObject("market").addProperty("chain_csv", "nowhere.csv"));
    assertRejected(run(chain), 2, "market.chain_csv", "nowhere.csv");
  }

  @Test
  void test_call_plotWritesMarginRatioChart() throws IOException {
    Path png = tmp.resolve("ratio.png");
    CliRun run = run(EXAMPLES.resolve("pm-btc-options.json"), "--plot", png.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(1000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertRejected(run(EXAMPLES.resolve("pm-btc-options.json"), "--plot", tmp.resolve("nowhere/ratio.png").toString()), 2,
        "cannot write plot file", "no such directory");
  }

  @Test
  void test_call_badFormatIsUsageError() {
    CliRun run = run(EXAMPLES.resolve("sm-btc-perp.json"), "--format", "yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format must be table or json");
  }
}
