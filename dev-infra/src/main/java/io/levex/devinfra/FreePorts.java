package io.levex.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds free TCP ports on the loopback interface.
 */
public final class FreePorts {

  private FreePorts() {
  }

  /**
   * Finds a port that is free now.
   *
   * @return the port
   */
  public static int find() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Whether a port is free on the loopback interface.
   *
   * @param port  the port
   * @return true when a server socket could bind to it
   */
  public static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException ex) {
      return false;
    }
  }
}
