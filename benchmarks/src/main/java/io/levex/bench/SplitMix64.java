package io.levex.bench;

/**
 * Steele, Lea and Flood's SplitMix64 generator (the one behind {@code java.util.SplittableRandom}), written out here
 * so that the benchmark inputs are fixed by this file and not by a JDK version.
 */
public final class SplitMix64 {

  private long state;

  /**
   * Creates a generator.
   *
   * @param seed  the seed
   */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /**
   * Next 64 random bits.
   *
   * @return the bits
   */
  public long nextLong() {
    long z = state += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Next double, uniform on [0, 1) with 53 random bits.
   *
   * @return the double
   */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }
}
