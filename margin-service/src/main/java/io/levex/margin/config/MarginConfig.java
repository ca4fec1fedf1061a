package io.levex.margin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Configuration of margin-service, prefix {@code levex.margin}.
 */
@ConfigMapping(prefix = "levex.margin")
public interface MarginConfig {

  /**
   * Deadline of calls to pricing-service.
   *
   * @return the deadline (default 5 s)
   */
  @WithDefault("5s")
  Duration pricingDeadline();

  /**
   * Largest number of positions in one portfolio.
   *
   * @return the limit (default 10,000)
   */
  @WithDefault("10000")
  int maxPositions();
}
