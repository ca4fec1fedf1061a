package io.levex.bench;

import io.levex.core.pricer.Black76Results;
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
 * B1 PriceGreeks: Black-76 price + delta + gamma + vega + theta (discounted), calls and puts, Levex side by side with
 * Strata and finmath (performance-benchmarks.md section 6.1). One operation is one option: each invocation prices
 * {@link #CHUNK} consecutive options, walking through the whole set (so the 1,048,576 set streams from memory while
 * the 4,096 set stays in L1/L2). Before timing, the subject's accuracy gate runs on the stored mpmath reference of
 * the set ({@link AccuracyGates#requirePriceGreeks}); a subject that fails it throws and is not timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR", "--add-modules",
    "jdk.incubator.vector"})
public class PriceGreeksBenchmark {

  /** Options per invocation. */
  public static final int CHUNK = 4096;

  /** The subject ({@link PriceGreeksSubject#id()}). */
  @Param({"levexBatch", "levexBatchScalar", "levexScalar", "strata5calls", "strataAdjoint", "finmath"})
  public String subject;

  /** The input set ({@link InputSet#id()}). */
  @Param({"core", "wings", "short"})
  public String set;

  /** Options in the set: 4,096 (in cache) or 1,048,576 (out of cache). */
  @Param({"4096", "1048576"})
  public int size;

  private PriceGreeksSubject pricer;
  private OptionInputs inputs;
  private Black76Results out;
  private int offset;

  /**
   * Runs the accuracy gate, then generates the inputs.
   */
  @Setup(Level.Trial)
  public void setUp() {
    if (size % CHUNK != 0) {
      throw new IllegalArgumentException("size must be a multiple of " + CHUNK);
    }
    pricer = PriceGreeksSubject.of(subject);
    InputSet inputSet = InputSet.of(set);
    System.out.println();
    System.out.println(AccuracyGates.format(AccuracyGates.requirePriceGreeks(pricer, inputSet)));
    inputs = inputSet.generate(size);
    out = new Black76Results(size);
    offset = 0;
  }

  /**
   * Prices the next {@link #CHUNK} options.
   */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void priceGreeks() {
    int from = offset;
    pricer.compute(inputs, from, from + CHUNK, out);
    int next = from + CHUNK;
    offset = next == size ? 0 : next;
  }
}
