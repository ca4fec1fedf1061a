package io.levex.pricing.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.levex.api.v1.FundingRate;
import io.levex.api.v1.InstrumentTicker;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.MarketSnapshot;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Test {@link MarketDataMapper}.
 */
class MarketDataMapperTest {

  private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");

  @Test
  void test_apply_tickerWithFundingAndIndex() {
    MarketDataUpdate u = MarketDataUpdate.newBuilder().setTicker(InstrumentTicker.newBuilder()
        .setInstrument("BTC-PERPETUAL").setMarkPrice(90_010).setIndexPrice(90_000).setFunding8H(0.0001)).build();
    MarketDataMapper.Applied a = MarketDataMapper.apply(MarketSnapshot.empty(), u, NOW);
    assertThat(a.snapshot().ticker("BTC-PERPETUAL").orElseThrow().markPrice()).isEqualTo(90_010);
    assertThat(a.snapshot().index(io.levex.core.basics.Asset.BTC).orElseThrow().priceUsd()).isEqualTo(90_000);
    assertThat(a.snapshot().funding("BTC-PERPETUAL").orElseThrow().rate8h()).isEqualTo(0.0001);
    assertThat(a.snapshot().lastUpdate()).isEqualTo(NOW);
  }

  @Test
  void test_apply_badValuesNameTheField() {
    MarketDataUpdate iv = MarketDataUpdate.newBuilder().setTicker(InstrumentTicker.newBuilder()
        .setInstrument("BTC-27MAR26-90000-C").setMarkPrice(0.01).setMarkIv(55)).build();
    assertThatThrownBy(() -> MarketDataMapper.apply(MarketSnapshot.empty(), iv, NOW))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("ticker.mark_iv");
          assertThat(ex.error().value()).isEqualTo("55");
        });
    MarketDataUpdate funding = MarketDataUpdate.newBuilder().setFunding(FundingRate.newBuilder()
        .setInstrument("BTC-27MAR26").setRate8H(0.001)).build();
    assertThatThrownBy(() -> MarketDataMapper.apply(MarketSnapshot.empty(), funding, NOW))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("funding.instrument"));
  }
}
