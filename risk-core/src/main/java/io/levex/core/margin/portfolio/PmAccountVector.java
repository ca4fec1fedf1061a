package io.levex.core.margin.portfolio;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD sparse sum of {@link PmAccountMargin}: {@code acc += q x row} over whole vectors of a padded row. Rows
 * of up to five vectors (40 entries on 8 lanes: the Deribit PM set) keep the accumulator in vector registers for the
 * whole account (loaded once, stored once); longer rows load and store it per row. Loaded only when the Vector API
 * module is present.
 */
final class PmAccountVector {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  /** The lanes; the row stride must be a multiple of it. */
  static final int LANES = SPECIES.length();

  private PmAccountVector() {
  }

  static void accumulate(double[] matrix, int stride, int[] rows, double[] units, int from, int to, double[] acc) {
    if (stride == 5 * LANES) {
      accumulate5(matrix, rows, units, from, to, acc);
      return;
    }
    for (int p = from; p < to; p++) {
      int base = rows[p] * stride;
      DoubleVector q = DoubleVector.broadcast(SPECIES, units[p]);
      for (int j = 0; j < stride; j += LANES) {
        q.fma(DoubleVector.fromArray(SPECIES, matrix, base + j), DoubleVector.fromArray(SPECIES, acc, j))
            .intoArray(acc, j);
      }
    }
  }

  // five accumulator vectors in registers; same fma order per entry as the generic loop (bit-identical sums)
  private static void accumulate5(double[] matrix, int[] rows, double[] units, int from, int to, double[] acc) {
    final int l = LANES;
    final int w = 5 * l;
    DoubleVector a0 = DoubleVector.fromArray(SPECIES, acc, 0);
    DoubleVector a1 = DoubleVector.fromArray(SPECIES, acc, l);
    DoubleVector a2 = DoubleVector.fromArray(SPECIES, acc, 2 * l);
    DoubleVector a3 = DoubleVector.fromArray(SPECIES, acc, 3 * l);
    DoubleVector a4 = DoubleVector.fromArray(SPECIES, acc, 4 * l);
    for (int p = from; p < to; p++) {
      int base = rows[p] * w;
      DoubleVector q = DoubleVector.broadcast(SPECIES, units[p]);
      a0 = q.fma(DoubleVector.fromArray(SPECIES, matrix, base), a0);
      a1 = q.fma(DoubleVector.fromArray(SPECIES, matrix, base + l), a1);
      a2 = q.fma(DoubleVector.fromArray(SPECIES, matrix, base + 2 * l), a2);
      a3 = q.fma(DoubleVector.fromArray(SPECIES, matrix, base + 3 * l), a3);
      a4 = q.fma(DoubleVector.fromArray(SPECIES, matrix, base + 4 * l), a4);
    }
    a0.intoArray(acc, 0);
    a1.intoArray(acc, l);
    a2.intoArray(acc, 2 * l);
    a3.intoArray(acc, 3 * l);
    a4.intoArray(acc, 4 * l);
  }

  /** {@code dst[d ... d + n) += q x src[s ... s + n)}, n a multiple of {@link #LANES}. */
  static void axpy(double q, double[] src, int s, double[] dst, int d, int n) {
    DoubleVector qv = DoubleVector.broadcast(SPECIES, q);
    for (int j = 0; j < n; j += LANES) {
      qv.fma(DoubleVector.fromArray(SPECIES, src, s + j), DoubleVector.fromArray(SPECIES, dst, d + j))
          .intoArray(dst, d + j);
    }
  }
}
