package io.levex.bench;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.liquidation.LiquidationAnalyzer;
import io.levex.core.margin.liquidation.LiquidationSettings;
import io.levex.core.margin.liquidation.MarginView;
import io.levex.core.margin.liquidation.ModelMarginShift;
import io.levex.core.margin.portfolio.PmAccountMargin;
import io.levex.core.margin.portfolio.PmLiquidationGrid;
import io.levex.core.pricer.Valuation;
import io.levex.core.scenario.ScenarioEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * B4b PMAccount, liquidation price: the index levels at which an account's margin balance equals its MM (Deribit PM,
 * BTC segregated), from the per-tick node cache {@link PmLiquidationGrid} over the 1,600-option B4 chain (321 nodes
 * over -99% ... +1000%, the range of {@code LiquidationSettings.DEFAULT}). JMH sample mode, one op = all liquidation
 * levels of one account. {@code book = zipf10k}: the accounts of the 10,000-account Zipf book taken in turn (the
 * distribution over the book); {@code book = 1000}: the 1,000-position account of {@link PmAccountBenchmark}. Cash
 * per account: MM x (1.2 ... 2.2) minus the option value (a margin ratio of 120-220%, so that levels exist). Gate in
 * the set-up: 3 small Zipf accounts against {@code LiquidationAnalyzer} over {@code ModelMarginShift} (the exact
 * reference, 4,001 calculator runs each).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR", "--add-modules",
    "jdk.incubator.vector"})
public class PmLiquidationBenchmark {

  /** Nodes of the grid. */
  public static final int NODES = 321;
  /** Every how many nodes the first pass samples. */
  public static final int COARSE = 8;
  /** Gate: |ln(1 + m_fast) - ln(1 + m_exact)| per level. */
  public static final double GATE_U = 1e-4;

  /** The accounts timed. */
  @Param({"zipf10k", "1000"})
  public String book;

  private PmLiquidationGrid grid;
  private PmLiquidationGrid.Workspace ws;
  private PmBook.Accounts accounts;
  private double[] cash;
  private int next;

  /** Builds the tick's node cache, the accounts and their cash, and runs the gate. */
  @Setup(Level.Trial)
  public void setUp() {
    List<Valuation> marks = PmBook.marks(PmBook.INDEX);
    LiquidationSettings s = LiquidationSettings.DEFAULT;
    long t0 = System.nanoTime();
    grid = PmLiquidationGrid.of(marks, PmBook.PARAMS, ScenarioEngine.DEFAULT, s.minMove(), s.maxMove(), NODES, COARSE);
    long t1 = System.nanoTime();
    ws = grid.workspace();
    accounts = book.equals("1000")
        ? PmBook.accounts(new int[] {PmAccountBenchmark.POSITIONS}, 11)
        : PmBook.accounts(PmBook.zipfCounts(10_000, 1000, 22), 23);
    PmAccountMargin now = PmAccountMargin.of(marks, PmBook.PARAMS, ScenarioEngine.DEFAULT);
    PmAccountMargin.Workspace nws = now.workspace();
    SplitMix64 rnd = new SplitMix64(3);
    cash = new double[accounts.count()];
    int levels = 0;
    for (int a = 0; a < accounts.count(); a++) {
      int from = accounts.offsets()[a];
      int to = accounts.offsets()[a + 1];
      double mm = now.mmFactor() * now.margin(accounts.rows(), accounts.units(), from, to, nws);
      double value = 0;
      for (int p = from; p < to; p++) {
        value += accounts.units()[p] * marks.get(accounts.rows()[p]).price();
      }
      cash[a] = mm * (1.2 + rnd.nextDouble()) - value;
      levels += grid.liquidationMoves(accounts.rows(), accounts.units(), from, to, cash[a], ws).length;
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "PmLiquidationBenchmark: node cache of %d instruments x %d nodes built in %.0f ms;"
        + " %d accounts, %d liquidation levels%n", marks.size(), NODES, (t1 - t0) / 1e6, accounts.count(), levels);
    System.out.println(gate(marks));
  }

  private String gate(List<Valuation> marks) {
    double max = 0;
    int checked = 0;
    int levels = 0;
    for (int a = 0; a < accounts.count() && checked < 3; a++) {
      int from = accounts.offsets()[a];
      int to = accounts.offsets()[a + 1];
      if (to - from > 5) {
        continue;
      }
      List<MarginPosition> positions = new ArrayList<>();
      for (int p = from; p < to; p++) {
        Valuation m = marks.get(accounts.rows()[p]);
        positions.add(new MarginPosition(m.instrument(), accounts.units()[p], 0, m));
      }
      MarginAccount account = MarginAccount.of(positions, Map.of(Asset.BTC, cash[a]), Map.of(Asset.BTC, PmBook.INDEX));
      ModelMarginShift exact = ModelMarginShift.of(account, PmBook.PARAMS, MarginView.segregated(Asset.BTC));
      List<Double> expected = LiquidationAnalyzer.liquidationMoves(m -> exact.at(Asset.BTC, m, 0.0).excess(),
          LiquidationSettings.DEFAULT);
      double[] actual = grid.liquidationMoves(accounts.rows(), accounts.units(), from, to, cash[a], ws);
      if (actual.length != expected.size()) {
        throw new IllegalStateException("B4b liquidation gate FAILED: account " + a + " has " + actual.length
            + " levels, the reference " + expected.size() + ": " + java.util.Arrays.toString(actual) + " vs " + expected);
      }
      for (int i = 0; i < actual.length; i++) {
        max = Math.max(max, Math.abs(Math.log1p(actual[i]) - Math.log1p(expected.get(i))));
      }
      levels += actual.length;
      checked++;
    }
    if (!(max <= GATE_U)) {
      throw new IllegalStateException("B4b liquidation gate FAILED: max |du| " + max + " > " + GATE_U);
    }
    return String.format(Locale.ROOT, "B4b liquidation gate: %d accounts, %d levels vs LiquidationAnalyzer +"
        + " ModelMarginShift, max |d ln(1+m)| %.2e (gate <= %.0e): PASS", checked, levels, max, GATE_U);
  }

  /**
   * The liquidation levels of the next account.
   *
   * @return the number of levels
   */
  @Benchmark
  public int liquidation() {
    int a = next;
    next = a + 1 == accounts.count() ? 0 : a + 1;
    return grid.liquidationMoves(accounts.rows(), accounts.units(), accounts.offsets()[a], accounts.offsets()[a + 1],
        cash[a], ws).length;
  }
}
