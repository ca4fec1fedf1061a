package io.levex.bench;

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
 * B3 SurfaceBuild: one BTC vol surface from the recorded Deribit chain (630 rows, 12 expiries), Levex side by side
 * with Strata (performance-benchmarks.md section 6.1). One operation is one surface, or one stage of it:
 * <ul>
 * <li>{@code surface}: the whole pipeline, 630 implied vols, 12 smile fits (268 quotes) and the surface evaluated
 * at the 12 x 50 grid ({@link SurfaceBuildSubject#surface});</li>
 * <li>{@code iv}: the 630 implied vols only;</li>
 * <li>{@code fit}: the fits only, from the subject's vols solved in the set-up (levex: the array entry point of
 * {@code VolSurfaceBuilder.build}, which includes the forward curve and quote selection, then the static-arbitrage
 * checks; strata: selection and {@code SabrModelFitter} per expiry);</li>
 * <li>{@code grid}: from the fitted smiles of the set-up, the surface object and its 600 grid vols (levex:
 * {@code VolSurface.impliedVol}; strata: SABR node vols, {@code InterpolatedNodalSurface}, {@code zValue}).</li>
 * </ul>
 * The trial set-up runs the subject's B3 accuracy gate ({@link SurfaceGate#require}) first; a failing subject is not
 * timed.
 * <p>
 * Warm-up: 30 iterations of 1 s. On one pinned vCPU (the compiler threads share it) both pipelines keep getting
 * faster for 15-30 s, since C2 has much code to compile (commons-math's Levenberg-Marquardt, Strata's optimiser and
 * matrix classes): with 1-3 s of warm-up the numbers are 3-10 times the steady state. {@code run.sh} runs B3 in its
 * own JMH invocation with {@code -wi 30} ({@code --b3-wi}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 30, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR", "--add-modules",
    "jdk.incubator.vector"})
public class SurfaceBuildBenchmark {

  /** The subject ({@link SurfaceBuildSubject#id()}). */
  @Param({"levex", "strata", "strataWideNu"})
  public String subject;

  /** The stage: surface (all), iv, fit or grid. */
  @Param({"surface", "iv", "fit", "grid"})
  public String stage;

  private SurfaceBuildSubject pipeline;
  private SurfaceChain chain;
  private int stageCode;
  private double[] vol;
  private byte[] status;
  private double[] solvedVol;
  private byte[] solvedStatus;
  private Object fitted;
  private double[] grid;

  /**
   * Runs the accuracy gate, then prepares the inputs of the stage.
   */
  @Setup(Level.Trial)
  public void setUp() {
    pipeline = SurfaceBuildSubject.of(subject);
    stageCode = switch (stage) {
      case "surface" -> 0;
      case "iv" -> 1;
      case "fit" -> 2;
      case "grid" -> 3;
      default -> throw new IllegalArgumentException("unknown B3 stage: " + stage);
    };
    chain = SurfaceChain.get();
    System.out.println();
    System.out.println(SurfaceGate.format(SurfaceGate.require(pipeline)));
    vol = new double[chain.size];
    status = new byte[chain.size];
    solvedVol = new double[chain.size];
    solvedStatus = new byte[chain.size];
    pipeline.impliedVols(chain, solvedVol, solvedStatus);
    fitted = pipeline.fit(chain, solvedVol, solvedStatus);
    grid = new double[chain.gridT.length];
  }

  /**
   * One surface, or one stage of it.
   *
   * @return the stage's result (the surface object, the fitted smiles, or the vols)
   */
  @Benchmark
  public Object surfaceBuild() {
    return switch (stageCode) {
      case 0 -> pipeline.surface(chain, vol, status, grid);
      case 1 -> {
        pipeline.impliedVols(chain, vol, status);
        yield vol;
      }
      case 2 -> pipeline.fit(chain, solvedVol, solvedStatus);
      default -> pipeline.grid(chain, fitted, grid);
    };
  }
}
