package io.levex.pricing.repository;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.levex.api.v1.Mark;
import io.levex.pricing.config.PricingConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Marks in Redis: key {@code levex:mark:<instrument>} holds the mark as protobuf JSON (readable with
 * {@code redis-cli GET levex:mark:BTC-PERPETUAL}), with the configured TTL.
 * <p>
 * Writes never fail a pricing call: when Redis is down the error is logged and counted, and pricing keeps
 * serving from memory.
 */
@ApplicationScoped
public class MarkCacheRepository {

  private static final Logger LOG = Logger.getLogger(MarkCacheRepository.class);
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  /** Commands per pipelined batch. */
  private static final int BATCH = 500;

  private final ReactiveValueCommands<String, String> values;
  private final Redis redis;
  private final PricingConfig config;
  private final AtomicLong writeFailures = new AtomicLong();

  /**
   * Creates the repository.
   *
   * @param redis  the reactive Redis data source
   * @param config  the configuration
   */
  public MarkCacheRepository(ReactiveRedisDataSource redis, PricingConfig config) {
    this.values = redis.value(String.class);
    this.redis = redis.getRedis();
    this.config = config;
  }

  /**
   * Writes marks (one key each). Completes when Redis has acknowledged every write; failures are logged and
   * counted, never propagated.
   *
   * @param marks  the marks
   * @return a Uni completing with the number written
   */
  public Uni<Integer> save(Collection<Mark> marks) {
    if (marks.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    // pipelined SET ... PX in batches: one round trip per batch, whatever the number of marks (a chain snapshot
    // or an index move re-marks hundreds of options at once; one command each would exhaust the pool's queue)
    String ttl = Long.toString(config.markTtl().toMillis());
    List<Request> commands = marks.stream()
        .map(m -> Request.cmd(Command.SET).arg(key(m.getInstrument().getName())).arg(json(m)).arg("PX").arg(ttl))
        .toList();
    List<List<Request>> batches = new ArrayList<>();
    for (int i = 0; i < commands.size(); i += BATCH) {
      batches.add(commands.subList(i, Math.min(i + BATCH, commands.size())));
    }
    return Multi.createFrom().iterable(batches)
        .onItem().transformToUniAndConcatenate(batch -> redis.batch(batch).replaceWith(batch.size()))
        .collect().with(Collectors.summingInt(Integer::intValue))
        .onFailure().recoverWithItem(failure -> {
          long n = writeFailures.incrementAndGet();
          LOG.warnf("could not cache %d marks in Redis (failure #%d): %s", marks.size(), n, failure.getMessage());
          return 0;
        });
  }

  /**
   * Reads a cached mark.
   *
   * @param instrument  the canonical instrument name
   * @return the mark, empty when absent
   */
  public Uni<Optional<Mark>> find(String instrument) {
    return values.get(key(instrument)).map(json -> Optional.ofNullable(json).map(MarkCacheRepository::parse));
  }

  /**
   * Gets the Redis key of an instrument's mark.
   *
   * @param instrument  the canonical name
   * @return the key
   */
  public String key(String instrument) {
    return config.markKeyPrefix() + instrument;
  }

  /**
   * Gets the number of failed cache writes since start.
   *
   * @return the count
   */
  public long writeFailures() {
    return writeFailures.get();
  }

  private static String json(Mark mark) {
    try {
      return PRINTER.print(mark);
    } catch (InvalidProtocolBufferException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static Mark parse(String json) {
    try {
      Mark.Builder b = Mark.newBuilder();
      PARSER.merge(json, b);
      return b.build();
    } catch (InvalidProtocolBufferException ex) {
      throw new IllegalStateException("corrupt cached mark: " + ex.getMessage(), ex);
    }
  }
}
