package io.levex.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.levex.api.v1.CreateAccountRequest;
import io.levex.api.v1.ExposureGatewayGrpc;
import io.levex.api.v1.Fill;
import io.levex.api.v1.FillResult;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.ListPositionsRequest;
import io.levex.api.v1.Position;
import io.levex.testsupport.GrpcChannels;
import io.levex.testsupport.LevexTestEnvironment;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concurrent fills with retries never lose or double an update: every fill is sent twice, all at once, over many
 * accounts and two instruments; the final positions equal the exact sums of the distinct fills.
 */
@QuarkusTest
@WithTestResource(value = LevexTestEnvironment.class, initArgs = {
    @ResourceArg(name = "postgres", value = "true"),
    @ResourceArg(name = "downstream", value = "pricing-service,margin-service")})
class FillConcurrencyTest {

  private static final int ACCOUNTS = 4;
  private static final int FILLS_PER_ACCOUNT = 150;

  @TestHTTPResource("/")
  URL url;

  @Test
  void test_apply_concurrentFillsWithRetriesSumExactly() throws Exception {
    ManagedChannel channel = GrpcChannels.open(url.getPort());
    try {
      var blocking = ExposureGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
      var async = ExposureGatewayGrpc.newStub(channel);
      Random random = new Random(42);
      List<Fill> calls = new ArrayList<>();
      Map<String, BigDecimal> expectedLinear = new HashMap<>();
      Map<String, BigDecimal> expectedFace = new HashMap<>();
      for (int a = 0; a < ACCOUNTS; a++) {
        String id = blocking.createAccount(CreateAccountRequest.newBuilder().setRequestId("conc-" + UUID.randomUUID()).setName("c" + a).build())
            .getAccountId();
        expectedLinear.put(id, BigDecimal.ZERO);
        expectedFace.put(id, BigDecimal.ZERO);
        for (int i = 0; i < FILLS_PER_ACCOUNT; i++) {
          boolean linear = i % 2 == 0;
          // sizes in 0.001 steps, both signs, never closing the position entirely is not required
          double size = (random.nextInt(2001) - 1000) / 1000.0;
          if (size == 0) {
            size = 0.001;
          }
          double price = 90_000 + random.nextInt(20_000);
          Fill f = Fill.newBuilder().setAccountId(id).setFillId("f-" + i)
              .setInstrument(InstrumentRef.newBuilder().setName(linear ? "BTC_USDC-PERPETUAL" : "BTC-PERPETUAL"))
              .setSize(size).setPrice(price).build();
          calls.add(f);
          calls.add(f);
          if (linear) {
            expectedLinear.merge(id, new BigDecimal(Double.toString(size)), BigDecimal::add);
          } else {
            expectedFace.merge(id, new BigDecimal(Double.toString(size)).multiply(new BigDecimal(Double.toString(price))), BigDecimal::add);
          }
        }
      }
      Collections.shuffle(calls, random);
      CountDownLatch done = new CountDownLatch(calls.size());
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicInteger replays = new AtomicInteger();
      for (Fill f : calls) {
        async.applyFill(f, new StreamObserver<>() {
          @Override
          public void onNext(FillResult r) {
            if (r.getReplayed()) {
              replays.incrementAndGet();
            }
          }

          @Override
          public void onError(Throwable t) {
            errors.add(t);
            done.countDown();
          }

          @Override
          public void onCompleted() {
            done.countDown();
          }
        });
      }
      assertThat(done.await(240, TimeUnit.SECONDS)).isTrue();
      assertThat(errors).isEmpty();
      assertThat(replays.get()).isEqualTo(calls.size() / 2);
      for (String id : expectedLinear.keySet()) {
        List<Position> positions = blocking.listPositions(ListPositionsRequest.newBuilder().setAccountId(id).setIncludeClosed(true).build())
            .getPositionsList();
        Position linear = positions.stream().filter(p -> p.getInstrument().getName().equals("BTC_USDC-PERPETUAL")).findFirst().orElseThrow();
        Position inverse = positions.stream().filter(p -> p.getInstrument().getName().equals("BTC-PERPETUAL")).findFirst().orElseThrow();
        assertThat(new BigDecimal(Double.toString(linear.getSize()))).isEqualByComparingTo(expectedLinear.get(id));
        assertThat(inverse.getFaceUsd()).isEqualTo(expectedFace.get(id).doubleValue());
      }
    } finally {
      GrpcChannels.close(channel);
    }
  }
}
