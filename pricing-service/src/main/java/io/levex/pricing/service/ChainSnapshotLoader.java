package io.levex.pricing.service;

import io.levex.api.v1.Mark;
import io.levex.core.collect.InputError;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainCsv;
import io.levex.pricing.config.PricingConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Loads the recorded Deribit chain named by {@code levex.pricing.chain-snapshot} into the market snapshot at
 * startup, and caches the marks of every option in it (valued at the chain's own timestamp) in Redis.
 * <p>
 * A configured chain that cannot be read stops the service (a misconfiguration); malformed lines are skipped,
 * counted and logged with their error.
 */
@ApplicationScoped
public class ChainSnapshotLoader {

  private static final Logger LOG = Logger.getLogger(ChainSnapshotLoader.class);
  private static final String CLASSPATH = "classpath:";

  private final PricingConfig config;
  private final MarketState state;
  private final MarkService marks;

  /**
   * Creates the loader.
   *
   * @param config  the configuration
   * @param state  the market state
   * @param marks  the mark service
   */
  public ChainSnapshotLoader(PricingConfig config, MarketState state, MarkService marks) {
    this.config = config;
    this.state = state;
    this.marks = marks;
  }

  void onStart(@Observes StartupEvent event) {
    config.chainSnapshot().filter(s -> !s.isBlank()).ifPresent(this::load);
  }

  /**
   * Loads a chain into the snapshot and caches its marks.
   *
   * @param location  a file path or {@code classpath:/resource}
   * @return the marks computed, by instrument
   */
  public Map<String, Mark> load(String location) {
    DeribitChain chain;
    try (Reader reader = open(location)) {
      chain = DeribitChainCsv.parse(reader);
    } catch (IOException ex) {
      throw new UncheckedIOException("levex.pricing.chain-snapshot " + location + " cannot be read: " + ex.getMessage(), ex);
    }
    for (Map.Entry<Integer, InputError> e : chain.rejected().entrySet()) {
      LOG.warnf("chain snapshot %s line %d skipped: %s", location, e.getKey(), e.getValue().message());
    }
    state.update(chain::toMarketSnapshot);
    Instant at = chain.snapshotTime();
    Map<String, Mark> valued = marks.currentMarks(i -> true, at);
    marks.cache(valued.values());
    LOG.infof("loaded chain snapshot %s: %d options (%d lines skipped), %d marks valued at %s and cached",
        location, chain.rows().size(), chain.rejected().size(), valued.size(), at);
    return valued;
  }

  private static Reader open(String location) throws IOException {
    if (location.startsWith(CLASSPATH)) {
      String resource = location.substring(CLASSPATH.length());
      InputStream in = ChainSnapshotLoader.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource);
      if (in == null) {
        throw new IOException("no such classpath resource");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(Path.of(location), StandardCharsets.UTF_8);
  }
}
