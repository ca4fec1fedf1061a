package io.levex.cli;

import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.levex.cli.demo.DemoScenario;
import io.levex.cli.output.ExposureTables;
import io.levex.cli.output.TraceSummary;
import io.levex.cli.suite.Progress;
import io.levex.cli.suite.SuiteLauncher;
import io.levex.devinfra.CollectedSpan;
import io.levex.devinfra.LocalSuite;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code levex demo}: starts the suite on free ports, runs the demo book through the public API, prints its
 * exposure report and the request's trace, and stops everything it started.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the suite, build a leveraged BTC options-and-perpetual demo book, print its exposure, stop.")
public class DemoCommand implements Callable<Integer> {

  @Option(names = "--format", defaultValue = "table", description = "Output format: table or json (protobuf JSON of the report).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      System.err.println("--format must be table or json, not " + format);
      return 2;
    }
    Progress progress = new Progress(System.err);
    try (LocalSuite suite = SuiteLauncher.start(new SuiteLauncher.Ports(0, 0, 0, 0, 0), progress)) {
      ManagedChannel gateway = channel(suite.service(LocalSuite.GATEWAY).port());
      ManagedChannel pricing = channel(suite.service(LocalSuite.PRICING).port());
      try {
        DemoScenario.Result result = DemoScenario.run(gateway, pricing, progress);
        List<CollectedSpan> spans = awaitTrace(suite, result.traceId());
        if (format.equals("json")) {
          System.out.println(JsonFormat.printer().print(result.report()));
        } else {
          System.out.println();
          System.out.println("Levex demo: a leveraged BTC book on real Deribit quotes of 2025-12-30 17:31 UTC (expiries re-dated to today)");
          System.out.println();
          System.out.print(ExposureTables.render(result.report()));
          System.out.println();
          System.out.print(TraceSummary.render(result.traceId(), spans));
        }
      } finally {
        gateway.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        pricing.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        progress.step("stopping the services, PostgreSQL and Redis");
      }
    }
    progress.step("done");
    return 0;
  }

  private static List<CollectedSpan> awaitTrace(LocalSuite suite, String traceId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<CollectedSpan> spans = suite.traces().trace(traceId);
    while (System.nanoTime() < deadline && spans.stream().map(CollectedSpan::service).distinct().count() < 3) {
      Thread.sleep(200);
      spans = suite.traces().trace(traceId);
    }
    Thread.sleep(300);
    return suite.traces().trace(traceId);
  }

  static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }
}
