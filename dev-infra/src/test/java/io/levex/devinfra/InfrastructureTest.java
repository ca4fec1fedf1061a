package io.levex.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link Infrastructure}: real servers start, answer, and Redis can be stopped and restarted.
 */
class InfrastructureTest {

  @Test
  void test_start_embeddedServersAnswer() throws Exception {
    List<String> log = new ArrayList<>();
    try (Infrastructure infra = Infrastructure.start(InfraSettings.fromEnvironment(0, 0), log::add)) {
      try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.pgUser(), infra.pgPassword());
           ResultSet rs = c.createStatement().executeQuery("select version()")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).startsWith("PostgreSQL");
      }
      assertThat(redisPing(infra.redisPort())).isEqualTo("+PONG");
      if (infra.embedded()) {
        infra.stopRedis();
        assertThatThrownBy(() -> redisPing(infra.redisPort())).isInstanceOf(IOException.class);
        infra.restartRedis();
        assertThat(redisPing(infra.redisPort())).isEqualTo("+PONG");
      }
    }
  }

  @Test
  void test_from_externalSwitchReadsVariables() {
    InfraSettings s = InfraSettings.from(Map.of("LEVEX_EXTERNAL_INFRA", "true", "PG_PORT", "6543", "REDIS_HOST", "redis.local"), 0, 0);
    assertThat(s.external()).isTrue();
    assertThat(s.pgPort()).isEqualTo(6543);
    assertThat(s.pgDatabase()).isEqualTo("levex");
    assertThat(s.redisHost()).isEqualTo("redis.local");
    assertThat(InfraSettings.from(Map.of(), 0, 0).external()).isFalse();
  }

  static String redisPing(int port) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }
}
