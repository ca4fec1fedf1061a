package io.levex.core.scenario;

import java.util.List;

/**
 * Account revaluation as a sparse sum of instrument vectors: {@code PnL_j = sum_i size_i x vector_i[j]}.
 * Stateless.
 */
public final class ScenarioPnl {

  private ScenarioPnl() {
  }

  /**
   * Sums sized vectors.
   *
   * @param vectors  the instrument vectors, all over the same scenario set
   * @param sizes  the sizes, in the units of each vector, same order
   * @return the PnL per scenario, in the vectors' (common) settlement currency
   */
  public static double[] sum(List<InstrumentScenarioVector> vectors, double[] sizes) {
    if (vectors.size() != sizes.length) {
      throw new IllegalArgumentException("vectors and sizes differ in length: " + vectors.size() + " vs " + sizes.length);
    }
    if (vectors.isEmpty()) {
      return new double[0];
    }
    double[] acc = new double[vectors.get(0).size()];
    for (int i = 0; i < sizes.length; i++) {
      vectors.get(i).addTo(acc, sizes[i]);
    }
    return acc;
  }

  /**
   * Sums sized rows of a row-major instrument x scenario matrix (the layout for cached books: one row per
   * instrument, positions as indices into the rows).
   *
   * @param matrix  row-major PnL per unit, {@code rows x scenarios}
   * @param scenarios  the number of scenarios (row length)
   * @param rows  the row of each position
   * @param sizes  the size of each position
   * @param out  the PnL per scenario, overwritten, at least {@code scenarios} long
   */
  public static void sum(double[] matrix, int scenarios, int[] rows, double[] sizes, double[] out) {
    java.util.Arrays.fill(out, 0, scenarios, 0.0);
    for (int i = 0; i < rows.length; i++) {
      int base = rows[i] * scenarios;
      double q = sizes[i];
      for (int j = 0; j < scenarios; j++) {
        out[j] = Math.fma(q, matrix[base + j], out[j]);
      }
    }
  }
}
