package io.levex.cli.demo;

import io.grpc.ManagedChannel;
import io.levex.api.v1.CollateralTransferRequest;
import io.levex.api.v1.CreateAccountRequest;
import io.levex.api.v1.ExposureGatewayGrpc;
import io.levex.api.v1.ExposureReport;
import io.levex.api.v1.Fill;
import io.levex.api.v1.GetExposureRequest;
import io.levex.api.v1.PricingServiceGrpc;
import io.levex.api.v1.PublishMarketDataSummary;
import io.levex.api.client.TraceContext;
import io.levex.cli.suite.Progress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the demo against a running suite: publishes the demo market to pricing-service, creates an account through
 * the gateway, deposits collateral, applies the demo fills and fetches the exposure report under a known trace id.
 */
public final class DemoScenario {

  private DemoScenario() {
  }

  /**
   * The outcome of a demo run.
   *
   * @param accountId  the demo account
   * @param report  its exposure report
   * @param traceId  the trace id of the GetExposure call
   */
  public record Result(String accountId, ExposureReport report, String traceId) {
  }

  /**
   * Runs the demo.
   *
   * @param gateway  a channel to exposure-gateway
   * @param pricing  a channel to pricing-service
   * @param progress  progress output
   * @return the outcome
   */
  public static Result run(ManagedChannel gateway, ManagedChannel pricing, Progress progress) {
    Instant now = Instant.now();
    DemoMarket market = DemoMarket.load(LocalDate.now(ZoneOffset.UTC));
    progress.step("publishing the demo market (Deribit BTC, " + DemoMarket.RECORDED_AT + ", re-dated to today) to pricing-service");
    PublishMarketDataSummary summary = MarketDataPublisher.publish(PricingServiceGrpc.newStub(pricing), market.updates(now));
    if (summary.getRejected() > 0) {
      throw new IllegalStateException("pricing-service rejected demo market data: " + summary.getRejectionsList());
    }
    var stub = ExposureGatewayGrpc.newBlockingStub(gateway);
    String runId = Long.toString(now.toEpochMilli(), 36);
    progress.step("creating the demo account and depositing " + DemoBook.COLLATERAL_BTC + " BTC");
    String accountId = stub.withDeadlineAfter(30, TimeUnit.SECONDS).createAccount(CreateAccountRequest.newBuilder()
        .setRequestId("demo-" + runId).setName("Levex demo (leveraged BTC options + perpetual)").build()).getAccountId();
    stub.withDeadlineAfter(30, TimeUnit.SECONDS).depositCollateral(CollateralTransferRequest.newBuilder()
        .setAccountId(accountId).setTransferId("demo-" + runId + "-deposit").setAsset("BTC").setAmount(DemoBook.COLLATERAL_BTC).build());
    List<Fill> fills = DemoBook.fills(accountId, market, runId);
    progress.step("applying " + fills.size() + " fills (perpetual and options, at the snapshot's marks)");
    for (Fill f : fills) {
      stub.withDeadlineAfter(30, TimeUnit.SECONDS).applyFill(f);
    }
    TraceContext trace = TraceContext.random();
    progress.step("requesting the exposure report (trace " + trace.traceId() + ")");
    ExposureReport report = stub.withInterceptors(trace.interceptor()).withDeadlineAfter(30, TimeUnit.SECONDS)
        .getExposure(GetExposureRequest.newBuilder().setAccountId(accountId).build());
    return new Result(accountId, report, trace.traceId());
  }
}
