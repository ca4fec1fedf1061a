package io.levex.core.testing;

import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The recorded Deribit chain of 2025-12-30T17:31:15.944Z ({@code reference/deribit_chain_btc_eth_20251230T173115Z.csv}),
 * parsed once.
 */
public final class ChainFixture {

  private static final DeribitChain CHAIN = load();

  private ChainFixture() {
  }

  /**
   * Gets the parsed chain.
   *
   * @return the chain (immutable)
   */
  public static DeribitChain recordedChain() {
    return CHAIN;
  }

  private static DeribitChain load() {
    try (Reader r = new InputStreamReader(
        ChainFixture.class.getResourceAsStream("/reference/deribit_chain_btc_eth_20251230T173115Z.csv"),
        StandardCharsets.UTF_8)) {
      return DeribitChainCsv.parse(r);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
