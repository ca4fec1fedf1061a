package io.levex.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a separate JVM from its packaged Quarkus jar ({@code target/quarkus-app/quarkus-run.jar}).
 * <p>
 * Output goes to a log file. {@link #awaitReady(Duration)} polls {@code /q/health/ready}; {@link #close()} sends
 * SIGTERM (Quarkus shuts down gracefully) and kills the process if it has not exited after 20 seconds. Extra JVM
 * options come from {@code LEVEX_SERVICE_JVM_OPTS}.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Path logFile;

  private ServiceProcess(String name, int port, Process process, Path logFile) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts a service.
   *
   * @param name  the service name, for messages
   * @param jar  the {@code quarkus-run.jar}
   * @param port  the HTTP + gRPC port
   * @param properties  configuration passed as {@code -D} system properties
   * @param logFile  where stdout and stderr go
   * @return the running process (not necessarily ready)
   */
  public static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties, Path logFile) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(name + ": " + jar + " does not exist; build it first (./mvnw -B package -DskipTests)");
    }
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.put("quarkus.http.port", Integer.toString(port));
    props.put("quarkus.http.host", "127.0.0.1");
    List<String> cmd = new ArrayList<>();
    cmd.add(Jvm.javaExecutable().toString());
    cmd.add("-Xmx512m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    // the SIMD pricing and implied-vol kernels (docs/pricing.md); without it risk-core uses the scalar kernels
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    String extra = System.getenv("LEVEX_SERVICE_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      ProcessBuilder pb = new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      return new ServiceProcess(name, port, pb.start(), logFile);
    } catch (IOException ex) {
      throw new UncheckedIOException("could not start " + name, ex);
    }
  }

  /**
   * Waits until {@code /q/health/ready} answers 200.
   *
   * @param timeout  the maximum wait
   * @throws IllegalStateException if the process dies or the timeout passes, with the end of its log
   */
  public void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).GET().build();
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue() + " during start-up; log " + logFile
            + ":\n" + tail(40));
      }
      try {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = "HTTP " + r.statusCode() + " " + r.body();
      } catch (IOException ex) {
        last = ex.toString();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, ex);
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s (last: " + last + "); log " + logFile
        + ":\n" + tail(40));
  }

  /**
   * Gets the service's HTTP base URL.
   *
   * @return e.g. {@code http://127.0.0.1:8081}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Gets the port (HTTP and gRPC).
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Gets the service name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Gets the log file.
   *
   * @return the path
   */
  public Path logFile() {
    return logFile;
  }

  /**
   * Whether the process is running.
   *
   * @return true while alive
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Gets the operating-system process id.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Gets the last lines of the log.
   *
   * @param lines  how many
   * @return the text
   */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException ex) {
      return "(log unreadable: " + ex.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException ex) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
