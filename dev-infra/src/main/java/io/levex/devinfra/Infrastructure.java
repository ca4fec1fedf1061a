package io.levex.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;
import redis.embedded.RedisServer;

/**
 * Running PostgreSQL and Redis servers: embedded ones this object started (and stops on {@link #close()}), or
 * external ones it only points at.
 */
public final class Infrastructure implements AutoCloseable {

  private final InfraSettings settings;
  private final EmbeddedPostgres postgres;
  private RedisServer redis;
  private final String pgHost;
  private final int pgPort;
  private final String redisHost;
  private final int redisPort;

  private Infrastructure(InfraSettings settings, EmbeddedPostgres postgres, RedisServer redis, String pgHost, int pgPort,
      String redisHost, int redisPort) {
    this.settings = settings;
    this.postgres = postgres;
    this.redis = redis;
    this.pgHost = pgHost;
    this.pgPort = pgPort;
    this.redisHost = redisHost;
    this.redisPort = redisPort;
  }

  /**
   * Starts (embedded) or checks (external) the servers.
   *
   * @param settings  where the servers come from
   * @param log  progress messages
   * @return the running infrastructure
   */
  public static Infrastructure start(InfraSettings settings, Consumer<String> log) {
    return start(settings, log, true, true);
  }

  /**
   * Starts (embedded) or checks (external) the servers that are needed.
   *
   * @param settings  where the servers come from
   * @param log  progress messages
   * @param needPostgres  whether PostgreSQL is needed
   * @param needRedis  whether Redis is needed
   * @return the running infrastructure
   */
  public static Infrastructure start(InfraSettings settings, Consumer<String> log, boolean needPostgres, boolean needRedis) {
    if (settings.external()) {
      if (needPostgres) {
        requireReachable("PostgreSQL", settings.pgHost(), settings.pgPort());
      }
      if (needRedis) {
        requireReachable("Redis", settings.redisHost(), settings.redisPort());
      }
      log.accept("using external PostgreSQL " + settings.pgHost() + ":" + settings.pgPort() + "/" + settings.pgDatabase()
          + " and Redis " + settings.redisHost() + ":" + settings.redisPort());
      return new Infrastructure(settings, null, null, settings.pgHost(), settings.pgPort(), settings.redisHost(), settings.redisPort());
    }
    EmbeddedPostgres pg = null;
    try {
      int pgPort = 0;
      if (needPostgres) {
        pgPort = settings.pgPort() == 0 ? FreePorts.find() : settings.pgPort();
        log.accept("starting embedded PostgreSQL 17 on 127.0.0.1:" + pgPort);
        pg = EmbeddedPostgres.builder()
            .setPort(pgPort)
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
      }
      int redisPort = 0;
      RedisServer redis = null;
      if (needRedis) {
        redisPort = settings.redisPort() == 0 ? FreePorts.find() : settings.redisPort();
        log.accept("starting embedded Redis on 127.0.0.1:" + redisPort);
        redis = newRedis(redisPort);
        redis.start();
      }
      return new Infrastructure(settings, pg, redis, "127.0.0.1", pgPort, "127.0.0.1", redisPort);
    } catch (IOException ex) {
      closeQuietly(pg);
      throw new UncheckedIOException("could not start embedded PostgreSQL / Redis", ex);
    }
  }

  private static RedisServer newRedis(int port) throws IOException {
    return RedisServer.newRedisServer()
        .port(port)
        .bind("127.0.0.1")
        .setting("save \"\"")
        .setting("appendonly no")
        .onShutdownForceStop(true)
        .build();
  }

  /**
   * Whether the servers are embedded (owned by this object).
   *
   * @return true when embedded
   */
  public boolean embedded() {
    return !settings.external();
  }

  /**
   * Gets the PostgreSQL JDBC URL.
   *
   * @return e.g. {@code jdbc:postgresql://127.0.0.1:55432/postgres}
   */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + settings.pgDatabase();
  }

  /**
   * Gets the PostgreSQL URL for the Vert.x reactive client.
   *
   * @return e.g. {@code postgresql://127.0.0.1:55432/postgres}
   */
  public String reactiveUrl() {
    return "postgresql://" + pgHost + ":" + pgPort + "/" + settings.pgDatabase();
  }

  /**
   * Gets the PostgreSQL user.
   *
   * @return the user
   */
  public String pgUser() {
    return settings.pgUser();
  }

  /**
   * Gets the PostgreSQL password.
   *
   * @return the password
   */
  public String pgPassword() {
    return settings.pgPassword();
  }

  /**
   * Gets the PostgreSQL port.
   *
   * @return the port
   */
  public int pgPort() {
    return pgPort;
  }

  /**
   * Gets the Redis URI.
   *
   * @return e.g. {@code redis://127.0.0.1:56379}
   */
  public String redisUri() {
    return "redis://" + redisHost + ":" + redisPort;
  }

  /**
   * Gets the Redis port.
   *
   * @return the port
   */
  public int redisPort() {
    return redisPort;
  }

  /**
   * Stops the embedded Redis server (to test cache outages). Not allowed on external servers.
   */
  public synchronized void stopRedis() {
    requireEmbedded();
    if (redis == null) {
      throw new IllegalStateException("no embedded Redis was started");
    }
    try {
      redis.stop();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Starts the embedded Redis server again on the same port.
   */
  public synchronized void restartRedis() {
    requireEmbedded();
    try {
      redis = newRedis(redisPort);
      redis.start();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public synchronized void close() {
    if (redis != null) {
      try {
        redis.stop();
      } catch (IOException | RuntimeException ex) {
        // best effort
      }
    }
    closeQuietly(postgres);
  }

  private void requireEmbedded() {
    if (settings.external()) {
      throw new IllegalStateException("external servers are not controlled by Levex");
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException | RuntimeException ex) {
        // best effort
      }
    }
  }

  private static void requireReachable(String what, String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
    } catch (IOException ex) {
      throw new IllegalStateException(InfraSettings.EXTERNAL_ENV + "=true but " + what + " is not reachable at " + host + ":" + port
          + " (" + ex.getMessage() + "). Start it, fix the host/port variables, or unset " + InfraSettings.EXTERNAL_ENV
          + " to use embedded servers.", ex);
    }
  }
}
