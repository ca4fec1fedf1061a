package io.levex.gateway.health;

import io.levex.api.health.GrpcDownstreamProbe;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when pricing-service and margin-service answer the standard gRPC health check.
 */
public final class DownstreamReadinessCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private DownstreamReadinessCheck() {
  }

  /** pricing-service readiness. */
  @Readiness
  @ApplicationScoped
  public static class Pricing implements AsyncHealthCheck {

    private final grpc.health.v1.Health health;

    /**
     * Creates the check.
     *
     * @param health  the health client of pricing-service
     */
    public Pricing(@GrpcClient("pricing") grpc.health.v1.Health health) {
      this.health = health;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
      return GrpcDownstreamProbe.probe("pricing-service (gRPC)", health, TIMEOUT);
    }
  }

  /** margin-service readiness. */
  @Readiness
  @ApplicationScoped
  public static class Margin implements AsyncHealthCheck {

    private final grpc.health.v1.Health health;

    /**
     * Creates the check.
     *
     * @param health  the health client of margin-service
     */
    public Margin(@GrpcClient("margin") grpc.health.v1.Health health) {
      this.health = health;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
      return GrpcDownstreamProbe.probe("margin-service (gRPC)", health, TIMEOUT);
    }
  }
}
