package io.levex.pricing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.GetVolSurfaceRequest;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.Mark;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceInstrumentsResponse;
import io.levex.api.v1.PriceItem;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.api.v1.VolSlice;
import io.levex.api.v1.VolSurface;
import io.levex.testsupport.GrpcChannels;
import io.levex.testsupport.LevexTestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ChainSnapshotLoader}: pricing-service started with the real Deribit chain of 2025-12-30 serves its
 * marks over real gRPC and caches them in a real Redis.
 */
@QuarkusTest
@TestProfile(ChainSnapshotLoaderTest.WithChain.class)
@WithTestResource(value = LevexTestEnvironment.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class ChainSnapshotLoaderTest {

  /** The chain's own timestamp: marks are valued at it. */
  static final Instant SNAPSHOT = Instant.parse("2025-12-30T17:31:15.944Z");
  private static final NormalDistribution N = new NormalDistribution();

  /** Loads the recorded chain at startup. */
  public static class WithChain implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("levex.pricing.chain-snapshot", "classpath:/market/deribit_chain_btc_eth_20251230T173115Z.csv");
    }
  }

  @TestHTTPResource("/")
  URL url;

  @Inject
  RedisDataSource redis;

  @Inject
  MarketState state;

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
  void test_load_snapshotHoldsTheChain() {
    // 1,304 options of which six are marked at 0 (no ticker); 12 BTC and 12 ETH expiries
    assertThat(state.snapshot().tickers()).hasSize(1298);
    assertThat(state.snapshot().forwards().get(io.levex.core.basics.Asset.BTC)).hasSize(12);
  }

  @Test
  void test_priceInstruments_reproducesDeribitMarksAtTheSnapshotTime() {
    // chain rows (Deribit mark_price, coin): BTC-16JAN26-82000-C 0.08550357; BTC-27FEB26-98000-P 0.12805204;
    // BTC-25DEC26-40000-P 0.01203577. PROVENANCE: Black-76 reproduces mark_price to max 9e-5 coin.
    String[] names = {"BTC-16JAN26-82000-C", "BTC-27FEB26-98000-P", "BTC-25DEC26-40000-P"};
    double[] deribit = {0.08550357, 0.12805204, 0.01203577};
    PriceInstrumentsRequest.Builder request = PriceInstrumentsRequest.newBuilder().setValuationTime(ProtoTimes.toProto(SNAPSHOT));
    for (String n : names) {
      request.addItems(PriceItem.newBuilder().setInstrument(InstrumentRef.newBuilder().setName(n)));
    }
    PriceInstrumentsResponse response = stub.priceInstruments(request.build());
    for (int i = 0; i < names.length; i++) {
      Mark m = response.getResults(i).getMark();
      assertThat(m.getPrice()).as(names[i]).isCloseTo(deribit[i], within(1e-4));
      assertThat(m.getSource()).contains("mark_iv");
      assertThat(m.getAgeSeconds()).isZero();
    }
  }

  @Test
  void test_getVolSurface_fitsEveryExpiryOfTheRecordedChain() {
    VolSurface btc = stub.getVolSurface(GetVolSurfaceRequest.newBuilder().setUnderlying("btc").build());
    assertThat(btc.getUnderlying()).isEqualTo("BTC");
    assertThat(ProtoTimes.toInstant(btc.getValuationTime())).isEqualTo(SNAPSHOT);
    assertThat(btc.getSlicesList()).hasSize(12);
    for (VolSlice slice : btc.getSlicesList()) {
      // each slice's forward is the chain's underlying_price for the expiry; fit within 1 vol point RMS
      assertThat(slice.getFitRmsVolError()).as(slice.getExpiry().toString()).isLessThan(0.01);
      assertThat(slice.getQuotesCount()).isGreaterThanOrEqualTo(5);
      assertThat(slice.getAtmVol()).isBetween(0.2, 1.0);
    }
    // 25DEC26: forward 92,617.64 (chain rows of that expiry); the 25-delta call strike has Black-76 delta 0.25
    VolSlice dec26 = btc.getSlices(btc.getSlicesCount() - 1);
    assertThat(dec26.getForwardUsd()).isEqualTo(92617.64);
    double s = dec26.getCall25DVol() * Math.sqrt(dec26.getTimeToExpiryYears());
    double d1 = Math.log(dec26.getForwardUsd() / dec26.getCall25DStrikeUsd()) / s + s / 2;
    assertThat(N.cumulativeProbability(d1)).isCloseTo(0.25, within(1e-9));
    assertThat(dec26.getRiskReversal25D()).isCloseTo(dec26.getCall25DVol() - dec26.getPut25DVol(), within(1e-15));
    VolSurface eth = stub.getVolSurface(GetVolSurfaceRequest.newBuilder().setUnderlying("ETH").build());
    assertThat(eth.getSlicesList()).hasSize(12);
  }

  @Test
  void test_priceInstruments_unlistedStrikeTakesItsVolFromTheSurface() {
    PriceInstrumentsResponse response = stub.priceInstruments(PriceInstrumentsRequest.newBuilder()
        .setValuationTime(ProtoTimes.toProto(SNAPSHOT))
        .addItems(PriceItem.newBuilder().setInstrument(InstrumentRef.newBuilder().setName("BTC-27MAR26-93000-C")))
        .build());
    Mark m = response.getResults(0).getMark();
    assertThat(m.getSource()).contains("vol=SVI surface BTC");
    // near the listed 92,000 and 94,000 calls' mark IVs in the chain (0.4123 and 0.4105)
    assertThat(m.getImpliedVol()).isBetween(0.400, 0.415);
  }

  @Test
  void test_load_cachesEveryMarkInRedis() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(redis.value(String.class).get("levex:mark:BTC-16JAN26-82000-C")).contains("BTC-16JAN26-82000-C");
      assertThat(redis.value(String.class).get("levex:mark:ETH-25DEC26-4000-C")).isNotNull();
    });
  }
}
