package io.levex.pricing.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.ComputeImpliedVolsRequest;
import io.levex.api.v1.ErrorCode;
import io.levex.api.v1.GetMarketSnapshotRequest;
import io.levex.api.v1.GetVolSurfaceRequest;
import io.levex.api.v1.ImpliedVolItem;
import io.levex.api.v1.IndexPrice;
import io.levex.api.v1.InstrumentKind;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.InstrumentSpec;
import io.levex.api.v1.InstrumentTicker;
import io.levex.api.v1.ItemError;
import io.levex.api.v1.Mark;
import io.levex.api.v1.MarkUpdate;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.api.v1.MarketSnapshot;
import io.levex.api.v1.OptionType;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceInstrumentsResponse;
import io.levex.api.v1.PriceItem;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.api.v1.PublishMarketDataSummary;
import io.levex.api.v1.WatchMarksRequest;
import io.levex.testsupport.GrpcChannels;
import io.levex.testsupport.LevexTestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Test {@link PricingGrpcService} over real gRPC, with a real Redis.
 */
@QuarkusTest
@WithTestResource(value = LevexTestEnvironment.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class PricingGrpcServiceTest {

  private static final NormalDistribution N = new NormalDistribution();

  @TestHTTPResource("/")
  URL url;

  @Inject
  RedisDataSource redis;

  private ManagedChannel channel;
  private PricingServiceGrpc.PricingServiceBlockingStub stub;

  @BeforeEach
  void open() {
    channel = GrpcChannels.open(url.getPort());
    stub = PricingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    GrpcChannels.close(channel);
  }

  @Test
  void test_priceInstruments_calculatorModeMatchesClosedForm() {
    String name = optionName(60, 100_000, "C");
    PriceInstrumentsResponse r = stub.priceInstruments(PriceInstrumentsRequest.newBuilder()
        .addItems(PriceItem.newBuilder().setInstrument(ref(name)).setForwardUsd(95_000).setImpliedVol(0.6))
        .build());
    Mark m = r.getResults(0).getMark();
    double t = m.getTimeToExpiryYears();
    // Black-76 closed form with commons-math3's normal distribution (independent of the service's kernel)
    double s = 0.6 * Math.sqrt(t);
    double d1 = Math.log(95_000 / 100_000.0) / s + s / 2;
    double d2 = d1 - s;
    double priceUsd = 95_000 * N.cumulativeProbability(d1) - 100_000 * N.cumulativeProbability(d2);
    assertThat(m.getPriceUsd()).isCloseTo(priceUsd, within(1e-8));
    assertThat(m.getPrice()).isCloseTo(priceUsd / 95_000, within(1e-13));
    assertThat(m.getGreeks().getDelta()).isCloseTo(N.cumulativeProbability(d1), within(1e-12));
    assertThat(m.getGreeks().getDeltaPremiumAdjustedCoin()).isCloseTo(100_000 / 95_000.0 * N.cumulativeProbability(d2), within(1e-12));
    assertThat(m.getInstrument().getSettlementCurrency()).isEqualTo("BTC");
    assertThat(m.getSource()).contains("forward=request").contains("vol=request");
  }

  @Test
  void test_priceInstruments_badItemsFailAloneNamingFieldAndValue() {
    String good = optionName(30, 90_000, "P");
    InstrumentSpec badStrike = InstrumentSpec.newBuilder().setUnderlying("BTC").setKind(InstrumentKind.INSTRUMENT_KIND_OPTION)
        .setExpiry(ProtoTimes.toProto(Instant.now().plus(Duration.ofDays(30)))).setStrike(-1).setOptionType(OptionType.OPTION_TYPE_CALL).build();
    PriceInstrumentsResponse r = stub.priceInstruments(PriceInstrumentsRequest.newBuilder()
        .addItems(PriceItem.newBuilder().setInstrument(ref("BTC-32JAN26-1-C")).setForwardUsd(1).setImpliedVol(0.5))
        .addItems(PriceItem.newBuilder().setInstrument(ref(good)).setForwardUsd(Double.NaN).setImpliedVol(0.5))
        .addItems(PriceItem.newBuilder().setInstrument(ref(good)).setForwardUsd(90_000).setImpliedVol(0))
        .addItems(PriceItem.newBuilder().setInstrument(InstrumentRef.newBuilder().setSpec(badStrike)).setForwardUsd(90_000).setImpliedVol(0.5))
        .addItems(PriceItem.newBuilder().setInstrument(ref("BTC-1JAN20-90000-C")).setForwardUsd(90_000).setImpliedVol(0.5))
        .addItems(PriceItem.newBuilder().setInstrument(ref(good)).setForwardUsd(90_000).setImpliedVol(0.5))
        .addItems(PriceItem.newBuilder().setInstrument(ref("DOGE-PERPETUAL")))
        .build());
    assertThat(r.getResultsCount()).isEqualTo(7);
    assertError(r.getResults(0).getError(), ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "items[0].instrument.name", "BTC-32JAN26-1-C");
    assertError(r.getResults(1).getError(), ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "items[1].forward_usd", "NaN");
    assertError(r.getResults(2).getError(), ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "items[2].implied_vol", "0");
    assertError(r.getResults(3).getError(), ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "items[3].instrument.spec.strike", "-1");
    assertError(r.getResults(4).getError(), ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "items[4].instrument", "BTC-1JAN20-90000-C");
    assertThat(r.getResults(4).getError().getMessage()).contains("expired");
    assertThat(r.getResults(5).hasMark()).isTrue();
    assertError(r.getResults(6).getError(), ErrorCode.ERROR_CODE_NOT_FOUND, "items[6].instrument", "DOGE-PERPETUAL");
  }

  @Test
  void test_priceInstruments_emptyBatchIsInvalidArgument() {
    assertThatThrownBy(() -> stub.priceInstruments(PriceInstrumentsRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
          assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(ex.getStatus().getDescription()).contains("items");
        });
  }

  @Test
  void test_publishMarketData_thenPriceFromSnapshotAndCacheInRedis() throws Exception {
    String call = optionName(45, 110_000, "C");
    Instant t = Instant.now().minusSeconds(2);
    PublishMarketDataSummary summary = publish(List.of(
        index("BTC", 100_000, t),
        ticker("BTC-PERPETUAL", 100_050, null, null, t),
        ticker(call, 0.0123, 0.55, 101_000.0, t),
        ticker("BTC-PERPETUAL", -5, null, null, t),          // rejected: negative price
        ticker("NOT-AN-INSTRUMENT", 1, null, null, t),       // rejected: bad name
        MarketDataUpdate.getDefaultInstance()));            // rejected: empty
    assertThat(summary.getAccepted()).isEqualTo(3);
    assertThat(summary.getRejected()).isEqualTo(3);
    assertThat(summary.getRejections(0).getIndex()).isEqualTo(3);
    assertThat(summary.getRejections(0).getError().getField()).isEqualTo("ticker.mark_price");
    assertThat(summary.getRejections(1).getError().getField()).isEqualTo("ticker.instrument");
    assertThat(summary.getRejections(2).getError().getField()).isEqualTo("update");

    PriceInstrumentsResponse r = stub.priceInstruments(PriceInstrumentsRequest.newBuilder()
        .addItems(PriceItem.newBuilder().setInstrument(ref("BTC-PERPETUAL")))
        .addItems(PriceItem.newBuilder().setInstrument(ref(call)))
        .build());
    Mark perp = r.getResults(0).getMark();
    assertThat(perp.getPrice()).isEqualTo(100_050);
    assertThat(perp.getIndexPriceUsd()).isEqualTo(100_000);
    Mark option = r.getResults(1).getMark();
    assertThat(option.getForwardUsd()).isEqualTo(101_000);
    assertThat(option.getImpliedVol()).isEqualTo(0.55);
    assertThat(option.getAgeSeconds()).isBetween(1.5, 30.0);
    assertThat(ProtoTimes.toInstant(option.getSourceTime())).isEqualTo(t);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String json = redis.value(String.class).get("levex:mark:" + call);
      assertThat(json).isNotNull();
      Mark.Builder cached = Mark.newBuilder();
      JsonFormat.parser().merge(json, cached);
      assertThat(cached.getInstrument().getName()).isEqualTo(call);
      assertThat(cached.getImpliedVol()).isEqualTo(0.55);
      assertThat(cached.hasValuationTime()).isTrue();
    });
    assertThat(redis.key(String.class).pttl("levex:mark:" + call)).isPositive();

    MarketSnapshot snap = stub.getMarketSnapshot(GetMarketSnapshotRequest.newBuilder().addUnderlyings("BTC").setIncludeMarks(true).build());
    assertThat(snap.getIndexPricesList()).extracting(IndexPrice::getUnderlying).contains("BTC");
    assertThat(snap.getMarksList()).extracting(m -> m.getInstrument().getName()).contains("BTC-PERPETUAL", call);
  }

  @Test
  void test_watchMarks_deliversLatestAfterPublish() throws Exception {
    String call = optionName(20, 120_000, "C");
    List<MarkUpdate> received = new CopyOnWriteArrayList<>();
    CountDownLatch first = new CountDownLatch(1);
    var async = PricingServiceGrpc.newStub(channel);
    var ctx = io.grpc.Context.current().withCancellation();
    ctx.run(() -> async.watchMarks(WatchMarksRequest.newBuilder().addInstruments(call).setMaxUpdatesPerSecond(20).build(),
        new StreamObserver<>() {
          @Override
          public void onNext(MarkUpdate value) {
            received.add(value);
            first.countDown();
          }

          @Override
          public void onError(Throwable t) {
          }

          @Override
          public void onCompleted() {
          }
        }));
    Thread.sleep(300);
    Instant t = Instant.now();
    publish(List.of(index("BTC", 100_000, t), ticker(call, 0.001, 0.70, 100_500.0, t), ticker(call, 0.001, 0.72, 100_500.0, t)));
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(received.get(received.size() - 1).getMark().getImpliedVol()).isEqualTo(0.72));
    assertThat(received).allSatisfy(u -> assertThat(u.getMark().getInstrument().getName()).isEqualTo(call));
    ctx.cancel(null);
  }

  @Test
  void test_computeImpliedVols_roundTripAndTypedFailure() {
    double f = 90_000;
    double k = 95_000;
    double t = 0.25;
    double s = 0.8 * Math.sqrt(t);
    double d1 = Math.log(f / k) / s + s / 2;
    double priceUsd = f * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d1 - s);
    var r = stub.computeImpliedVols(ComputeImpliedVolsRequest.newBuilder()
        .addItems(ImpliedVolItem.newBuilder().setOptionType(OptionType.OPTION_TYPE_CALL).setForwardUsd(f).setStrikeUsd(k)
            .setTimeToExpiryYears(t).setPriceCoin(priceUsd / f))
        .addItems(ImpliedVolItem.newBuilder().setOptionType(OptionType.OPTION_TYPE_CALL).setForwardUsd(f).setStrikeUsd(80_000)
            .setTimeToExpiryYears(t).setPriceUsd(5_000))
        .addItems(ImpliedVolItem.newBuilder().setForwardUsd(f).setStrikeUsd(k).setTimeToExpiryYears(t).setPriceUsd(1))
        .build());
    assertThat(r.getResults(0).getImpliedVol()).isCloseTo(0.8, within(1e-9));
    assertError(r.getResults(1).getError(), ErrorCode.ERROR_CODE_FAILED_PRECONDITION, "items[1].price_usd", "5000");
    assertError(r.getResults(2).getError(), ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "items[2].option_type", "OPTION_TYPE_UNSPECIFIED");
  }

  @Test
  void test_getVolSurface_badUnderlyingNamesFieldAndValue() {
    assertThatThrownBy(() -> stub.getVolSurface(GetVolSurfaceRequest.newBuilder().setUnderlying("").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
          assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(ex.getStatus().getDescription()).contains("underlying");
        });
    assertThatThrownBy(() -> stub.getVolSurface(GetVolSurfaceRequest.newBuilder().setUnderlying("BTC/USD").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
          assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(ex.getStatus().getDescription()).contains("underlying").contains("BTC/USD");
        });
    assertThatThrownBy(() -> stub.getVolSurface(GetVolSurfaceRequest.newBuilder().setUnderlying("DOGE").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
          assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(ex.getStatus().getDescription()).contains("underlying").contains("DOGE");
        });
  }

  @Test
  void test_reflection_listsPricingService() throws Exception {
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
    assertThat(services).contains("levex.v1.PricingService");
  }

  // ------------------------------------------------------------------

  private PublishMarketDataSummary publish(List<MarketDataUpdate> updates) throws InterruptedException {
    var async = PricingServiceGrpc.newStub(channel);
    PublishMarketDataSummary[] result = new PublishMarketDataSummary[1];
    Throwable[] error = new Throwable[1];
    CountDownLatch done = new CountDownLatch(1);
    StreamObserver<MarketDataUpdate> in = async.publishMarketData(new StreamObserver<>() {
      @Override
      public void onNext(PublishMarketDataSummary value) {
        result[0] = value;
      }

      @Override
      public void onError(Throwable t) {
        error[0] = t;
        done.countDown();
      }

      @Override
      public void onCompleted() {
        done.countDown();
      }
    });
    updates.forEach(in::onNext);
    in.onCompleted();
    assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(error[0]).isNull();
    return result[0];
  }

  static MarketDataUpdate index(String underlying, double price, Instant t) {
    return MarketDataUpdate.newBuilder().setIndexPrice(IndexPrice.newBuilder().setUnderlying(underlying).setPriceUsd(price)
        .setTime(ProtoTimes.toProto(t))).build();
  }

  static MarketDataUpdate ticker(String instrument, double mark, Double iv, Double forward, Instant t) {
    InstrumentTicker.Builder b = InstrumentTicker.newBuilder().setInstrument(instrument).setMarkPrice(mark).setTime(ProtoTimes.toProto(t));
    if (iv != null) {
      b.setMarkIv(iv);
    }
    if (forward != null) {
      b.setUnderlyingPrice(forward);
    }
    return MarketDataUpdate.newBuilder().setTicker(b).build();
  }

  static InstrumentRef ref(String name) {
    return InstrumentRef.newBuilder().setName(name).build();
  }

  /** A Deribit option name expiring about {@code days} from now (08:00 UTC). */
  static String optionName(int days, int strike, String cp) {
    LocalDate d = LocalDate.now(ZoneOffset.UTC).plusDays(days);
    String date = d.getDayOfMonth() + d.format(DateTimeFormatter.ofPattern("MMMyy", Locale.ROOT)).toUpperCase(Locale.ROOT);
    return "BTC-" + date + "-" + strike + "-" + cp;
  }

  private static void assertError(ItemError e, ErrorCode code, String field, String value) {
    assertThat(e.getCode()).as(e.toString()).isEqualTo(code);
    assertThat(e.getField()).as(e.toString()).isEqualTo(field);
    assertThat(e.getValue()).as(e.toString()).isEqualTo(value);
    assertThat(e.getMessage()).as(e.toString()).contains(field).contains(value);
  }
}
