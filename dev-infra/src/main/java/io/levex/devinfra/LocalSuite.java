package io.levex.devinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole Levex suite on one machine: PostgreSQL and Redis, an OTLP trace collector, and the three services as
 * separate JVMs started from their packaged jars.
 * <p>
 * Start order: infrastructure, then pricing-service, margin-service and exposure-gateway together; each is waited
 * for on {@code /q/health/ready} (which includes its downstream services). {@link #close()} stops exactly what was
 * started, in reverse order.
 */
public final class LocalSuite implements AutoCloseable {

  /** Service names, which are also the module directories. */
  public static final String PRICING = "pricing-service";
  /** The margin service. */
  public static final String MARGIN = "margin-service";
  /** The public gateway. */
  public static final String GATEWAY = "exposure-gateway";

  private final Infrastructure infrastructure;
  private final OtlpTraceCollector collector;
  private final Map<String, ServiceProcess> services;

  private LocalSuite(Infrastructure infrastructure, OtlpTraceCollector collector, Map<String, ServiceProcess> services) {
    this.infrastructure = infrastructure;
    this.collector = collector;
    this.services = services;
  }

  /**
   * Options of a local suite.
   *
   * @param root  the repository root (holding the service modules' {@code target} folders)
   * @param infra  where PostgreSQL and Redis come from
   * @param pricingPort  pricing-service port (0 = free port)
   * @param marginPort  margin-service port (0 = free port)
   * @param gatewayPort  exposure-gateway port (0 = free port)
   * @param logDir  where service logs go
   * @param readyTimeout  how long to wait for each service
   * @param extraProperties  additional system properties per service name
   */
  public record Options(
      Path root,
      InfraSettings infra,
      int pricingPort,
      int marginPort,
      int gatewayPort,
      Path logDir,
      Duration readyTimeout,
      Map<String, Map<String, String>> extraProperties) {
  }

  /**
   * Starts the suite.
   *
   * @param options  the options
   * @param log  progress messages
   * @return the running suite
   */
  public static LocalSuite start(Options options, Consumer<String> log) {
    Infrastructure infra = Infrastructure.start(options.infra(), log);
    OtlpTraceCollector collector = null;
    Map<String, ServiceProcess> started = new LinkedHashMap<>();
    try {
      collector = OtlpTraceCollector.start();
      int pricingPort = port(options.pricingPort());
      int marginPort = port(options.marginPort());
      int gatewayPort = port(options.gatewayPort());
      Map<String, String> common = new LinkedHashMap<>();
      common.put("quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint());
      common.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
      common.put("quarkus.otel.bsp.schedule.delay", "PT0.2S");
      common.put("quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] (%t) %s%e%n");

      Map<String, String> pricing = new LinkedHashMap<>(common);
      pricing.put("quarkus.redis.hosts", infra.redisUri());
      pricing.putAll(options.extraProperties().getOrDefault(PRICING, Map.of()));

      Map<String, String> margin = new LinkedHashMap<>(common);
      margin.put("quarkus.grpc.clients.pricing.host", "127.0.0.1");
      margin.put("quarkus.grpc.clients.pricing.port", Integer.toString(pricingPort));
      margin.putAll(options.extraProperties().getOrDefault(MARGIN, Map.of()));

      Map<String, String> gateway = new LinkedHashMap<>(common);
      gateway.put("quarkus.datasource.reactive.url", infra.reactiveUrl());
      gateway.put("quarkus.datasource.jdbc.url", infra.jdbcUrl());
      gateway.put("quarkus.datasource.username", infra.pgUser());
      gateway.put("quarkus.datasource.password", infra.pgPassword());
      gateway.put("quarkus.grpc.clients.pricing.host", "127.0.0.1");
      gateway.put("quarkus.grpc.clients.pricing.port", Integer.toString(pricingPort));
      gateway.put("quarkus.grpc.clients.margin.host", "127.0.0.1");
      gateway.put("quarkus.grpc.clients.margin.port", Integer.toString(marginPort));
      gateway.putAll(options.extraProperties().getOrDefault(GATEWAY, Map.of()));

      log.accept("starting " + PRICING + " on :" + pricingPort + ", " + MARGIN + " on :" + marginPort + ", " + GATEWAY + " on :" + gatewayPort);
      started.put(PRICING, ServiceProcess.start(PRICING, jar(options.root(), PRICING), pricingPort, pricing,
          options.logDir().resolve(PRICING + ".log")));
      started.put(MARGIN, ServiceProcess.start(MARGIN, jar(options.root(), MARGIN), marginPort, margin,
          options.logDir().resolve(MARGIN + ".log")));
      started.put(GATEWAY, ServiceProcess.start(GATEWAY, jar(options.root(), GATEWAY), gatewayPort, gateway,
          options.logDir().resolve(GATEWAY + ".log")));
      for (ServiceProcess p : started.values()) {
        p.awaitReady(options.readyTimeout());
        log.accept(p.name() + " ready (pid " + p.pid() + ", log " + p.logFile() + ")");
      }
      return new LocalSuite(infra, collector, started);
    } catch (RuntimeException ex) {
      List<ServiceProcess> reverse = new ArrayList<>(started.values());
      java.util.Collections.reverse(reverse);
      reverse.forEach(ServiceProcess::close);
      if (collector != null) {
        collector.close();
      }
      infra.close();
      throw ex;
    }
  }

  /**
   * Gets the path of a service's packaged jar.
   *
   * @param root  the repository root
   * @param service  the service (module) name
   * @return {@code <root>/<service>/target/quarkus-app/quarkus-run.jar}
   */
  public static Path jar(Path root, String service) {
    return root.resolve(service).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
  }

  /**
   * Gets a running service.
   *
   * @param name  {@link #PRICING}, {@link #MARGIN} or {@link #GATEWAY}
   * @return the process
   */
  public ServiceProcess service(String name) {
    return services.get(name);
  }

  /**
   * Gets the infrastructure.
   *
   * @return the servers
   */
  public Infrastructure infrastructure() {
    return infrastructure;
  }

  /**
   * Gets the trace collector every service exports to.
   *
   * @return the collector
   */
  public OtlpTraceCollector traces() {
    return collector;
  }

  @Override
  public void close() {
    List<ServiceProcess> reverse = new ArrayList<>(services.values());
    java.util.Collections.reverse(reverse);
    reverse.forEach(ServiceProcess::close);
    collector.close();
    infrastructure.close();
  }

  private static int port(int requested) {
    return requested == 0 ? FreePorts.find() : requested;
  }
}
