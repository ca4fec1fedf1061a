package io.levex.cli.suite;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines with the elapsed time, e.g. {@code [  3.2s] starting embedded PostgreSQL 17 on 127.0.0.1:55432}.
 */
public final class Progress {

  private final PrintStream out;
  private final long start = System.nanoTime();

  /**
   * Creates a progress printer.
   *
   * @param out  where to print (standard error keeps standard output for results)
   */
  public Progress(PrintStream out) {
    this.out = out;
  }

  /**
   * Prints a step.
   *
   * @param message  the message
   */
  public void step(String message) {
    out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
    out.flush();
  }
}
