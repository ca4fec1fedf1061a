package io.levex.bench;

import io.levex.core.margin.portfolio.PmAccountMargin;
import io.levex.core.pricer.Valuation;
import io.levex.core.scenario.ScenarioEngine;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B4b PMAccount, full book after one market tick: one operation is one tick. The new marks of the 1,600 instruments
 * arrive (two precomputed snapshots, index 68,000 and 68,068, alternate), the cache of instrument risk vectors is
 * rebuilt ({@link PmAccountMargin#of}: 56,000 revaluations on SIMD lanes, 1,600 deltas), then every account is
 * re-margined as a sparse sum of cached rows. Books:
 * <ul>
 * <li>{@code 1Mx10}: 1,000,000 accounts of 1 to 19 distinct positions (mean 10; 10 M positions);</li>
 * <li>{@code zipf10k}: 10,000 accounts with Zipf(1 ... 1,000) positions (exponent 1, mean 134; 1.3 M positions).</li>
 * </ul>
 * {@code threads} = 1 runs in the benchmark thread (one core); 2 re-margins the accounts on a 2-thread
 * {@link ForkJoinPool} (both cores of the build machine; {@code run.sh} does not pin this case). The cache build
 * is single-threaded in both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dslf4j.internal.verbosity=ERROR", "--add-modules",
    "jdk.incubator.vector"})
public class PmBookBenchmark {

  /** Accounts per parallel task. */
  private static final int TASK = 2048;

  /** The book: {@code 1Mx10} or {@code zipf10k}. */
  @Param({"zipf10k", "1Mx10"})
  public String book;

  /** Threads re-margining the accounts: 1 or 2. */
  @Param({"1", "2"})
  public int threads;

  private List<Valuation> tickA;
  private List<Valuation> tickB;
  private boolean flip;
  private PmBook.Accounts accounts;
  private double[] rmm;
  private ForkJoinPool pool;

  /**
   * Generates the book and the two market snapshots.
   */
  @Setup(Level.Trial)
  public void setUp() {
    tickA = PmBook.marks(PmBook.INDEX);
    tickB = PmBook.marks(PmBook.INDEX * 1.001);
    int[] counts = switch (book) {
      case "1Mx10" -> PmBook.uniformCounts(1_000_000, 21);
      case "zipf10k" -> PmBook.zipfCounts(10_000, 1000, 22);
      default -> throw new IllegalArgumentException("unknown book " + book);
    };
    accounts = PmBook.accounts(counts, 23);
    rmm = new double[accounts.count()];
    pool = threads > 1 ? new ForkJoinPool(threads) : null;
    System.out.printf("%nB4b book %s: %d accounts, %d positions, threads %d%n", book, accounts.count(),
        accounts.positions(), threads);
  }

  /** Shuts the pool down. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /**
   * One tick: rebuild the cache, re-margin every account.
   *
   * @return the risk_matrix_margin of the accounts, coin
   * @throws Exception if a task fails
   */
  @Benchmark
  public double[] tick() throws ExecutionException, InterruptedException {
    flip = !flip;
    PmAccountMargin cache = PmAccountMargin.of(flip ? tickA : tickB, PmBook.PARAMS, ScenarioEngine.DEFAULT);
    int n = accounts.count();
    if (pool == null) {
      remargin(cache, 0, n);
    } else {
      int tasks = (n + TASK - 1) / TASK;
      pool.submit(() -> IntStream.range(0, tasks).parallel()
          .forEach(c -> remargin(cache, c * TASK, Math.min(n, (c + 1) * TASK)))).get();
    }
    return rmm;
  }

  private void remargin(PmAccountMargin cache, int from, int to) {
    PmAccountMargin.Workspace ws = cache.workspace();
    int[] off = accounts.offsets();
    int[] rows = accounts.rows();
    double[] units = accounts.units();
    for (int a = from; a < to; a++) {
      rmm[a] = cache.margin(rows, units, off[a], off[a + 1], ws);
    }
  }
}
