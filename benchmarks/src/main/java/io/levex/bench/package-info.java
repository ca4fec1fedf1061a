/**
 * JMH benchmarks of the risk-core pricing kernels side by side with OpenGamma Strata and finmath-lib
 * (docs/benchmarks.md; definitions in performance-benchmarks.md section 6).
 * <p>
 * Structure, one JMH class per comparison: the subjects are {@code @Param} values of that class and share its
 * {@code @State} inputs, forks, JVM flags and pinning, so a report shows their ratios directly.
 * <ul>
 * <li>{@link io.levex.bench.PriceGreeksBenchmark} (B1) over {@link io.levex.bench.PriceGreeksSubject};</li>
 * <li>{@link io.levex.bench.ImpliedVolBenchmark} (B2) over {@link io.levex.bench.ImpliedVolSubject};</li>
 * <li>{@link io.levex.bench.SurfaceBuildBenchmark} (B3) over {@link io.levex.bench.SurfaceBuildSubject} (Levex SVI
 * pipeline; Strata {@code SabrModelFitter} + {@code InterpolatedNodalSurface} with {@code GridSurfaceInterpolator},
 * as shipped and with a wider nu bound) and its stages, on the recorded chain {@link io.levex.bench.SurfaceChain};
 * gate {@link io.levex.bench.SurfaceGate} (fit RMSE per slice, same quotes, IV agreement);</li>
 * <li>inputs: {@link io.levex.bench.InputSet} (deterministic seeds), references {@link io.levex.bench.Reference}
 * (stored mpmath values, {@code src/main/resources/reference/PROVENANCE.md}); gates
 * {@link io.levex.bench.AccuracyGates}, run in each benchmark's trial set-up before timing;</li>
 * <li>{@link io.levex.bench.ResultsChecker} reads the JMH JSON, prints ratios and allocation and checks the
 * targets.</li>
 * </ul>
 */
package io.levex.bench;
