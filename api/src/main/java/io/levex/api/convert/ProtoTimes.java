package io.levex.api.convert;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/**
 * {@link Instant} to and from {@code google.protobuf.Timestamp}.
 */
public final class ProtoTimes {

  private ProtoTimes() {
  }

  /**
   * Converts an instant.
   *
   * @param instant  the instant
   * @return the timestamp
   */
  public static Timestamp toProto(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /**
   * Converts a timestamp.
   *
   * @param timestamp  the timestamp
   * @return the instant
   */
  public static Instant toInstant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
