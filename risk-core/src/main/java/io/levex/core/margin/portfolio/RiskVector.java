package io.levex.core.margin.portfolio;

/**
 * A PM risk vector: PnL in the standard table (9 x 3 = 27 entries, price point major, vol up/unchanged/down) and
 * in the extended table (8 entries, already weighted), settlement currency. Immutable (arrays are copied).
 *
 * @param standard  the standard entries
 * @param extended  the extended entries
 */
public record RiskVector(double[] standard, double[] extended) {

  /** Copies the arrays. */
  public RiskVector {
    standard = standard.clone();
    extended = extended.clone();
  }

  @Override
  public double[] standard() {
    return standard.clone();
  }

  @Override
  public double[] extended() {
    return extended.clone();
  }

  /**
   * Gets one entry.
   *
   * @param bucket  the entry
   * @return its PnL
   */
  public double at(PmBucket bucket) {
    return bucket.extended() ? extended[bucket.vectorIndex()] : standard[bucket.vectorIndex()];
  }
}
