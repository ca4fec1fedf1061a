package io.levex.margin.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.AssetAmount;
import io.levex.api.v1.CurrencyMargin;
import io.levex.api.v1.IndexPrice;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.InstrumentTicker;
import io.levex.api.v1.MarginModel;
import io.levex.api.v1.MarginRequest;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.MarginServiceGrpc;
import io.levex.api.v1.MarginStatus;
import io.levex.api.v1.Mark;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.api.v1.Order;
import io.levex.api.v1.Portfolio;
import io.levex.api.v1.PortfolioPosition;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceItem;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.api.v1.PublishMarketDataSummary;
import io.levex.api.v1.WhatIfRequest;
import io.levex.api.v1.WhatIfResponse;
import io.levex.devinfra.CollectedSpan;
import io.levex.devinfra.LocalSuite;
import io.levex.testsupport.GrpcChannels;
import io.levex.testsupport.LevexTestEnvironment;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Test {@link MarginGrpcService} over real gRPC, with the real pricing-service running as a separate process.
 * Expected numbers are Deribit's published standard-margin examples (margin-and-funding.md section 10).
 */
@QuarkusTest
@WithTestResource(value = LevexTestEnvironment.class, initArgs = @ResourceArg(name = "downstream", value = "pricing-service"))
class MarginGrpcServiceTest {

  private static final double TOL = 1e-9;

  @TestHTTPResource("/")
  URL url;

  private ManagedChannel channel;
  private ManagedChannel pricingChannel;
  private MarginServiceGrpc.MarginServiceBlockingStub stub;

  @BeforeEach
  void open() {
    channel = GrpcChannels.open(url.getPort());
    pricingChannel = GrpcChannels.open(LevexTestEnvironment.downstream(LocalSuite.PRICING).port());
    stub = MarginServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    GrpcChannels.close(channel);
    GrpcChannels.close(pricingChannel);
  }

  @Test
  void test_computeMargin_T1_perpetualWithMarksFromPricingService() throws Exception {
    publish(index("BTC", 100_000), ticker("BTC-PERPETUAL", 100_000, null));
    MarginResponse r = stub.computeMargin(MarginRequest.newBuilder()
        .setPortfolio(Portfolio.newBuilder()
            .addPositions(position("BTC-PERPETUAL", 25, 100_000))
            .addCollateral(AssetAmount.newBuilder().setAsset("BTC").setAmount(1.0)))
        .build());
    CurrencyMargin btc = r.getCurrencies(0);
    assertThat(btc.getCurrency()).isEqualTo("BTC");
    // published: 25 BTC needs IM 2.125% = 0.53125 BTC and MM 1.125% = 0.28125 BTC
    assertThat(btc.getInitialMargin()).isCloseTo(0.53125, within(TOL));
    assertThat(btc.getMaintenanceMargin()).isCloseTo(0.28125, within(TOL));
    assertThat(btc.getMarginBalance()).isCloseTo(1.0, within(TOL));
    assertThat(btc.getMarginRatio()).isCloseTo(0.28125, within(TOL));
    assertThat(btc.getStatus()).isEqualTo(MarginStatus.MARGIN_STATUS_HEALTHY);
    assertThat(r.getMaintenanceMarginUsd()).isCloseTo(28_125, within(1e-6));
    assertThat(r.getParameterSet()).isEqualTo("deribit-sm-2022-01-11");
    assertThat(r.getModel()).isEqualTo(MarginModel.MARGIN_MODEL_STANDARD);
  }

  @Test
  void test_computeMargin_T5_shortItmCallWithMarksInRequest() {
    // S 10,000, K 9,000 call, mark 0.025 BTC: IM 0.175 BTC, MM 0.100 BTC per option
    String call = optionName(30, 9_000, "C");
    Mark mark = PricingServiceGrpc.newBlockingStub(pricingChannel).priceInstruments(PriceInstrumentsRequest.newBuilder()
        .addItems(PriceItem.newBuilder().setInstrument(ref(call)).setForwardUsd(10_000).setImpliedVol(0.3).setIndexPriceUsd(10_000))
        .build()).getResults(0).getMark().toBuilder().setPrice(0.025).setPriceCoin(0.025).build();
    MarginResponse r = stub.computeMargin(MarginRequest.newBuilder()
        .setPortfolio(Portfolio.newBuilder().addPositions(position(call, -2, 0.025)))
        .addMarks(mark)
        .build());
    assertThat(r.getCurrencies(0).getInitialMargin()).isCloseTo(2 * 0.175, within(TOL));
    assertThat(r.getCurrencies(0).getMaintenanceMargin()).isCloseTo(2 * 0.100, within(TOL));
    assertThat(r.getPositions(0).getMarketValue()).isCloseTo(-0.05, within(TOL));
  }

  @Test
  void test_whatIf_hedgeAddsItsOwnStandardMargin() throws Exception {
    publish(index("BTC", 100_000), ticker("BTC-PERPETUAL", 100_000, null));
    WhatIfResponse r = stub.whatIf(WhatIfRequest.newBuilder()
        .setMargin(MarginRequest.newBuilder().setPortfolio(Portfolio.newBuilder()
            .addPositions(position("BTC-PERPETUAL", 25, 100_000))
            .addCollateral(AssetAmount.newBuilder().setAsset("BTC").setAmount(1.0))))
        .setOrder(Order.newBuilder().setInstrument(ref("BTC-PERPETUAL")).setSize(325))
        .build());
    // after: 350 BTC long: published IM 3.75% = 13.125 BTC
    assertThat(r.getBefore().getCurrencies(0).getInitialMargin()).isCloseTo(0.53125, within(TOL));
    assertThat(r.getAfter().getCurrencies(0).getInitialMargin()).isCloseTo(13.125, within(1e-8));
    assertThat(r.getAfter().getStatus()).isEqualTo(MarginStatus.MARGIN_STATUS_LIQUIDATION);
    assertThat(r.getInitialMarginChangeUsd()).isCloseTo((13.125 - 0.53125) * 100_000, within(1e-3));
  }

  @Test
  void test_computeMargin_missingMarketDataNamesInstrumentAndSource() {
    String call = optionName(40, 250_000, "C");
    assertThatThrownBy(() -> stub.computeMargin(MarginRequest.newBuilder()
        .setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-PERPETUAL", 1, 0)).addPositions(position(call, -1, 0)))
        .build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
          assertThat(ex.getStatus().getCode()).isIn(Status.Code.NOT_FOUND, Status.Code.FAILED_PRECONDITION);
          assertThat(ex.getStatus().getDescription()).contains("portfolio.positions[").contains("pricing-service");
        });
  }

  @Test
  void test_computeMargin_badInputIsInvalidArgumentNamingField() {
    expectInvalid(MarginRequest.newBuilder().setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-PERPETUAL", Double.NaN, 0))).build(),
        "portfolio.positions[0].size");
    expectInvalid(MarginRequest.newBuilder().setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-99XYZ99", 1, 0))).build(),
        "portfolio.positions[0].instrument.name");
    expectInvalid(MarginRequest.newBuilder().putParameterOverrides("price_range", 0.2).build(), "parameter_overrides[price_range]");
    expectInvalid(MarginRequest.newBuilder().setParameterSet("deribit-sm-1999-01-01").build(), "parameter_set");
    expectInvalid(MarginRequest.newBuilder().setPortfolio(Portfolio.newBuilder()
        .addCollateral(AssetAmount.newBuilder().setAsset("btc!").setAmount(1))).build(), "portfolio.collateral[0].asset");
    expectInvalid(MarginRequest.newBuilder().setModel(MarginModel.MARGIN_MODEL_SPAN)
        .setParameterSet("deribit-sm-2022-01-11").build(), "parameter_set");
  }

  @Test
  void test_computeMargin_traceRunsIntoPricingService() throws Exception {
    publish(index("BTC", 100_000), ticker("BTC-PERPETUAL", 100_000, null));
    LevexTestEnvironment.traces().clear();
    stub.computeMargin(MarginRequest.newBuilder().setPortfolio(Portfolio.newBuilder().addPositions(position("BTC-PERPETUAL", 1, 0))).build());
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      List<CollectedSpan> spans = LevexTestEnvironment.traces().spans();
      CollectedSpan marginServer = spans.stream()
          .filter(s -> s.service().equals("margin-service") && s.kind().equals("SERVER") && s.name().contains("ComputeMargin"))
          .findFirst().orElseThrow();
      assertThat(spans).anySatisfy(s -> {
        assertThat(s.service()).isEqualTo("pricing-service");
        assertThat(s.kind()).isEqualTo("SERVER");
        assertThat(s.name()).contains("PriceInstruments");
        assertThat(s.traceId()).isEqualTo(marginServer.traceId());
      });
    });
  }

  @Test
  void test_ready_includesPricingService() {
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("pricing-service (gRPC)"));
  }

  // ------------------------------------------------------------------

  private void expectInvalid(MarginRequest request, String field) {
    assertThatThrownBy(() -> stub.computeMargin(request))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
          assertThat(ex.getStatus().getCode()).as(ex.getStatus().toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(ex.getStatus().getDescription()).startsWith(field);
        });
  }

  private void publish(MarketDataUpdate... updates) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    PublishMarketDataSummary[] out = new PublishMarketDataSummary[1];
    StreamObserver<MarketDataUpdate> in = PricingServiceGrpc.newStub(pricingChannel).publishMarketData(new StreamObserver<>() {
      @Override
      public void onNext(PublishMarketDataSummary value) {
        out[0] = value;
      }

      @Override
      public void onError(Throwable t) {
        done.countDown();
      }

      @Override
      public void onCompleted() {
        done.countDown();
      }
    });
    for (MarketDataUpdate u : updates) {
      in.onNext(u);
    }
    in.onCompleted();
    assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(out[0].getRejected()).isZero();
  }

  private static MarketDataUpdate index(String underlying, double price) {
    return MarketDataUpdate.newBuilder().setIndexPrice(IndexPrice.newBuilder().setUnderlying(underlying).setPriceUsd(price)
        .setTime(ProtoTimes.toProto(Instant.now()))).build();
  }

  private static MarketDataUpdate ticker(String instrument, double mark, Double iv) {
    InstrumentTicker.Builder b = InstrumentTicker.newBuilder().setInstrument(instrument).setMarkPrice(mark)
        .setTime(ProtoTimes.toProto(Instant.now()));
    if (iv != null) {
      b.setMarkIv(iv);
    }
    return MarketDataUpdate.newBuilder().setTicker(b).build();
  }

  private static PortfolioPosition position(String name, double size, double averagePrice) {
    return PortfolioPosition.newBuilder().setInstrument(ref(name)).setSize(size).setAveragePrice(averagePrice).build();
  }

  private static InstrumentRef ref(String name) {
    return InstrumentRef.newBuilder().setName(name).build();
  }

  private static String optionName(int days, int strike, String cp) {
    LocalDate d = LocalDate.now(ZoneOffset.UTC).plusDays(days);
    return "BTC-" + d.getDayOfMonth() + d.format(DateTimeFormatter.ofPattern("MMMyy", Locale.ROOT)).toUpperCase(Locale.ROOT)
        + "-" + strike + "-" + cp;
  }
}
