package io.levex.pricing.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.levex.testsupport.LevexTestEnvironment;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Test the health and metrics endpoints over HTTP (REST Assured).
 */
@QuarkusTest
@WithTestResource(value = LevexTestEnvironment.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class HealthEndpointsTest {

  @Test
  void test_ready_checksRedisAndGrpcServer() {
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Redis connection health check"))
        .body("checks.name", hasItem("gRPC Server"));
  }

  @Test
  void test_live_reportsMarketData() {
    given().when().get("/q/health/live").then()
        .statusCode(200)
        .body("checks.name", hasItem("market data"));
  }

  @Test
  void test_metrics_exposesPrometheusText() {
    given().when().get("/q/metrics").then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
  }
}
