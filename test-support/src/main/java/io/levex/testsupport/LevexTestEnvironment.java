package io.levex.testsupport;

import io.levex.devinfra.FreePorts;
import io.levex.devinfra.InfraSettings;
import io.levex.devinfra.Infrastructure;
import io.levex.devinfra.LocalSuite;
import io.levex.devinfra.OtlpTraceCollector;
import io.levex.devinfra.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real environment of a service under test: PostgreSQL and/or Redis, an OTLP trace collector, and the
 * downstream services the service calls, each a separate JVM started from its packaged jar.
 * <p>
 * Arguments ({@code @WithTestResource(initArgs = ...)}):
 * <ul>
 * <li>{@code postgres} = true/false (default false): configure the reactive and JDBC datasource;</li>
 * <li>{@code redis} = true/false (default false): configure {@code quarkus.redis.hosts};</li>
 * <li>{@code downstream} = comma-separated {@code pricing-service}, {@code margin-service}: start these jars and
 * point the gRPC clients {@code pricing} / {@code margin} at them (test ports).</li>
 * </ul>
 * Every process, including the service under test, exports its spans to the collector ({@link #traces()}).
 * Downstream jars must have been packaged: the reactor builds pricing-service, then margin-service, then the
 * gateway.
 */
public class LevexTestEnvironment implements QuarkusTestResourceLifecycleManager {

  private static volatile OtlpTraceCollector collector;
  private static volatile Infrastructure infrastructure;
  private static final Map<String, ServiceProcess> DOWNSTREAM = new LinkedHashMap<>();

  private boolean postgres;
  private boolean redis;
  private List<String> downstream = List.of();

  @Override
  public void init(Map<String, String> initArgs) {
    postgres = Boolean.parseBoolean(initArgs.getOrDefault("postgres", "false"));
    redis = Boolean.parseBoolean(initArgs.getOrDefault("redis", "false"));
    String list = initArgs.getOrDefault("downstream", "").trim();
    downstream = list.isEmpty() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
  }

  @Override
  public Map<String, String> start() {
    infrastructure = Infrastructure.start(InfraSettings.fromEnvironment(0, 0), msg -> System.out.println("[levex-test] " + msg),
        postgres, redis || downstream.contains(LocalSuite.PRICING));
    collector = OtlpTraceCollector.start();
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint());
    config.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
    config.put("quarkus.otel.bsp.schedule.delay", "PT0.05S");
    if (postgres) {
      config.put("quarkus.datasource.reactive.url", infrastructure.reactiveUrl());
      config.put("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl());
      config.put("quarkus.datasource.username", infrastructure.pgUser());
      config.put("quarkus.datasource.password", infrastructure.pgPassword());
    }
    if (redis) {
      config.put("quarkus.redis.hosts", infrastructure.redisUri());
    }
    Path root = repositoryRoot();
    Map<String, String> common = new LinkedHashMap<>();
    common.put("quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint());
    common.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
    common.put("quarkus.otel.bsp.schedule.delay", "PT0.05S");
    Map<String, Integer> ports = new HashMap<>();
    downstream.forEach(s -> ports.put(s, FreePorts.find()));
    try {
      for (String service : downstream) {
        Map<String, String> props = new LinkedHashMap<>(common);
        switch (service) {
          case LocalSuite.PRICING -> props.put("quarkus.redis.hosts", infrastructure.redisUri());
          case LocalSuite.MARGIN -> {
            Integer pricingPort = ports.get(LocalSuite.PRICING);
            if (pricingPort == null) {
              throw new IllegalArgumentException("margin-service needs pricing-service in 'downstream'");
            }
            props.put("quarkus.grpc.clients.pricing.host", "127.0.0.1");
            props.put("quarkus.grpc.clients.pricing.port", Integer.toString(pricingPort));
          }
          default -> throw new IllegalArgumentException("unknown downstream service " + service);
        }
        ServiceProcess p = ServiceProcess.start(service, LocalSuite.jar(root, service), ports.get(service), props,
            root.resolve(service).resolve("target").resolve("test-downstream-" + service + ".log"));
        DOWNSTREAM.put(service, p);
      }
      for (ServiceProcess p : DOWNSTREAM.values()) {
        p.awaitReady(Duration.ofSeconds(120));
      }
    } catch (RuntimeException ex) {
      stop();
      throw ex;
    }
    ports.forEach((service, port) -> {
      String client = service.replace("-service", "");
      config.put("quarkus.grpc.clients." + client + ".host", "127.0.0.1");
      config.put("quarkus.grpc.clients." + client + ".test-port", Integer.toString(port));
      config.put("quarkus.grpc.clients." + client + ".port", Integer.toString(port));
    });
    return config;
  }

  @Override
  public void stop() {
    List<ServiceProcess> reverse = new ArrayList<>(DOWNSTREAM.values());
    java.util.Collections.reverse(reverse);
    reverse.forEach(ServiceProcess::close);
    DOWNSTREAM.clear();
    if (collector != null) {
      collector.close();
    }
    if (infrastructure != null) {
      infrastructure.close();
    }
  }

  /**
   * Gets the trace collector of the running environment.
   *
   * @return the collector
   */
  public static OtlpTraceCollector traces() {
    return collector;
  }

  /**
   * Gets the infrastructure of the running environment.
   *
   * @return the servers
   */
  public static Infrastructure infrastructure() {
    return infrastructure;
  }

  /**
   * Gets a downstream service process.
   *
   * @param name  the service name
   * @return the process
   */
  public static ServiceProcess downstream(String name) {
    return DOWNSTREAM.get(name);
  }

  /**
   * Finds the repository root from the module directory Maven runs tests in.
   *
   * @return the root (the directory holding the reactor pom and the service modules)
   */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("pricing-service")) && Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("proto"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the Levex repository root above " + dir);
  }
}
