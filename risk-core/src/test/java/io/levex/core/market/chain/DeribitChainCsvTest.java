package io.levex.core.market.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.basics.Asset;
import io.levex.core.basics.PutCall;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.MarketSnapshot;
import io.levex.core.testing.ChainFixture;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test {@link DeribitChainCsv} on the recorded Deribit chain of 2025-12-30 and on malformed lines.
 */
class DeribitChainCsvTest {

  static DeribitChain recordedChain() {
    return ChainFixture.recordedChain();
  }

  @Test
  void test_parse_recordedChain() {
    DeribitChain chain = recordedChain();
    // PROVENANCE.md: 1,304 rows, 630 BTC + 674 ETH
    assertThat(chain.rejected()).isEmpty();
    assertThat(chain.rows()).hasSize(1304);
    assertThat(chain.rows(Asset.BTC)).hasSize(630);
    assertThat(chain.rows(Asset.ETH)).hasSize(674);
    assertThat(chain.snapshotTime()).isEqualTo(Instant.parse("2025-12-30T17:31:15.944Z"));
    DeribitChainRow first = chain.rows().get(0);
    // line 2 of the file: BTC-16JAN26-82000-C,88728.94666666667,SYN.BTC-16JAN26,call,82000.0,...
    assertThat(first.line()).isEqualTo(2);
    assertThat(first.instrumentName()).isEqualTo("BTC-16JAN26-82000-C");
    assertThat(first.putCall()).isEqualTo(PutCall.CALL);
    assertThat(first.strikeUsd()).isEqualTo(82000.0);
    assertThat(first.underlyingPriceUsd()).isEqualTo(88728.94666666667);
    assertThat(first.underlyingName()).isEqualTo("SYN.BTC-16JAN26");
    assertThat(first.markPriceCoin()).isEqualTo(0.08550357);
    assertThat(first.markIv()).isEqualTo(0.43229999999999996);
    assertThat(first.vegaUsdPerVolPoint()).isEqualTo(50.27111);
    // the file's time_to_maturity is seconds / (365.25 d); ours is seconds / (365 d)
    assertThat(first.timeToExpiryYears()).isCloseTo(0.045457324252129436 * 365.25 / 365.0, within(1e-9));
  }

  @Test
  void test_toMarketSnapshot_indexForwardsAndTickers() {
    MarketSnapshot snapshot = recordedChain().toMarketSnapshot(MarketSnapshot.empty());
    // six options of 31DEC25 are marked at 0.0 coin (deep OTM, 14.5 h left): they get no ticker
    assertThat(snapshot.tickers()).hasSize(1298);
    // every ticker carries the index seen by its own ticker call; the snapshot keeps the latest applied (the last
    // BTC row of the file, BTC-25DEC26-95000-P, index 88532.19 as recorded)
    List<DeribitChainRow> btc = recordedChain().rows(Asset.BTC);
    assertThat(snapshot.index(Asset.BTC).orElseThrow().priceUsd()).isEqualTo(btc.get(btc.size() - 1).indexPriceUsd());
    assertThat(snapshot.forwards().get(Asset.BTC)).hasSize(12);
    assertThat(snapshot.forward(Asset.BTC, Instant.parse("2026-12-25T08:00:00Z")).orElseThrow().forwardUsd())
        .isEqualTo(92617.64);
    assertThat(snapshot.ticker("BTC-16JAN26-82000-C").orElseThrow().markIv()).isEqualTo(0.43229999999999996);
  }

  @Test
  void test_parse_badLinesFailAlone() {
    String header = "timestamp,instrument_name,underlying,option_type,strike,expiry_datetime,mark_price,implied_volatility,currency\n";
    String good = "2025-12-30T17:31:15Z,BTC-16JAN26-82000-C,88728.9,call,82000,2026-01-16T08:00:00+00:00,0.0855,0.4323,BTC\n";
    String badName = "2025-12-30T17:31:15Z,BTC-32JAN26-82000-C,88728.9,call,82000,2026-01-16T08:00:00+00:00,0.0855,0.4323,BTC\n";
    String badPrice = "2025-12-30T17:31:15Z,BTC-16JAN26-82000-C,88728.9,call,82000,2026-01-16T08:00:00+00:00,-1,0.4323,BTC\n";
    String badType = "2025-12-30T17:31:15Z,BTC-16JAN26-82000-C,88728.9,straddle,82000,2026-01-16T08:00:00+00:00,0.0855,0.4323,BTC\n";
    String badVol = "2025-12-30T17:31:15Z,BTC-16JAN26-82000-C,88728.9,call,82000,2026-01-16T08:00:00+00:00,0.0855,43.23,BTC\n";
    DeribitChain chain = DeribitChainCsv.parse(new StringReader(header + good + badName + badPrice + badType + badVol));
    assertThat(chain.rows()).hasSize(1);
    assertThat(chain.rejected()).containsOnlyKeys(3, 4, 5, 6);
    assertThat(chain.rejected().get(3).field()).isEqualTo("instrument_name");
    assertThat(chain.rejected().get(3).message()).contains("BTC-32JAN26-82000-C");
    assertThat(chain.rejected().get(4).field()).isEqualTo("mark_price");
    assertThat(chain.rejected().get(4).value()).isEqualTo("-1");
    assertThat(chain.rejected().get(5).field()).isEqualTo("option_type");
    assertThat(chain.rejected().get(5).value()).isEqualTo("straddle");
    assertThat(chain.rejected().get(6).field()).isEqualTo("implied_volatility");
  }

  @Test
  void test_parse_missingColumnFails() {
    assertThatThrownBy(() -> DeribitChainCsv.parse(new StringReader("timestamp,instrument_name\n")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lacks the required column underlying");
  }
}
