package io.levex.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B4a PMGrid: full revaluation of the instrument x scenario grid, 1,600 BTC inverse options x 35 Deribit PM
 * scenarios (27 standard + 8 extended), Levex side by side with a Strata {@code BlackFormulaRepository} loop
 * (performance-benchmarks.md section 6.1). One operation is one instrument x scenario revaluation: an invocation
 * fills the whole grid (56,000 entries). The trial set-up runs the B4a gate first ({@link PmGridGate}); a failing
 * subject is not timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR", "--add-modules",
    "jdk.incubator.vector"})
public class PmGridBenchmark {

  /** Revaluations per invocation: 1,600 x 35. */
  public static final int GRID = 56_000;

  /** The subject ({@link PmGridSubject#id()}). */
  @Param({"levexVector", "levexScalar", "strata"})
  public String subject;

  private PmGridSubject sut;
  private PmGridSubject.Grid grid;
  private double[] out;

  /**
   * Runs the accuracy gate, then allocates the output.
   */
  @Setup(Level.Trial)
  public void setUp() {
    sut = PmGridSubject.of(subject);
    grid = PmGridSubject.Grid.get();
    if (grid.rows * grid.scenarios != GRID) {
      throw new IllegalStateException("grid is " + grid.rows + " x " + grid.scenarios);
    }
    System.out.println();
    System.out.println(PmGridGate.format(PmGridGate.require(sut)));
    out = new double[GRID];
  }

  /**
   * Revalues the grid.
   *
   * @return the output matrix
   */
  @Benchmark
  @OperationsPerInvocation(GRID)
  public double[] grid() {
    sut.fill(grid, out);
    return out;
  }
}
