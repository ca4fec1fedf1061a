package io.levex.gateway.client;

import io.levex.api.client.DownstreamCalls;
import io.levex.api.v1.MarginRequest;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.MarginService;
import io.levex.api.v1.WhatIfRequest;
import io.levex.api.v1.WhatIfResponse;
import io.levex.gateway.config.GatewayConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The margin-service client (deadline, outage as UNAVAILABLE naming the service).
 */
@ApplicationScoped
public class MarginClient {

  private static final String SERVICE = "margin-service";

  private final MarginService margin;
  private final GatewayConfig config;

  /**
   * Creates the client.
   *
   * @param margin  the gRPC client {@code margin}
   * @param config  the configuration
   */
  public MarginClient(@GrpcClient("margin") MarginService margin, GatewayConfig config) {
    this.margin = margin;
    this.config = config;
  }

  /**
   * Computes margin.
   *
   * @param request  the request
   * @return the margin
   */
  public Uni<MarginResponse> margin(MarginRequest request) {
    return DownstreamCalls.guard(margin.computeMargin(request), SERVICE, config.downstreamDeadline());
  }

  /**
   * Computes margin before and after an order.
   *
   * @param request  the request
   * @return before and after
   */
  public Uni<WhatIfResponse> whatIf(WhatIfRequest request) {
    return DownstreamCalls.guard(margin.whatIf(request), SERVICE, config.downstreamDeadline());
  }
}
