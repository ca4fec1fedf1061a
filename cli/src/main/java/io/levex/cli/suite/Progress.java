package io.levex.cli.suite;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress lines with the elapsed time, e.g. {@code [  3.2s] starting embedded PostgreSQL 17 on 127.0.0.1:55432}.
 */
public final class Progress {

  private final PrintWriter out;
  private final long start = System.nanoTime();

  /**
   * Creates a progress printer.
   *
   * @param out  where to print (standard error keeps standard output for results)
   */
  public Progress(PrintStream out) {
    this(new PrintWriter(out, true));
  }

  /**
   * Creates a progress printer on a writer (e.g. picocli's {@code getErr()}).
   *
   * @param out  where to print (standard error keeps standard output for results)
   */
  public Progress(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints a step.
   *
   * @param message  the message
   */
  public void step(String message) {
    out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsedSeconds(), message);
    out.flush();
  }

  /**
   * Gets the time since this printer was created.
   *
   * @return the elapsed time, seconds
   */
  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
