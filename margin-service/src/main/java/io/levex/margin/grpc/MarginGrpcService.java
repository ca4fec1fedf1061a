package io.levex.margin.grpc;

import io.grpc.Status;
import io.levex.api.convert.GrpcErrors;
import io.levex.api.v1.LiquidationRequest;
import io.levex.api.v1.LiquidationResponse;
import io.levex.api.v1.MarginRequest;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.MarginService;
import io.levex.api.v1.StressTestRequest;
import io.levex.api.v1.StressTestResponse;
import io.levex.api.v1.VarRequest;
import io.levex.api.v1.VarResponse;
import io.levex.api.v1.WhatIfRequest;
import io.levex.api.v1.WhatIfResponse;
import io.levex.margin.mapping.MarginResponseMapper;
import io.levex.margin.service.MarginCalculationService;
import io.levex.margin.service.MarginCalculationService.Computed;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * gRPC endpoint of margin-service.
 */
@GrpcService
public class MarginGrpcService implements MarginService {

  private final MarginCalculationService margins;

  /**
   * Creates the endpoint.
   *
   * @param margins  the margin service
   */
  public MarginGrpcService(MarginCalculationService margins) {
    this.margins = margins;
  }

  @Override
  public Uni<MarginResponse> computeMargin(MarginRequest request) {
    return margins.margin(request)
        .map(MarginGrpcService::toProto)
        .onFailure().transform(GrpcErrors::toStatus);
  }

  @Override
  public Uni<WhatIfResponse> whatIf(WhatIfRequest request) {
    return margins.whatIf(request.getMargin(), request.getOrder())
        .map(pair -> {
          MarginResponse before = toProto(pair[0]);
          MarginResponse after = toProto(pair[1]);
          return WhatIfResponse.newBuilder()
              .setBefore(before)
              .setAfter(after)
              .setInitialMarginChangeUsd(after.getInitialMarginUsd() - before.getInitialMarginUsd())
              .build();
        })
        .onFailure().transform(GrpcErrors::toStatus);
  }

  @Override
  public Uni<StressTestResponse> stressTest(StressTestRequest request) {
    return unimplemented("StressTest arrives with the stress and VaR issue (#6)");
  }

  @Override
  public Uni<VarResponse> computeVar(VarRequest request) {
    return unimplemented("ComputeVar arrives with the stress and VaR issue (#6)");
  }

  @Override
  public Uni<LiquidationResponse> analyzeLiquidation(LiquidationRequest request) {
    return margins.liquidation(request).onFailure().transform(GrpcErrors::toStatus);
  }

  private static MarginResponse toProto(Computed c) {
    return MarginResponseMapper.toProto(c.result(), c.model(), c.valuation());
  }

  private static <T> Uni<T> unimplemented(String message) {
    return Uni.createFrom().failure(Status.UNIMPLEMENTED.withDescription(message + "; not implemented yet").asRuntimeException());
  }
}
