package io.levex.core.margin.portfolio;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD sparse sum of {@link PmAccountMargin}: {@code acc += q x row} over whole vectors of a padded row. Loaded
 * only when the Vector API module is present.
 */
final class PmAccountVector {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  /** The lanes; the row stride must be a multiple of it. */
  static final int LANES = SPECIES.length();

  private PmAccountVector() {
  }

  static void accumulate(double[] matrix, int stride, int[] rows, double[] units, int from, int to, double[] acc) {
    for (int p = from; p < to; p++) {
      int base = rows[p] * stride;
      DoubleVector q = DoubleVector.broadcast(SPECIES, units[p]);
      for (int j = 0; j < stride; j += LANES) {
        q.fma(DoubleVector.fromArray(SPECIES, matrix, base + j), DoubleVector.fromArray(SPECIES, acc, j))
            .intoArray(acc, j);
      }
    }
  }
}
