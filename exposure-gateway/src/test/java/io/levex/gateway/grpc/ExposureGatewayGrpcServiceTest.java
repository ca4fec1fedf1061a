package io.levex.gateway.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.levex.api.v1.Account;
import io.levex.api.v1.ApplyFillsRequest;
import io.levex.api.v1.ApplyFillsResponse;
import io.levex.api.v1.CheckOrderRequest;
import io.levex.api.v1.CheckOrderResponse;
import io.levex.api.v1.CollateralTransferRequest;
import io.levex.api.v1.CollateralTransferResult;
import io.levex.api.v1.CreateAccountRequest;
import io.levex.api.v1.CurrencyMargin;
import io.levex.api.v1.ErrorCode;
import io.levex.api.v1.ExposureGatewayGrpc;
import io.levex.api.v1.ExposureReport;
import io.levex.api.v1.Fill;
import io.levex.api.v1.FillResult;
import io.levex.api.v1.GetAccountRequest;
import io.levex.api.v1.GetExposureRequest;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.ListAccountsRequest;
import io.levex.api.v1.ListPositionsRequest;
import io.levex.api.v1.MarginStatus;
import io.levex.api.v1.Order;
import io.levex.api.v1.PositionExposure;
import io.levex.api.v1.UnderlyingExposure;
import io.levex.devinfra.CollectedSpan;
import io.levex.devinfra.LocalSuite;
import io.levex.testsupport.GrpcChannels;
import io.levex.testsupport.LevexTestEnvironment;
import io.levex.testsupport.MarketData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vertical slice through the gateway, over real gRPC, with a real PostgreSQL and the real pricing-service and
 * margin-service running as separate processes. Expected numbers are computed here independently: Black-76 with
 * commons-math3's normal distribution, inverse-contract PnL from its definition, and Deribit's published
 * standard-margin formulas.
 */
@QuarkusTest
@WithTestResource(value = LevexTestEnvironment.class, initArgs = {
    @ResourceArg(name = "postgres", value = "true"),
    @ResourceArg(name = "downstream", value = "pricing-service,margin-service")})
class ExposureGatewayGrpcServiceTest {

  private static final NormalDistribution N = new NormalDistribution();
  private static final double INDEX = 100_000;
  private static final double PERP_MARK = 100_100;
  private static final double FORWARD = 100_500;
  private static final double VOL = 0.6;
  private static final double STRIKE = 110_000;

  @TestHTTPResource("/")
  URL url;

  private ManagedChannel channel;
  private ManagedChannel pricing;
  private ExposureGatewayGrpc.ExposureGatewayBlockingStub gateway;

  @BeforeEach
  void open() {
    channel = GrpcChannels.open(url.getPort());
    pricing = GrpcChannels.open(LevexTestEnvironment.downstream(LocalSuite.PRICING).port());
    gateway = ExposureGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    GrpcChannels.close(channel);
    GrpcChannels.close(pricing);
  }

  @Test
  void test_verticalSlice_accountCollateralFillsExposureAndMargin() {
    String call = MarketData.optionName("BTC", 30, (long) STRIKE, "C");
    publishMarket(call);
    String requestId = "req-" + UUID.randomUUID();
    Account account = gateway.createAccount(CreateAccountRequest.newBuilder().setRequestId(requestId).setName("slice").build());
    assertThat(gateway.createAccount(CreateAccountRequest.newBuilder().setRequestId(requestId).setName("slice").build()).getAccountId())
        .as("a retried create returns the same account").isEqualTo(account.getAccountId());
    String id = account.getAccountId();

    CollateralTransferResult deposit = gateway.depositCollateral(transfer(id, "dep-1", "BTC", 2.0));
    assertThat(deposit.getBalanceAfter().getAmount()).isEqualTo(2.0);
    assertThat(gateway.depositCollateral(transfer(id, "dep-1", "BTC", 2.0)).getReplayed()).isTrue();

    FillResult perp = gateway.applyFill(fill(id, "f-1", "BTC-PERPETUAL", 3, 100_000));
    assertThat(perp.getPosition().getFaceUsd()).isEqualTo(300_000.0);
    FillResult shortCall = gateway.applyFill(fill(id, "f-2", call, -2, 0.02));
    assertThat(shortCall.getCashFlowsList()).singleElement().satisfies(cf -> {
      assertThat(cf.getAsset()).isEqualTo("BTC");
      assertThat(cf.getAmount()).isCloseTo(0.04, within(1e-15));
    });
    FillResult replay = gateway.applyFill(fill(id, "f-2", call, -2, 0.02));
    assertThat(replay.getReplayed()).isTrue();
    assertThat(replay.getPosition()).isEqualTo(shortCall.getPosition());
    assertThat(gateway.getAccount(GetAccountRequest.newBuilder().setAccountId(id).build()).getBalancesList())
        .singleElement().satisfies(b -> assertThat(b.getAmount()).isCloseTo(2.04, within(1e-15)));

    ExposureReport report = gateway.getExposure(GetExposureRequest.newBuilder().setAccountId(id).build());
    assertThat(report.getWarningsList()).isEmpty();
    PositionExposure optionExposure = find(report, call);
    PositionExposure perpExposure = find(report, "BTC-PERPETUAL");

    // perpetual: inverse contract, USD face 300,000
    double perpCoin = 300_000 / PERP_MARK;
    double perpPnl = 300_000 * (1 / 100_000.0 - 1 / PERP_MARK);
    assertThat(perpExposure.getNotionalUsd()).isCloseTo(300_000, within(1e-6));
    assertThat(perpExposure.getDeltaCoin()).isCloseTo(perpCoin, within(1e-12));
    assertThat(perpExposure.getDeltaUsd()).isCloseTo(perpCoin * INDEX, within(1e-6));
    assertThat(perpExposure.getUnrealizedPnl()).isCloseTo(perpPnl, within(1e-12));

    // option: Black-76 on the forward, coin price = USD price / F
    double t = optionExposure.getMark().getTimeToExpiryYears();
    assertThat(t).isBetween(29 / 365.0, 31 / 365.0);
    double s = VOL * Math.sqrt(t);
    double d1 = Math.log(FORWARD / STRIKE) / s + s / 2;
    double d2 = d1 - s;
    double priceCoin = (FORWARD * N.cumulativeProbability(d1) - STRIKE * N.cumulativeProbability(d2)) / FORWARD;
    assertThat(optionExposure.getMark().getPrice()).isCloseTo(priceCoin, within(1e-12));
    assertThat(optionExposure.getMark().getGreeks().getDelta()).isCloseTo(N.cumulativeProbability(d1), within(1e-12));
    assertThat(optionExposure.getDeltaCoin()).isCloseTo(-2 * N.cumulativeProbability(d1), within(1e-12));
    assertThat(optionExposure.getDeltaTotalCoin()).isCloseTo(-2 * (N.cumulativeProbability(d1) - priceCoin), within(1e-12));
    assertThat(optionExposure.getNotionalUsd()).isCloseTo(2 * INDEX, within(1e-6));
    assertThat(optionExposure.getMarketValue()).isCloseTo(-2 * priceCoin, within(1e-12));

    // totals per underlying and account
    UnderlyingExposure btc = report.getUnderlyingsList().stream().filter(u -> u.getUnderlying().equals("BTC")).findFirst().orElseThrow();
    assertThat(btc.getTotals().getGrossNotionalUsd()).isCloseTo(500_000, within(1e-6));
    assertThat(btc.getTotals().getDeltaCoin()).isCloseTo(perpCoin - 2 * N.cumulativeProbability(d1), within(1e-12));
    assertThat(btc.getByExpiryCount()).isEqualTo(2);
    double equityBtc = 2.04 + perpPnl - 2 * priceCoin;
    assertThat(btc.getEquityCoin()).isCloseTo(equityBtc, within(1e-12));
    assertThat(report.getEquityUsd()).isCloseTo(equityBtc * INDEX, within(1e-6));
    assertThat(report.getGrossLeverage()).isCloseTo(500_000 / (equityBtc * INDEX), within(1e-9));

    // margin from margin-service: Deribit standard margin with the report's marks
    double q = perpCoin;
    double otm = (STRIKE - INDEX) / INDEX;
    double im = q * (0.02 + 0.00005 * q) + 2 * (Math.max(0.15 - otm, 0.10) + priceCoin);
    double mm = q * (0.01 + 0.00005 * q) + 2 * (0.075 + priceCoin);
    CurrencyMargin m = report.getMargin().getCurrencies(0);
    assertThat(m.getCurrency()).isEqualTo("BTC");
    assertThat(m.getInitialMargin()).isCloseTo(im, within(1e-12));
    assertThat(m.getMaintenanceMargin()).isCloseTo(mm, within(1e-12));
    assertThat(m.getMarginBalance()).isCloseTo(equityBtc, within(1e-12));
    assertThat(report.getMargin().getStatus()).isEqualTo(MarginStatus.MARGIN_STATUS_HEALTHY);
    assertThat(report.getStale()).isFalse();

    // withdrawals: more than the balance, or more than the margin allows, are refused
    expectStatus(() -> gateway.withdrawCollateral(transfer(id, "wd-1", "BTC", 5.0)), Status.Code.FAILED_PRECONDITION, "amount");
    expectStatus(() -> gateway.withdrawCollateral(transfer(id, "wd-2", "BTC", 1.9)), Status.Code.FAILED_PRECONDITION, "amount");
    CollateralTransferResult small = gateway.withdrawCollateral(transfer(id, "wd-3", "BTC", 0.1));
    assertThat(small.getBalanceAfter().getAmount()).isCloseTo(1.94, within(1e-15));

    // pre-trade check
    CheckOrderResponse ok = gateway.checkOrder(CheckOrderRequest.newBuilder().setAccountId(id)
        .setOrder(Order.newBuilder().setInstrument(ref("BTC-PERPETUAL")).setSize(-1)).build());
    assertThat(ok.getAccepted()).isTrue();
    CheckOrderResponse tooBig = gateway.checkOrder(CheckOrderRequest.newBuilder().setAccountId(id)
        .setOrder(Order.newBuilder().setInstrument(ref("BTC-PERPETUAL")).setSize(500)).build());
    assertThat(tooBig.getAccepted()).isFalse();
    assertThat(tooBig.getReasonsList()).extracting(r -> r.getCode()).contains("MARGIN_INSUFFICIENT");
  }

  @Test
  void test_getExposure_oneTraceIdThroughAllThreeServices() {
    String call = MarketData.optionName("BTC", 45, 120_000, "P");
    publishMarket(call);
    String id = gateway.createAccount(CreateAccountRequest.newBuilder().setRequestId("trace-" + UUID.randomUUID()).setName("trace").build())
        .getAccountId();
    gateway.depositCollateral(transfer(id, "t-dep", "BTC", 1));
    gateway.applyFill(fill(id, "t-1", call, 1, 0.05));
    LevexTestEnvironment.traces().clear();
    gateway.getExposure(GetExposureRequest.newBuilder().setAccountId(id).build());
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<CollectedSpan> spans = LevexTestEnvironment.traces().spans();
      CollectedSpan root = spans.stream()
          .filter(sp -> sp.service().equals("exposure-gateway") && sp.kind().equals("SERVER") && sp.name().contains("GetExposure"))
          .findFirst().orElseThrow();
      List<CollectedSpan> trace = LevexTestEnvironment.traces().trace(root.traceId());
      assertThat(trace).anySatisfy(serverSpan("pricing-service", "PriceInstruments"));
      assertThat(trace).anySatisfy(serverSpan("margin-service", "ComputeMargin"));
      assertThat(trace).anySatisfy(sp -> {
        assertThat(sp.service()).isEqualTo("exposure-gateway");
        assertThat(sp.kind()).isEqualTo("CLIENT");
      });
    });
  }

  @Test
  void test_badInput_namesFieldAndValueAndWritesNothing() {
    String id = gateway.createAccount(CreateAccountRequest.newBuilder().setRequestId("bad-" + UUID.randomUUID()).setName("bad").build())
        .getAccountId();
    String unknown = UUID.randomUUID().toString();
    expectStatus(() -> gateway.getAccount(GetAccountRequest.newBuilder().setAccountId(unknown).build()), Status.Code.NOT_FOUND, "account_id");
    expectStatus(() -> gateway.getAccount(GetAccountRequest.newBuilder().setAccountId("not-a-uuid").build()), Status.Code.INVALID_ARGUMENT, "account_id");
    expectStatus(() -> gateway.applyFill(fill(unknown, "x", "BTC-PERPETUAL", 1, 1)), Status.Code.NOT_FOUND, "account_id");
    expectStatus(() -> gateway.applyFill(fill(id, "", "BTC-PERPETUAL", 1, 1)), Status.Code.INVALID_ARGUMENT, "fill_id");
    expectStatus(() -> gateway.applyFill(fill(id, "b1", "BTC-32JAN26", 1, 1)), Status.Code.INVALID_ARGUMENT, "instrument.name");
    expectStatus(() -> gateway.applyFill(fill(id, "b2", "BTC-PERPETUAL", 1, Double.NaN)), Status.Code.INVALID_ARGUMENT, "price");
    expectStatus(() -> gateway.applyFill(fill(id, "b3", "BTC-PERPETUAL", 1, -5)), Status.Code.INVALID_ARGUMENT, "price");
    expectStatus(() -> gateway.applyFill(fill(id, "b4", "BTC-PERPETUAL", 0, 100)), Status.Code.INVALID_ARGUMENT, "size");
    expectStatus(() -> gateway.applyFill(fill(id, "b5", "BTC-1JAN20-90000-C", 1, 0.1)), Status.Code.INVALID_ARGUMENT, "instrument");
    expectStatus(() -> gateway.depositCollateral(transfer(id, "d1", "BTC", -1)), Status.Code.INVALID_ARGUMENT, "amount");
    expectStatus(() -> gateway.depositCollateral(transfer(id, "d2", "BTC", Double.NaN)), Status.Code.INVALID_ARGUMENT, "amount");
    expectStatus(() -> gateway.createAccount(CreateAccountRequest.newBuilder().setName("x").build()), Status.Code.INVALID_ARGUMENT, "request_id");
    // the same fill id with different content
    gateway.applyFill(fill(id, "dup", "BTC-PERPETUAL", 1, 100_000));
    expectStatus(() -> gateway.applyFill(fill(id, "dup", "BTC-PERPETUAL", 2, 100_000)), Status.Code.ALREADY_EXISTS, "fill_id");

    // nothing but the one good fill was written
    assertThat(gateway.listPositions(ListPositionsRequest.newBuilder().setAccountId(id).setIncludeClosed(true).build()).getPositionsList())
        .singleElement().satisfies(p -> assertThat(p.getSize()).isEqualTo(1.0));
    assertThat(gateway.getAccount(GetAccountRequest.newBuilder().setAccountId(id).build()).getBalancesCount()).isZero();
  }

  @Test
  void test_applyFills_badItemFailsAlone() {
    String id = gateway.createAccount(CreateAccountRequest.newBuilder().setRequestId("batch-" + UUID.randomUUID()).setName("batch").build())
        .getAccountId();
    ApplyFillsResponse r = gateway.applyFills(ApplyFillsRequest.newBuilder()
        .addFills(fill(id, "a", "BTC-PERPETUAL", 1, 100_000))
        .addFills(fill(id, "b", "NOPE", 1, 100_000))
        .addFills(fill(id, "c", "BTC-PERPETUAL", 1, 100_000))
        .build());
    assertThat(r.getResults(0).hasFill()).isTrue();
    assertThat(r.getResults(1).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_INVALID_ARGUMENT);
    assertThat(r.getResults(1).getError().getField()).isEqualTo("fills[1].instrument.name");
    assertThat(r.getResults(2).getFill().getPosition().getSize()).isEqualTo(2.0);
    assertThat(gateway.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList())
        .extracting(Account::getAccountId).contains(id);
  }

  @Test
  void test_ready_checksPostgresAndDownstreams() {
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "pricing-service (gRPC)", "margin-service (gRPC)"));
  }

  // ------------------------------------------------------------------

  private void publishMarket(String call) {
    Instant now = Instant.now();
    var summary = MarketData.publish(pricing, List.of(
        MarketData.index("BTC", INDEX, now),
        MarketData.ticker("BTC-PERPETUAL", PERP_MARK, null, null, now),
        MarketData.ticker(call, 0.01, VOL, FORWARD, now)));
    assertThat(summary.getRejected()).isZero();
  }

  private static Consumer<CollectedSpan> serverSpan(String service, String method) {
    return sp -> {
      assertThat(sp.service()).isEqualTo(service);
      assertThat(sp.kind()).isEqualTo("SERVER");
      assertThat(sp.name()).contains(method);
    };
  }

  private static PositionExposure find(ExposureReport report, String instrument) {
    return report.getPositionsList().stream()
        .filter(p -> p.getPosition().getInstrument().getName().equals(instrument))
        .findFirst().orElseThrow(() -> new AssertionError("no position " + instrument + " in " + report));
  }

  private static void expectStatus(Runnable call, Status.Code code, String field) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
      assertThat(ex.getStatus().getCode()).as(ex.getStatus().toString()).isEqualTo(code);
      assertThat(ex.getStatus().getDescription()).as(ex.getStatus().toString()).startsWith(field);
    });
  }

  static CollateralTransferRequest transfer(String account, String id, String asset, double amount) {
    return CollateralTransferRequest.newBuilder().setAccountId(account).setTransferId(id).setAsset(asset).setAmount(amount).build();
  }

  static Fill fill(String account, String fillId, String instrument, double size, double price) {
    return Fill.newBuilder().setAccountId(account).setFillId(fillId).setInstrument(ref(instrument)).setSize(size).setPrice(price).build();
  }

  static InstrumentRef ref(String name) {
    return InstrumentRef.newBuilder().setName(name).build();
  }
}
