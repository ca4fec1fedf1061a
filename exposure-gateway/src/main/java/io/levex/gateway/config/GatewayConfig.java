package io.levex.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Configuration of exposure-gateway, prefix {@code levex.gateway}.
 */
@ConfigMapping(prefix = "levex.gateway")
public interface GatewayConfig {

  /**
   * Age above which a mark used in an exposure report is flagged stale.
   *
   * @return the threshold (default 60 s)
   */
  @WithDefault("60s")
  Duration staleAfter();

  /**
   * Deadline of each call to pricing-service and margin-service.
   *
   * @return the deadline (default 5 s)
   */
  @WithDefault("5s")
  Duration downstreamDeadline();

  /**
   * The tenant of every caller until API keys arrive (issue #5).
   *
   * @return the tenant (default {@code default})
   */
  @WithDefault("default")
  String defaultTenant();

  /**
   * Largest batch of ApplyFills.
   *
   * @return the number of fills (default 1,000)
   */
  @WithDefault("1000")
  int maxFillsPerBatch();
}
