package io.levex.margin.health;

import io.levex.api.health.GrpcDownstreamProbe;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when pricing-service answers the standard gRPC health check: margin cannot be computed without marks.
 */
@Readiness
@ApplicationScoped
public class PricingReadinessCheck implements AsyncHealthCheck {

  private final grpc.health.v1.Health pricingHealth;

  /**
   * Creates the check.
   *
   * @param pricingHealth  the health client of pricing-service
   */
  public PricingReadinessCheck(@GrpcClient("pricing") grpc.health.v1.Health pricingHealth) {
    this.pricingHealth = pricingHealth;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return GrpcDownstreamProbe.probe("pricing-service (gRPC)", pricingHealth, Duration.ofSeconds(2));
  }
}
