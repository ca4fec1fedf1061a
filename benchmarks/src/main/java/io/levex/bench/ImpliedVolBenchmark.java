package io.levex.bench;

import io.levex.core.pricer.Black76OptionPricer;
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
 * B2 ImpliedVol: Black-76 implied vol from discounted prices, Levex side by side with Strata and finmath
 * (performance-benchmarks.md section 6.1). One operation is one solve; each invocation solves {@link #CHUNK}
 * consecutive options. The first 4,096 prices of a set are the stored mpmath prices whose exact implied vols the
 * accuracy gate checks ({@link AccuracyGates#requireImpliedVol}, run before timing; a failing subject is not timed).
 * The forks run with {@code --add-modules jdk.incubator.vector}, so {@code levexBatch} is on the SIMD solver and
 * {@code levexBatchScalar} the same batch on the scalar one.
 * Beyond them (1,048,576 set) prices are made in double precision: core by the Levex pricer at the set's vols,
 * hard-IV as the discounted intrinsic value plus the set's time value.
 * <p>
 * Warm-up: {@code levexBatch} is in steady state (0 B per solve) only once C2 has compiled all of
 * {@code LetsBeRationalVector}'s ~17 pass methods; before that the C1 tiers run the Vector API uncompiled, boxing every
 * vector (up to 2.6 KB and 140 us per solve). On one pinned vCPU shared with other load that took 5 to 13 s in
 * measured forks (the C2 compiles share the CPU with the benchmark thread), so use at least 15 one-second warm-up
 * iterations ({@code run.sh --wi 15}); an iteration with B/op well above 0 is a fork still warming up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR", "--add-modules",
    "jdk.incubator.vector"})
public class ImpliedVolBenchmark {

  /** Solves per invocation. */
  public static final int CHUNK = 4096;

  /** The subject ({@link ImpliedVolSubject#id()}). */
  @Param({"levexBatch", "levexBatchScalar", "levexScalar", "strata", "finmath"})
  public String subject;

  /** The input set: core or hardIv. */
  @Param({"core", "hardIv"})
  public String set;

  /** Options in the set: 4,096 or 1,048,576. */
  @Param({"4096", "1048576"})
  public int size;

  private ImpliedVolSubject solver;
  private OptionInputs inputs;
  private double[] prices;
  private double[] vols;
  private byte[] status;
  private int offset;

  /**
   * Runs the accuracy gate, then builds the inputs.
   */
  @Setup(Level.Trial)
  public void setUp() {
    if (size % CHUNK != 0) {
      throw new IllegalArgumentException("size must be a multiple of " + CHUNK);
    }
    solver = ImpliedVolSubject.of(subject);
    InputSet inputSet = InputSet.of(set);
    System.out.println();
    System.out.println(AccuracyGates.format(AccuracyGates.requireImpliedVol(solver, inputSet)));
    inputs = inputSet.generate(size);
    prices = prices(inputSet, inputs);
    vols = new double[size];
    status = new byte[size];
    offset = 0;
  }

  /**
   * The prices of a set: the stored mpmath prices first, then double-precision ones.
   *
   * @param set  the set
   * @param in  its inputs
   * @return the discounted prices
   */
  static double[] prices(InputSet set, OptionInputs in) {
    int n = in.size();
    double[] p = new double[n];
    double[] stored = Reference.impliedVols(set).price();
    for (int i = 0; i < n; i++) {
      if (i < stored.length) {
        p[i] = stored[i];
      } else if (set == InputSet.HARD_IV) {
        double f = in.forward[i];
        double k = in.strike[i];
        double intrinsic = Math.max(in.call[i] ? f - k : k - f, 0.0);
        p[i] = Math.exp(-in.rate[i] * in.t[i]) * intrinsic + in.timeValueOverForward[i] * f;
      } else {
        p[i] = Black76OptionPricer.DEFAULT.priceUsd(in.call[i], in.forward[i], in.strike[i], in.t[i], in.vol[i],
            in.rate[i]);
      }
    }
    return p;
  }

  /**
   * Solves the next {@link #CHUNK} options.
   */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void impliedVol() {
    int from = offset;
    solver.solve(inputs, prices, from, from + CHUNK, vols, status);
    int next = from + CHUNK;
    offset = next == size ? 0 : next;
  }
}
