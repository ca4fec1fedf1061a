package io.levex.devinfra;

import java.util.Map;

/**
 * Where the PostgreSQL and Redis servers come from.
 * <p>
 * By default Levex starts embedded real servers itself (zonky embedded PostgreSQL 17, embedded Redis 6.2), so a
 * fresh machine needs only a JDK. With {@code LEVEX_EXTERNAL_INFRA=true} it uses running servers instead, from
 * {@code PG_HOST} / {@code PG_PORT} / {@code PG_DB} / {@code PG_USER} / {@code PG_PASSWORD} (defaults
 * 127.0.0.1 / 55432 / levex / levex / levex) and {@code REDIS_HOST} / {@code REDIS_PORT} (127.0.0.1 / 56379).
 *
 * @param external  whether to use external servers
 * @param pgHost  external PostgreSQL host
 * @param pgPort  PostgreSQL port (embedded: 0 = a free port)
 * @param pgDatabase  external database name
 * @param pgUser  external user
 * @param pgPassword  external password
 * @param redisHost  external Redis host
 * @param redisPort  Redis port (embedded: 0 = a free port)
 */
public record InfraSettings(
    boolean external,
    String pgHost,
    int pgPort,
    String pgDatabase,
    String pgUser,
    String pgPassword,
    String redisHost,
    int redisPort) {

  /** The environment variable that selects external servers. */
  public static final String EXTERNAL_ENV = "LEVEX_EXTERNAL_INFRA";

  /**
   * Reads the settings from the process environment.
   *
   * @param embeddedPgPort  the PostgreSQL port to use when embedded (0 = free port)
   * @param embeddedRedisPort  the Redis port to use when embedded (0 = free port)
   * @return the settings
   */
  public static InfraSettings fromEnvironment(int embeddedPgPort, int embeddedRedisPort) {
    return from(System.getenv(), embeddedPgPort, embeddedRedisPort);
  }

  /**
   * Reads the settings from an environment map.
   *
   * @param env  the environment
   * @param embeddedPgPort  the PostgreSQL port to use when embedded (0 = free port)
   * @param embeddedRedisPort  the Redis port to use when embedded (0 = free port)
   * @return the settings
   */
  public static InfraSettings from(Map<String, String> env, int embeddedPgPort, int embeddedRedisPort) {
    boolean external = "true".equalsIgnoreCase(env.getOrDefault(EXTERNAL_ENV, "false").trim());
    if (!external) {
      return new InfraSettings(false, "127.0.0.1", embeddedPgPort, "postgres", "postgres", "postgres", "127.0.0.1", embeddedRedisPort);
    }
    return new InfraSettings(true,
        env.getOrDefault("PG_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("PG_PORT", "55432")),
        env.getOrDefault("PG_DB", "levex"),
        env.getOrDefault("PG_USER", "levex"),
        env.getOrDefault("PG_PASSWORD", "levex"),
        env.getOrDefault("REDIS_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("REDIS_PORT", "56379")));
  }
}
