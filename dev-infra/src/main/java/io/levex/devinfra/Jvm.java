package io.levex.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java runtime used to start service processes: the one running this code (levex and the tests select a
 * JDK >= 21 before they start).
 */
public final class Jvm {

  private Jvm() {
  }

  /**
   * Gets the {@code java} executable of the running JVM.
   *
   * @return the path
   */
  public static Path javaExecutable() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (!Files.isExecutable(java)) {
      throw new IllegalStateException("no java executable at " + java);
    }
    return java;
  }
}
