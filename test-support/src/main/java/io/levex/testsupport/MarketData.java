package io.levex.testsupport;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.IndexPrice;
import io.levex.api.v1.InstrumentTicker;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.api.v1.PublishMarketDataSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Builds and publishes market data to a running pricing-service (PublishMarketData client stream).
 */
public final class MarketData {

  private MarketData() {
  }

  /**
   * Publishes updates and waits for the summary.
   *
   * @param pricing  a channel to pricing-service
   * @param updates  the updates
   * @return the summary
   */
  public static PublishMarketDataSummary publish(ManagedChannel pricing, List<MarketDataUpdate> updates) {
    CountDownLatch done = new CountDownLatch(1);
    PublishMarketDataSummary[] out = new PublishMarketDataSummary[1];
    Throwable[] error = new Throwable[1];
    StreamObserver<MarketDataUpdate> in = PricingServiceGrpc.newStub(pricing).publishMarketData(new StreamObserver<>() {
      @Override
      public void onNext(PublishMarketDataSummary value) {
        out[0] = value;
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
    try {
      if (!done.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("PublishMarketData did not complete");
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
    if (error[0] != null) {
      throw new IllegalStateException("PublishMarketData failed", error[0]);
    }
    return out[0];
  }

  /**
   * An index price update.
   *
   * @param underlying  the coin
   * @param priceUsd  USD per coin
   * @param time  source time
   * @return the update
   */
  public static MarketDataUpdate index(String underlying, double priceUsd, Instant time) {
    return MarketDataUpdate.newBuilder().setIndexPrice(IndexPrice.newBuilder().setUnderlying(underlying).setPriceUsd(priceUsd)
        .setTime(ProtoTimes.toProto(time))).build();
  }

  /**
   * A ticker update.
   *
   * @param instrument  the instrument name
   * @param markPrice  mark, quote unit
   * @param markIv  mark IV (decimal) or null
   * @param forward  forward (underlying_price) or null
   * @param time  source time
   * @return the update
   */
  public static MarketDataUpdate ticker(String instrument, double markPrice, Double markIv, Double forward, Instant time) {
    InstrumentTicker.Builder b = InstrumentTicker.newBuilder().setInstrument(instrument).setMarkPrice(markPrice)
        .setTime(ProtoTimes.toProto(time));
    if (markIv != null) {
      b.setMarkIv(markIv);
    }
    if (forward != null) {
      b.setUnderlyingPrice(forward);
    }
    return MarketDataUpdate.newBuilder().setTicker(b).build();
  }

  /**
   * A Deribit option name expiring a number of days from today (08:00 UTC).
   *
   * @param underlying  the coin
   * @param days  days from today
   * @param strike  strike, USD
   * @param callPut  "C" or "P"
   * @return the name
   */
  public static String optionName(String underlying, int days, long strike, String callPut) {
    LocalDate d = LocalDate.now(ZoneOffset.UTC).plusDays(days);
    String date = d.getDayOfMonth() + d.format(DateTimeFormatter.ofPattern("MMMyy", Locale.ROOT)).toUpperCase(Locale.ROOT);
    return underlying + "-" + date + "-" + strike + "-" + callPut;
  }
}
