package io.levex.api.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Guards a call to a downstream service: a deadline, and transport failures (UNAVAILABLE, DEADLINE_EXCEEDED, no
 * answer) turned into UNAVAILABLE naming the downstream. Statuses the downstream returned on purpose (e.g.
 * INVALID_ARGUMENT) pass through unchanged.
 */
public final class DownstreamCalls {

  private DownstreamCalls() {
  }

  /**
   * Guards a call.
   *
   * @param call  the call
   * @param service  the downstream's name, e.g. "pricing-service"
   * @param deadline  the deadline
   * @param <T>  the reply type
   * @return the guarded call
   */
  public static <T> Uni<T> guard(Uni<T> call, String service, Duration deadline) {
    return call
        .ifNoItem().after(deadline).failWith(() -> unavailable(service, "no answer within " + deadline.toMillis() + " ms"))
        .onFailure(DownstreamCalls::isTransport).transform(f -> unavailable(service, f.getMessage()));
  }

  private static boolean isTransport(Throwable f) {
    return f instanceof StatusRuntimeException s
        && (s.getStatus().getCode() == Status.Code.UNAVAILABLE || s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)
        && (s.getStatus().getDescription() == null || !s.getStatus().getDescription().endsWith("(downstream)"));
  }

  private static StatusRuntimeException unavailable(String service, String detail) {
    return Status.UNAVAILABLE.withDescription(service + " unavailable: " + detail + " (downstream)").asRuntimeException();
  }
}
