package io.levex.cli.suite;

import io.levex.devinfra.InfraSettings;
import io.levex.devinfra.LocalSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Starts the local suite for {@code levex up} and {@code levex demo}.
 */
public final class SuiteLauncher {

  private SuiteLauncher() {
  }

  /**
   * Ports of a local suite (0 = a free port).
   *
   * @param gateway  exposure-gateway
   * @param pricing  pricing-service
   * @param margin  margin-service
   * @param postgres  embedded PostgreSQL
   * @param redis  embedded Redis
   */
  public record Ports(int gateway, int pricing, int margin, int postgres, int redis) {
  }

  /**
   * Finds the Levex installation: the {@code levex.home} system property (set by the {@code ./levex} script), else the
   * working directory.
   *
   * @return the repository root
   */
  public static Path home() {
    String home = System.getProperty("levex.home");
    Path root = home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
    if (!Files.isDirectory(root.resolve(LocalSuite.PRICING))) {
      throw new IllegalStateException("cannot find the Levex services under " + root + " (run ./levex from the repository)");
    }
    return root;
  }

  /**
   * Starts the suite.
   *
   * @param ports  the ports
   * @param progress  progress output
   * @return the running suite; close it to stop everything it started
   */
  public static LocalSuite start(Ports ports, Progress progress) {
    Path root = home();
    Path logs = root.resolve("target").resolve("levex-logs");
    InfraSettings infra = InfraSettings.fromEnvironment(ports.postgres(), ports.redis());
    return LocalSuite.start(new LocalSuite.Options(root, infra, ports.pricing(), ports.margin(), ports.gateway(), logs,
        Duration.ofSeconds(180), Map.of()), progress::step);
  }
}
