package io.levex.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.levex.api.client.TraceContext;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.CollateralTransferRequest;
import io.levex.api.v1.CreateAccountRequest;
import io.levex.api.v1.ExposureGatewayGrpc;
import io.levex.api.v1.ExposureReport;
import io.levex.api.v1.Fill;
import io.levex.api.v1.GetAccountRequest;
import io.levex.api.v1.GetExposureRequest;
import io.levex.api.v1.IndexPrice;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.InstrumentTicker;
import io.levex.api.v1.Mark;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.api.v1.PositionExposure;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.api.v1.PublishMarketDataSummary;
import io.levex.devinfra.CollectedSpan;
import io.levex.devinfra.InfraSettings;
import io.levex.devinfra.LocalSuite;
import io.levex.devinfra.ServiceProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: PostgreSQL, Redis and the three services as separate JVMs started from their packaged jars, driven
 * over real gRPC through the public gateway.
 */
class EndToEndIT {

  private static final NormalDistribution N = new NormalDistribution();
  private static LocalSuite suite;
  private static ManagedChannel gatewayChannel;
  private static ManagedChannel pricingChannel;

  @BeforeAll
  static void startSuite() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(Files.isDirectory(root.resolve("exposure-gateway"))).as("run from the system-tests module").isTrue();
    suite = LocalSuite.start(new LocalSuite.Options(root, InfraSettings.fromEnvironment(0, 0), 0, 0, 0,
        Path.of("target", "e2e-logs"), Duration.ofSeconds(180), Map.of()), msg -> System.out.println("[e2e] " + msg));
    gatewayChannel = channel(suite.service(LocalSuite.GATEWAY).port());
    pricingChannel = channel(suite.service(LocalSuite.PRICING).port());
  }

  @AfterAll
  static void stopSuite() {
    if (gatewayChannel != null) {
      gatewayChannel.shutdownNow();
      pricingChannel.shutdownNow();
    }
    if (suite != null) {
      List<ServiceProcess> processes = List.of(suite.service(LocalSuite.PRICING), suite.service(LocalSuite.MARGIN),
          suite.service(LocalSuite.GATEWAY));
      suite.close();
      assertThat(processes).allSatisfy(p -> assertThat(p.isAlive()).as(p.name() + " stopped").isFalse());
    }
  }

  @Test
  void test_verticalSlice_throughTheGatewayIntoPostgresRedisAndBothServices() throws Exception {
    double index = 95_000;
    double forward = 95_400;
    double vol = 0.55;
    double strike = 90_000;
    String put = optionName(21, (long) strike, "P");
    publish(List.of(index("BTC", index), ticker("BTC-PERPETUAL", 95_050, null, null), ticker(put, 0.02, vol, forward)));

    var gateway = ExposureGatewayGrpc.newBlockingStub(gatewayChannel).withDeadlineAfter(60, TimeUnit.SECONDS);
    String id = gateway.createAccount(CreateAccountRequest.newBuilder().setRequestId("e2e-" + UUID.randomUUID()).setName("e2e").build())
        .getAccountId();
    gateway.depositCollateral(CollateralTransferRequest.newBuilder().setAccountId(id).setTransferId("e2e-dep").setAsset("BTC").setAmount(1).build());
    gateway.applyFill(fill(id, "e2e-1", "BTC-PERPETUAL", 2, 94_000));
    gateway.applyFill(fill(id, "e2e-2", put, 4, 0.018));
    assertThat(gateway.applyFill(fill(id, "e2e-2", put, 4, 0.018)).getReplayed()).isTrue();

    TraceContext trace = TraceContext.random();
    ExposureReport report = gateway.withInterceptors(trace.interceptor()).getExposure(GetExposureRequest.newBuilder().setAccountId(id).build());
    assertThat(report.getWarningsList()).isEmpty();

    PositionExposure p = report.getPositionsList().stream().filter(x -> x.getPosition().getInstrument().getName().equals(put))
        .findFirst().orElseThrow();
    double t = p.getMark().getTimeToExpiryYears();
    double s = vol * Math.sqrt(t);
    double d1 = Math.log(forward / strike) / s + s / 2;
    double d2 = d1 - s;
    double putUsd = strike * N.cumulativeProbability(-d2) - forward * N.cumulativeProbability(-d1);
    assertThat(p.getMark().getPriceUsd()).isCloseTo(putUsd, within(1e-7));
    assertThat(p.getMark().getPrice()).isCloseTo(putUsd / forward, within(1e-12));
    assertThat(p.getDeltaCoin()).isCloseTo(-4 * N.cumulativeProbability(-d1), within(1e-12));

    PositionExposure perp = report.getPositionsList().stream()
        .filter(x -> x.getPosition().getInstrument().getName().equals("BTC-PERPETUAL")).findFirst().orElseThrow();
    assertThat(perp.getNotionalUsd()).isCloseTo(188_000, within(1e-6));
    assertThat(perp.getUnrealizedPnl()).isCloseTo(188_000 * (1 / 94_000.0 - 1 / 95_050.0), within(1e-12));
    assertThat(report.getUnderlyings(0).getTotals().getGrossNotionalUsd()).isCloseTo(188_000 + 4 * index, within(1e-6));
    assertThat(report.getMargin().getCurrencies(0).getInitialMargin()).isPositive();
    assertThat(report.getMargin().getCurrencies(0).getMarginBalance())
        .isCloseTo(1 - 4 * 0.018 + perp.getUnrealizedPnl() + p.getMarketValue(), within(1e-12));

    // persisted in PostgreSQL
    try (Connection c = DriverManager.getConnection(suite.infrastructure().jdbcUrl(), suite.infrastructure().pgUser(),
        suite.infrastructure().pgPassword())) {
      assertThat(count(c, "select count(*) from fill where account_id = '" + id + "'")).isEqualTo(2);
      assertThat(count(c, "select count(*) from account_position where account_id = '" + id + "'")).isEqualTo(2);
      assertThat(count(c, "select count(*) from flyway_schema_history where success")).isGreaterThanOrEqualTo(1);
    }
    // marks cached in Redis, one key per instrument
    String cached = redisGet(suite.infrastructure().redisPort(), "levex:mark:" + put);
    assertThat(cached).isNotNull();
    Mark.Builder m = Mark.newBuilder();
    JsonFormat.parser().merge(cached, m);
    assertThat(m.getInstrument().getName()).isEqualTo(put);

    // one trace id through all three services
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<CollectedSpan> spans = suite.traces().trace(trace.traceId());
      assertThat(spans).anySatisfy(server("exposure-gateway", "ExposureGateway/GetExposure"));
      assertThat(spans).anySatisfy(server("pricing-service", "PricingService/PriceInstruments"));
      assertThat(spans).anySatisfy(server("margin-service", "MarginService/ComputeMargin"));
    });
    List<CollectedSpan> spans = suite.traces().trace(trace.traceId());
    CollectedSpan pricingServer = spans.stream().filter(x -> x.service().equals("pricing-service") && x.kind().equals("SERVER")
        && x.name().contains("PriceInstruments")).findFirst().orElseThrow();
    CollectedSpan gatewayRoot = spans.stream().filter(x -> x.service().equals("exposure-gateway") && x.kind().equals("SERVER")
        && x.name().contains("GetExposure")).findFirst().orElseThrow();
    assertThat(gatewayRoot.parentSpanId()).as("the gateway continues the caller's trace").isEqualTo(trace.spanId());
    CollectedSpan parent = spans.stream().filter(x -> x.spanId().equals(pricingServer.parentSpanId())).findFirst().orElseThrow();
    assertThat(parent.service()).isEqualTo("exposure-gateway");
    assertThat(parent.kind()).isEqualTo("CLIENT");
  }

  @Test
  void test_badInput_isRejectedByTheDeployedGateway() {
    var gateway = ExposureGatewayGrpc.newBlockingStub(gatewayChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
    String id = gateway.createAccount(CreateAccountRequest.newBuilder().setRequestId("e2e-bad-" + UUID.randomUUID()).setName("bad").build())
        .getAccountId();
    assertThatThrownBy(() -> gateway.applyFill(fill(id, "x1", "BTC-99XYZ99-1-C", 1, 0.1)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
          assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(ex.getStatus().getDescription()).contains("instrument.name").contains("BTC-99XYZ99-1-C");
        });
    assertThatThrownBy(() -> gateway.getAccount(GetAccountRequest.newBuilder().setAccountId(UUID.randomUUID().toString()).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThat(gateway.getAccount(GetAccountRequest.newBuilder().setAccountId(id).build()).getBalancesCount()).isZero();
  }

  @Test
  void test_operations_healthMetricsAndReflection() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String service : List.of(LocalSuite.PRICING, LocalSuite.MARGIN, LocalSuite.GATEWAY)) {
      String base = suite.service(service).baseUrl();
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).as(service + " live").isEqualTo(200);
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(service + " ready: " + ready.body()).isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString())
          .body()).as(service + " metrics").contains("jvm_memory_used_bytes");
    }
    assertThat(reflectionServices(gatewayChannel)).contains("levex.v1.ExposureGateway", "grpc.health.v1.Health");
  }

  // ------------------------------------------------------------------

  private static java.util.function.Consumer<CollectedSpan> server(String service, String name) {
    return s -> {
      assertThat(s.service()).isEqualTo(service);
      assertThat(s.kind()).isEqualTo("SERVER");
      assertThat(s.name()).contains(name);
    };
  }

  private static List<String> reflectionServices(ManagedChannel channel) throws InterruptedException {
    List<String> services = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserver<>() {
      @Override
      public void onNext(ServerReflectionResponse value) {
        value.getListServicesResponse().getServiceList().forEach(s -> services.add(s.getName()));
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
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    return services;
  }

  private static void publish(List<MarketDataUpdate> updates) throws InterruptedException {
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
    updates.forEach(in::onNext);
    in.onCompleted();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out[0].getRejected()).isZero();
  }

  private static MarketDataUpdate index(String underlying, double price) {
    return MarketDataUpdate.newBuilder().setIndexPrice(IndexPrice.newBuilder().setUnderlying(underlying).setPriceUsd(price)
        .setTime(ProtoTimes.toProto(Instant.now()))).build();
  }

  private static MarketDataUpdate ticker(String instrument, double mark, Double iv, Double forward) {
    InstrumentTicker.Builder b = InstrumentTicker.newBuilder().setInstrument(instrument).setMarkPrice(mark)
        .setTime(ProtoTimes.toProto(Instant.now()));
    if (iv != null) {
      b.setMarkIv(iv);
    }
    if (forward != null) {
      b.setUnderlyingPrice(forward);
    }
    return MarketDataUpdate.newBuilder().setTicker(b).build();
  }

  private static Fill fill(String account, String fillId, String instrument, double size, double price) {
    return Fill.newBuilder().setAccountId(account).setFillId(fillId)
        .setInstrument(InstrumentRef.newBuilder().setName(instrument)).setSize(size).setPrice(price).build();
  }

  private static String optionName(int days, long strike, String cp) {
    LocalDate d = LocalDate.now(ZoneOffset.UTC).plusDays(days);
    return "BTC-" + d.getDayOfMonth() + d.format(DateTimeFormatter.ofPattern("MMMyy", Locale.ROOT)).toUpperCase(Locale.ROOT)
        + "-" + strike + "-" + cp;
  }

  private static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** GET through the Redis protocol (RESP), no client library needed. */
  private static String redisGet(int port, String key) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      byte[] k = key.getBytes(StandardCharsets.UTF_8);
      out.write(("*2\r\n$3\r\nGET\r\n$" + k.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(k);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String header = in.readLine();
      if (header.equals("$-1")) {
        return null;
      }
      return in.readLine();
    }
  }
}
