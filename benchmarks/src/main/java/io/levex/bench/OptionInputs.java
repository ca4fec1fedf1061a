package io.levex.bench;

/**
 * Inputs of a batch of European options on a forward, structure of arrays (the layout of the risk-core batch API).
 * Prices for implied-vol benchmarks are held separately ({@link IvInputs}).
 */
public final class OptionInputs {

  /** True for calls. */
  public final boolean[] call;
  /** Forwards F, USD per coin. */
  public final double[] forward;
  /** Strikes K, USD per coin. */
  public final double[] strike;
  /** Times to expiry, 365-day years. */
  public final double[] t;
  /** Vols, decimal (NaN in the hard-IV set, which is defined by time values instead). */
  public final double[] vol;
  /** Continuously compounded rates. */
  public final double[] rate;
  /** Hard-IV set only: time value / F of the price (NaN elsewhere). */
  public final double[] timeValueOverForward;

  /**
   * Creates empty arrays.
   *
   * @param n  the number of options
   */
  public OptionInputs(int n) {
    call = new boolean[n];
    forward = new double[n];
    strike = new double[n];
    t = new double[n];
    vol = new double[n];
    rate = new double[n];
    timeValueOverForward = new double[n];
  }

  /**
   * The number of options.
   *
   * @return the size
   */
  public int size() {
    return call.length;
  }
}
