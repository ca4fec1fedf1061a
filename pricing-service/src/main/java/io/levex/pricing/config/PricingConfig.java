package io.levex.pricing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of pricing-service, prefix {@code levex.pricing}.
 */
@ConfigMapping(prefix = "levex.pricing")
public interface PricingConfig {

  /**
   * Age of a mark's oldest input above which the mark is flagged stale.
   *
   * @return the threshold (default 60 s)
   */
  @WithDefault("60s")
  Duration staleAfter();

  /**
   * Largest batch accepted by PriceInstruments and ComputeImpliedVols.
   *
   * @return the number of items (default 10,000)
   */
  @WithDefault("10000")
  int maxBatchSize();

  /**
   * Prefix of the Redis keys holding marks: one key per instrument, {@code <prefix><instrument name>}.
   *
   * @return the prefix (default {@code levex:mark:})
   */
  @WithDefault("levex:mark:")
  String markKeyPrefix();

  /**
   * Time to live of a cached mark; a mark not refreshed within it disappears from Redis.
   *
   * @return the TTL (default 1 day)
   */
  @WithDefault("1d")
  Duration markTtl();

  /**
   * Default conflation of WatchMarks: updates per second per instrument.
   *
   * @return the rate (default 10)
   */
  @WithDefault("10")
  double watchDefaultRate();

  /**
   * A recorded Deribit option chain (CSV in the format of {@code deribit_chain_btc_eth_20251230T173115Z.csv}) loaded
   * into the snapshot at startup: a file path, or {@code classpath:/...} for a resource. Its marks are computed at
   * the chain's own timestamp and cached in Redis. Absent = start with an empty snapshot.
   *
   * @return the location, if any
   */
  Optional<String> chainSnapshot();
}
