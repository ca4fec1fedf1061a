package io.levex.api.health;

import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Asks a downstream service whether it is serving, with the standard gRPC health protocol
 * ({@code grpc.health.v1.Health/Check}, which every Levex service exposes), without blocking.
 */
public final class GrpcDownstreamProbe {

  private GrpcDownstreamProbe() {
  }

  /**
   * Probes a downstream service.
   *
   * @param name  the check's name, e.g. "pricing-service (gRPC)"
   * @param health  the Mutiny health client of the downstream
   * @param timeout  how long to wait
   * @return UP when the downstream answers SERVING, DOWN otherwise (with the reason)
   */
  public static Uni<HealthCheckResponse> probe(String name, grpc.health.v1.Health health, Duration timeout) {
    return health.check(HealthCheckRequest.newBuilder().build())
        .ifNoItem().after(timeout).fail()
        .map(r -> r.getStatus() == ServingStatus.SERVING
            ? HealthCheckResponse.named(name).up().withData("status", r.getStatus().name()).build()
            : HealthCheckResponse.named(name).down().withData("status", r.getStatus().name()).build())
        .onFailure().recoverWithItem(f -> HealthCheckResponse.named(name).down()
            .withData("error", String.valueOf(f.getMessage())).build());
  }
}
