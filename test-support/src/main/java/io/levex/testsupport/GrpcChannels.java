package io.levex.testsupport;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;

/**
 * Plain gRPC channels to a service under test (the same transport any generic client uses).
 */
public final class GrpcChannels {

  private GrpcChannels() {
  }

  /**
   * Opens a plaintext channel to a loopback port.
   *
   * @param port  the service's port (gRPC shares the HTTP port)
   * @return the channel; close it with {@link #close(ManagedChannel)}
   */
  public static ManagedChannel open(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  /**
   * Shuts a channel down.
   *
   * @param channel  the channel
   */
  public static void close(ManagedChannel channel) {
    if (channel == null) {
      return;
    }
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
