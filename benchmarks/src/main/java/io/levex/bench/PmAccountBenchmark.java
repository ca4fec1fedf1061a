package io.levex.bench;

import io.levex.core.margin.portfolio.PmAccountMargin;
import io.levex.core.scenario.ScenarioEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B4b PMAccount, per-account latency: Deribit PM (IM/MM with roll shock, delta shock, dampener and pnl_offset) of one
 * account of 1,000 BTC option positions over the 10 expiries of the B4 chain, from the cached instrument risk
 * vectors of the tick ({@link PmAccountMargin}). JMH sample mode: the distribution of single calls (p50, p99,
 * p99.9 in the JSON). The cache is built in the set-up and checked against the calculator there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR", "--add-modules",
    "jdk.incubator.vector"})
public class PmAccountBenchmark {

  /** Positions in the account. */
  public static final int POSITIONS = 1000;

  private PmAccountMargin cache;
  private PmAccountMargin.Workspace ws;
  private PmBook.Accounts account;

  /**
   * Builds the tick's cache and the account, and runs the B4b gate (the account's margin equals the calculator's).
   */
  @Setup(Level.Trial)
  public void setUp() {
    cache = PmAccountMargin.of(PmBook.marks(PmBook.INDEX), PmBook.PARAMS, ScenarioEngine.DEFAULT);
    ws = cache.workspace();
    account = PmBook.accounts(new int[] {POSITIONS}, 11);
    System.out.println();
    System.out.println(PmBookGate.format(PmBookGate.require()));
  }

  /**
   * One account's margin.
   *
   * @return risk_matrix_margin, coin
   */
  @Benchmark
  public double account() {
    return cache.margin(account.rows(), account.units(), 0, POSITIONS, ws);
  }
}
