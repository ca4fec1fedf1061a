package io.levex.margin.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.levex.api.convert.MarkMapper;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.AssetAmount;
import io.levex.api.v1.CurrencyMargin;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.LiquidationRequest;
import io.levex.api.v1.LiquidationResponse;
import io.levex.api.v1.LiquidationSurface;
import io.levex.api.v1.MarginModel;
import io.levex.api.v1.MarginRequest;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.MarginServiceGrpc;
import io.levex.api.v1.Mark;
import io.levex.api.v1.Order;
import io.levex.api.v1.Portfolio;
import io.levex.api.v1.PortfolioPosition;
import io.levex.api.v1.PositionMargin;
import io.levex.api.v1.UnderlyingLiquidation;
import io.levex.api.v1.WhatIfRequest;
import io.levex.api.v1.WhatIfResponse;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import io.levex.testsupport.GrpcChannels;
import io.levex.testsupport.LevexTestEnvironment;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Test {@link MarginGrpcService}'s portfolio margin (ComputeMargin, WhatIf) and AnalyzeLiquidation over real gRPC,
 * with marks in the requests: Deribit's published PM example (T8, margin-and-funding.md section 10), closed-form
 * liquidation of an inverse perpetual, an option book, and bad input.
 */
@QuarkusTest
@WithTestResource(value = LevexTestEnvironment.class, initArgs = @ResourceArg(name = "downstream", value = "pricing-service"))
class MarginGrpcPortfolioLiquidationTest {

  private static final Instant T8_TIME = Instant.ofEpochMilli(1_718_619_740_501L);
  private static final double T8_INDEX = 65_666.19;
  private static final double PERP = 0.314538364;
  private static final double FUT = -0.001187534;
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

  @TestHTTPResource("/")
  URL url;

  private ManagedChannel channel;
  private MarginServiceGrpc.MarginServiceBlockingStub stub;

  @BeforeEach
  void open() {
    channel = GrpcChannels.open(url.getPort());
    stub = MarginServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    GrpcChannels.close(channel);
  }

  @Test
  void test_computeMargin_T8_portfolioModelPublished() {
    MarginResponse r = stub.computeMargin(t8());

    assertThat(r.getModel()).isEqualTo(MarginModel.MARGIN_MODEL_PORTFOLIO);
    assertThat(r.getParameterSet()).isEqualTo("deribit-pm-2024-06-17");
    CurrencyMargin btc = r.getCurrencies(0);
    // published: risk_matrix_margin 0.06284313098 (= IM without the request-less add-ons), MM 0.050274504784,
    // worst_case 0.05968587238, roll_shock 0.00315725898, delta_shock 0
    assertThat(btc.getInitialMargin()).isCloseTo(0.06284313098, within(1e-9));
    assertThat(btc.getMaintenanceMargin()).isCloseTo(0.050274504784, within(1e-9));
    assertThat(btc.getRiskMatrixMarginDetails().getWorstCase()).isCloseTo(0.05968587238, within(1e-9));
    assertThat(btc.getRiskMatrixMarginDetails().getRollShock()).isCloseTo(0.00315725898, within(1e-9));
    assertThat(btc.getRiskMatrixMarginDetails().getDeltaShock()).isZero();
    assertThat(btc.getRiskMatrixMarginDetails().getRiskMatrixMargin()).isCloseTo(0.06284313098, within(1e-9));
    assertThat(btc.getRiskMatrixMarginDetails().getWorstCaseBucket()).isEqualTo("-16% / vol up");
    assertThat(btc.getMarginBalance()).isEqualTo(1.0);
    double worst = r.getPositionsList().stream().mapToDouble(PositionMargin::getWorstCaseContribution).sum();
    assertThat(-worst).isCloseTo(0.05968587238, within(1e-9));
  }

  @Test
  void test_computeMargin_T8_withPublishedAddOnsGivesPublishedIm() {
    // published: IM 0.122861343 = risk_matrix_margin 0.06284313 + mmp_margin 0.06 + open_orders_margin 0.000018212
    MarginResponse r = stub.computeMargin(t8().toBuilder().putMmpMargin("BTC", 0.06).putOpenOrdersMargin("BTC", 0.000018212).build());

    CurrencyMargin btc = r.getCurrencies(0);
    assertThat(btc.getInitialMargin()).isCloseTo(0.122861343, within(1e-9));
    assertThat(btc.getMaintenanceMargin()).isCloseTo(0.050274504784, within(1e-9));
    assertThat(btc.getAvailableFunds()).isCloseTo(1.0 - 0.122861343, within(1e-9));
  }

  @Test
  void test_computeMargin_badAddOnNamesField() {
    expect(() -> stub.computeMargin(t8().toBuilder().putMmpMargin("BTC", -0.06).build()),
        Status.Code.INVALID_ARGUMENT, "mmp_margin[BTC]");
    expect(() -> stub.computeMargin(t8().toBuilder().putOpenOrdersMargin("btc!", 0.1).build()),
        Status.Code.INVALID_ARGUMENT, "open_orders_margin[btc!]");
    expect(() -> stub.computeMargin(t8().toBuilder().putOpenOrdersMargin("ETH", 0.1).build()),
        Status.Code.INVALID_ARGUMENT, "open_orders_margin[ETH]");
    expect(() -> stub.whatIf(WhatIfRequest.newBuilder().setMargin(t8().toBuilder().putOpenOrdersMargin("ETH", 0.1))
            .setOrder(Order.newBuilder().setInstrument(InstrumentRef.newBuilder().setName("BTC-PERPETUAL")).setSize(1)).build()),
        Status.Code.INVALID_ARGUMENT, "margin.open_orders_margin[ETH]");
  }

  @Test
  void test_whatIf_T8_portfolioModelClosingTheFuture() {
    WhatIfResponse r = stub.whatIf(WhatIfRequest.newBuilder().setMargin(t8())
        .setOrder(Order.newBuilder().setInstrument(ref("BTC-28JUN24")).setSize(-FUT)).build());

    assertThat(r.getBefore().getCurrencies(0).getMaintenanceMargin()).isCloseTo(0.050274504784, within(1e-9));
    // after: the long perpetual alone. Worst case: its loss at -16%, 1/0.84 - 1 per coin (the extended entries are
    // weighted down to the edge and then dampened); roll shock: the perpetual's min_annualised_move 1% x |delta|
    double worst = PERP * (1 / 0.84 - 1);
    double roll = 0.01 * PERP;
    CurrencyMargin after = r.getAfter().getCurrencies(0);
    assertThat(after.getRiskMatrixMarginDetails().getWorstCase()).isCloseTo(worst, within(1e-12));
    assertThat(after.getInitialMargin()).isCloseTo(worst + roll, within(1e-12));
    assertThat(after.getMaintenanceMargin()).isCloseTo(0.8 * (worst + roll), within(1e-12));
    assertThat(r.getInitialMarginChangeUsd())
        .isCloseTo(r.getAfter().getInitialMarginUsd() - r.getBefore().getInitialMarginUsd(), within(1e-9));
  }

  @Test
  void test_analyzeLiquidation_inversePerpetualClosedForm() {
    // long 10 BTC-PERPETUAL at P0 = 100,000 (face F = 1e6 USD), 1 BTC of cash, Deribit SM (mm_base 1%, slope
    // 0.00005 per coin). At index P, coin size x = F / P: equity = 1 + 10 - x, MM = x (0.01 + 0.00005 x);
    // equity = MM <=> 0.00005 x^2 + 1.01 x - 11 = 0, P = F / x
    double x = (-1.01 + Math.sqrt(1.01 * 1.01 + 4 * 0.00005 * 11)) / (2 * 0.00005);
    double expected = 1e6 / x;
    LiquidationResponse r = stub.analyzeLiquidation(LiquidationRequest.newBuilder()
        .setMargin(MarginRequest.newBuilder()
            .setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-PERPETUAL", 10, 100_000)).addCollateral(btc(1)))
            .addMarks(mark("BTC-PERPETUAL", 100_000, Double.NaN, 100_000, NOW))
            .setValuationTime(ProtoTimes.toProto(NOW)))
        .build());

    UnderlyingLiquidation u = r.getUnderlyings(0);
    assertThat(u.getUnderlying()).isEqualTo("BTC");
    assertThat(u.getIndexPriceUsd()).isEqualTo(100_000);
    assertThat(u.getLiquidationPricesUsdList()).singleElement().satisfies(p -> assertThat(p).isCloseTo(expected, within(1e-6)));
    assertThat(u.getDistancePct()).isCloseTo(100 * (expected / 100_000 - 1), within(1e-9));
    assertThat(u.getDistanceSigmas()).isNaN(); // no option to take an ATM vol from
    assertThat(u.getDriversList()).containsExactly("BTC-PERPETUAL");
    assertThat(r.getSurfacesList()).isEmpty();
  }

  @Test
  void test_analyzeLiquidation_shortStraddlePortfolioMarginWithSurface() {
    // short 1 BTC of the 27MAR26 100,000 straddle at a forward of 100,000, vol 50%, 0.5 BTC of cash, PM
    MarginRequest margin = MarginRequest.newBuilder()
        .setModel(MarginModel.MARGIN_MODEL_PORTFOLIO)
        .setPortfolio(Portfolio.newBuilder()
            .addPositions(position("BTC-27MAR26-100000-C", -1, 0))
            .addPositions(position("BTC-27MAR26-100000-P", -1, 0))
            .addCollateral(btc(0.5)))
        .addMarks(mark("BTC-27MAR26-100000-C", 100_000, 0.5, 100_000, NOW))
        .addMarks(mark("BTC-27MAR26-100000-P", 100_000, 0.5, 100_000, NOW))
        .setValuationTime(ProtoTimes.toProto(NOW))
        .build();
    LiquidationResponse r = stub.analyzeLiquidation(LiquidationRequest.newBuilder()
        .setMargin(margin).setHorizonDays(7).setIncludeSurface(true).build());

    UnderlyingLiquidation u = r.getUnderlyings(0);
    assertThat(u.getLiquidationPricesUsdList()).isNotEmpty();
    double nearest = u.getLiquidationPricesUsdList().stream()
        .min((a, b) -> Double.compare(Math.abs(Math.log(a / 1e5)), Math.abs(Math.log(b / 1e5)))).orElseThrow();
    assertThat(u.getDistancePct()).isCloseTo(100 * (nearest / 1e5 - 1), within(1e-9));
    // sigmas over 7 days from the book's ATM vol (50%): ln(P / S) / (0.5 sqrt(7 / 365))
    assertThat(u.getDistanceSigmas()).isCloseTo(Math.log(nearest / 1e5) / (0.5 * Math.sqrt(7 / 365.0)), within(1e-9));
    assertThat(u.getDriversList()).isNotEmpty();
    // the surface: 21 moves x 7 vol shifts; its centre is ComputeMargin's MM / margin balance; short vega: the
    // ratio rises with the vol shift at the current index
    LiquidationSurface s = r.getSurfaces(0);
    assertThat(s.getSpotMovesCount()).isEqualTo(21);
    assertThat(s.getVolShiftsCount()).isEqualTo(7);
    assertThat(s.getMarginRatiosCount()).isEqualTo(21 * 7);
    CurrencyMargin now = stub.computeMargin(margin).getCurrencies(0);
    int centre = 10 * 7 + 2; // move 0, vol shift 0
    assertThat(s.getSpotMoves(10)).isCloseTo(0.0, within(1e-15));
    assertThat(s.getVolShifts(2)).isZero();
    assertThat(s.getMarginRatios(centre)).isCloseTo(now.getMarginRatio(), within(1e-12));
    for (int j = 1; j < 7; j++) {
      assertThat(s.getMarginRatios(10 * 7 + j)).isGreaterThan(s.getMarginRatios(10 * 7 + j - 1));
    }
  }

  @Test
  void test_computeMargin_spanInversePerpetualClosedForm() {
    // SPAN, Levex crypto set: a long inverse perpetual of 10 BTC at 100,000 (no options, one tier: no spread charge,
    // no short-option minimum). Its worst loss is at -price_scan_range (0.16): 10 (1/0.84 - 1) = 10 x 4/21 BTC, larger
    // than the extreme move's 0.35 x 10 (1/0.68 - 1); MM = that scan risk, IM = maint_to_init_ratio (1.25) x MM.
    MarginRequest request = MarginRequest.newBuilder()
        .setModel(MarginModel.MARGIN_MODEL_SPAN)
        .setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-PERPETUAL", 10, 100_000)).addCollateral(btc(3)))
        .addMarks(mark("BTC-PERPETUAL", 100_000, Double.NaN, 100_000, NOW)).build();

    MarginResponse r = stub.computeMargin(request);

    assertThat(r.getModel()).isEqualTo(MarginModel.MARGIN_MODEL_SPAN);
    assertThat(r.getParameterSet()).startsWith("levex-span-crypto-");
    CurrencyMargin btc = r.getCurrencies(0);
    assertThat(btc.getCurrency()).isEqualTo("BTC");
    double mm = 10 * 4.0 / 21.0;
    assertThat(btc.getMaintenanceMargin()).isCloseTo(mm, within(1e-12));
    assertThat(btc.getInitialMargin()).isCloseTo(1.25 * mm, within(1e-12));
    assertThat(btc.getMarginBalance()).isCloseTo(3.0, within(1e-12));
    assertThat(btc.getMarginRatio()).isCloseTo(mm / 3.0, within(1e-12));
    assertThat(r.getPositions(0).getWorstCaseContribution()).isCloseTo(-mm, within(1e-12));
  }

  @Test
  void test_badInput_namesField() {
    MarginRequest ok = MarginRequest.newBuilder()
        .setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-PERPETUAL", 10, 100_000)).addCollateral(btc(1)))
        .addMarks(mark("BTC-PERPETUAL", 100_000, Double.NaN, 100_000, NOW)).build();
    expect(() -> stub.analyzeLiquidation(LiquidationRequest.newBuilder().setMargin(ok).setHorizonDays(-1).build()),
        Status.Code.INVALID_ARGUMENT, "horizon_days");
    expect(() -> stub.analyzeLiquidation(LiquidationRequest.newBuilder().setMargin(MarginRequest.newBuilder()).build()),
        Status.Code.INVALID_ARGUMENT, "margin.portfolio.positions");
    expect(() -> stub.computeMargin(ok.toBuilder().setModel(MarginModel.MARGIN_MODEL_SPAN)
            .setParameterSet("deribit-pm-2024-06-17").build()),
        Status.Code.INVALID_ARGUMENT, "parameter_set");
    expect(() -> stub.computeMargin(ok.toBuilder().setModel(MarginModel.MARGIN_MODEL_PORTFOLIO)
            .setParameterSet("deribit-sm-2022-01-11").build()),
        Status.Code.INVALID_ARGUMENT, "parameter_set");
    expect(() -> stub.computeMargin(ok.toBuilder().setModel(MarginModel.MARGIN_MODEL_PORTFOLIO)
            .putParameterOverrides("im_base", 0.1).build()),
        Status.Code.INVALID_ARGUMENT, "parameter_overrides[im_base]");
    // an option mark without a vol cannot be revalued by PM
    Mark noVol = mark("BTC-27MAR26-100000-C", 100_000, 0.5, 100_000, NOW).toBuilder().setImpliedVol(0).build();
    expect(() -> stub.computeMargin(MarginRequest.newBuilder().setModel(MarginModel.MARGIN_MODEL_PORTFOLIO)
            .setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-27MAR26-100000-C", -1, 0)))
            .addMarks(noVol).build()),
        Status.Code.INVALID_ARGUMENT, "portfolio.positions[0].mark.implied_vol");
  }

  // ------------------------------------------------------------------

  /** T8: Deribit's published book (no average prices), 1 BTC of cash, PM 2024-06-17, at the example's time. */
  private static MarginRequest t8() {
    return MarginRequest.newBuilder()
        .setModel(MarginModel.MARGIN_MODEL_PORTFOLIO)
        .setParameterSet("deribit-pm-2024-06-17")
        .setPortfolio(Portfolio.newBuilder()
            .addPositions(position("BTC-PERPETUAL", PERP, 0))
            .addPositions(position("BTC-28JUN24", FUT, 0))
            .addCollateral(btc(1)))
        .addMarks(mark("BTC-PERPETUAL", 65_910.57, Double.NaN, T8_INDEX, T8_TIME))
        .addMarks(mark("BTC-28JUN24", 67_371.75, Double.NaN, T8_INDEX, T8_TIME))
        .setValuationTime(ProtoTimes.toProto(T8_TIME))
        .build();
  }

  private static void expect(Runnable call, Status.Code code, String descriptionStart) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
      assertThat(ex.getStatus().getCode()).as(ex.getStatus().toString()).isEqualTo(code);
      assertThat(ex.getStatus().getDescription()).startsWith(descriptionStart);
    });
  }

  /** A mark as pricing-service would give it: futures at their price, options Black-76 at (forward, vol). */
  private static Mark mark(String name, double forward, double vol, double index, Instant at) {
    Instrument i = DeribitInstrumentNames.parse(name);
    return MarkMapper.toProto(InstrumentPricer.DEFAULT.value(i, new PricingInputs(forward, vol, 0, index, at, "test"), at), 1e12);
  }

  private static AssetAmount btc(double amount) {
    return AssetAmount.newBuilder().setAsset("BTC").setAmount(amount).build();
  }

  private static PortfolioPosition position(String name, double size, double averagePrice) {
    return PortfolioPosition.newBuilder().setInstrument(ref(name)).setSize(size).setAveragePrice(averagePrice).build();
  }

  private static InstrumentRef ref(String name) {
    return InstrumentRef.newBuilder().setName(name).build();
  }
}
