package io.levex.cli;

import io.grpc.ManagedChannel;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.cli.demo.DemoMarket;
import io.levex.cli.demo.MarketDataPublisher;
import io.levex.cli.suite.Progress;
import io.levex.cli.suite.SuiteLauncher;
import io.levex.devinfra.LocalSuite;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code levex up}: starts the suite on fixed ports and keeps it running until Ctrl-C, then stops everything it
 * started.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start PostgreSQL, Redis and the three services, load the demo market, and run until Ctrl-C.")
public class UpCommand implements Callable<Integer> {

  @Option(names = "--gateway-port", defaultValue = "8080", description = "exposure-gateway port (gRPC + HTTP). Default: ${DEFAULT-VALUE}.")
  int gatewayPort;

  @Option(names = "--pricing-port", defaultValue = "8081", description = "pricing-service port. Default: ${DEFAULT-VALUE}.")
  int pricingPort;

  @Option(names = "--margin-port", defaultValue = "8082", description = "margin-service port. Default: ${DEFAULT-VALUE}.")
  int marginPort;

  @Option(names = "--postgres-port", defaultValue = "55432", description = "embedded PostgreSQL port. Default: ${DEFAULT-VALUE}.")
  int postgresPort;

  @Option(names = "--redis-port", defaultValue = "56379", description = "embedded Redis port. Default: ${DEFAULT-VALUE}.")
  int redisPort;

  @Option(names = "--no-market", description = "Do not publish the demo market data at start-up.")
  boolean noMarket;

  @Override
  public Integer call() throws Exception {
    Progress progress = new Progress(System.err);
    CountDownLatch stop = new CountDownLatch(1);
    LocalSuite suite = SuiteLauncher.start(new SuiteLauncher.Ports(gatewayPort, pricingPort, marginPort, postgresPort, redisPort), progress);
    Thread hook = new Thread(() -> {
      progress.step("stopping the services, PostgreSQL and Redis");
      suite.close();
      stop.countDown();
    }, "levex-up-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (!noMarket) {
      ManagedChannel pricing = DemoCommand.channel(pricingPort);
      try {
        var summary = MarketDataPublisher.publish(PricingServiceGrpc.newStub(pricing),
            DemoMarket.load(LocalDate.now(ZoneOffset.UTC)).updates(Instant.now()));
        progress.step("published the demo market (" + summary.getAccepted() + " updates; Deribit BTC " + DemoMarket.RECORDED_AT + ")");
      } finally {
        pricing.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    System.out.printf("""

        Levex is up.
          exposure-gateway  127.0.0.1:%d   (public gRPC API; health http://127.0.0.1:%d/q/health)
          pricing-service   127.0.0.1:%d
          margin-service    127.0.0.1:%d
          PostgreSQL        %s
          Redis             %s
        gRPC reflection is on: any generic gRPC client can list and call the services (see README).
        Service logs: %s
        Press Ctrl-C to stop everything.
        """, gatewayPort, gatewayPort, pricingPort, marginPort, suite.infrastructure().jdbcUrl(), suite.infrastructure().redisUri(),
        SuiteLauncher.home().resolve("target").resolve("levex-logs"));
    System.out.flush();
    stop.await();
    return 0;
  }
}
