package io.levex.core.margin.portfolio;

/**
 * One entry of a PM risk vector, described the way Deribit's {@code worst_case_bucket} does.
 *
 * @param label  readable, e.g. {@code -16% / vol up} or {@code +500% / vol up (extended)}
 * @param source  {@code standard} or {@code extended}
 * @param bucket  1-based: standard 1..(2 buckets_count + 1) from the most negative price point; extended 1..8
 * @param side  {@code left} (move < 0), {@code right} (move > 0) or {@code center} (move 0)
 * @param index  1-based vol scenario within the price point (standard: 1 up, 2 unchanged, 3 down; extended: 1)
 * @param vectorIndex  0-based position in its vector (standard: 0..26, extended: 0..7)
 * @param move  the relative price move, decimal
 * @param vol  the vol scenario
 * @param weight  the weight applied to the instrument PnL (standard 1; extended: see
 *     {@link DeribitVolShock#extendedWeight})
 */
public record PmBucket(
    String label, String source, int bucket, String side, int index, int vectorIndex, double move, PmVolScenario vol,
    double weight) {

  /** The source name of the standard table. */
  public static final String STANDARD = "standard";
  /** The source name of the extended table. */
  public static final String EXTENDED = "extended";

  /**
   * Whether this entry is in the extended table.
   *
   * @return true for extended
   */
  public boolean extended() {
    return EXTENDED.equals(source);
  }
}
