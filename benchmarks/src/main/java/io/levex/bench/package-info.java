/**
 * JMH benchmarks of the risk-core pricing kernels side by side with OpenGamma Strata and finmath-lib
 * (docs/benchmarks.md; definitions in performance-benchmarks.md section 6).
 * <p>
 * Structure, one JMH class per comparison: the subjects are {@code @Param} values of that class and share its
 * {@code @State} inputs, forks, JVM flags and pinning, so a report shows their ratios directly.
 * <ul>
 * <li>{@link io.levex.bench.PriceGreeksBenchmark} (B1) over {@link io.levex.bench.PriceGreeksSubject};</li>
 * <li>{@link io.levex.bench.ImpliedVolBenchmark} (B2) over {@link io.levex.bench.ImpliedVolSubject};</li>
 * <li>inputs: {@link io.levex.bench.InputSet} (deterministic seeds), references {@link io.levex.bench.Reference}
 * (stored mpmath values, {@code src/main/resources/reference/PROVENANCE.md}); gates
 * {@link io.levex.bench.AccuracyGates}, run in each benchmark's trial set-up before timing;</li>
 * <li>{@link io.levex.bench.ResultsChecker} reads the JMH JSON, prints ratios and allocation and checks the
 * targets.</li>
 * </ul>
 * <b>Extension point, B3 SurfaceBuild</b> (not implemented: it needs {@code io.levex.core.market.surface}, which does
 * not exist yet). Add it the same way: a {@code SurfaceBuildSubject} enum (Levex SVI pipeline; Strata
 * {@code SabrModelFitter} + {@code GridSurfaceInterpolator} on the same slices), a reference of the recorded chain
 * snapshot with the fit RMSE as its gate, a {@code SurfaceBuildBenchmark} with {@code @Param subject}, and a "B3"
 * section in {@link io.levex.bench.ResultsChecker} (target: at least 10x the Strata pipeline, at most 1 ms per
 * surface).
 */
package io.levex.bench;
