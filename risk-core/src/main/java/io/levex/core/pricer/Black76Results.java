package io.levex.core.pricer;

/**
 * Output buffers of {@link Black76BatchPricer}: one array per measure (structure of arrays), per long option on
 * one coin of underlying.
 * <p>
 * Deliberately mutable and reusable, unlike Levex's other values: batch revaluation (portfolio margin, stress,
 * VaR) prices millions of options per second and must not allocate per option. Not thread-safe; use one instance
 * per thread.
 */
public final class Black76Results {

  /** Discounted Black-76 value, USD per option (coin value = priceUsd / F). */
  public final double[] priceUsd;
  /** dV/dF, dimensionless. */
  public final double[] delta;
  /** d2V/dF2, per USD of forward. */
  public final double[] gammaPerUsd;
  /** dV/dsigma / 100, USD per vol point. */
  public final double[] vegaUsdPerVolPoint;
  /** dV/dt with F fixed / 365, USD per calendar day. */
  public final double[] thetaUsdPerDay;
  /** dV/dr with F fixed (= -T V), USD per 1.00 of rate. */
  public final double[] rhoUsdPerUnitRate;
  /** d2V/dF dsigma, per 1.00 of vol. */
  public final double[] vannaPerUnitVol;
  /** d2V/dsigma2, USD per (1.00 of vol) squared. */
  public final double[] volgaUsdPerUnitVolSquared;
  /** delta - V/F: premium-adjusted delta, coin per option. */
  public final double[] deltaPremiumAdjustedCoin;
  /** d2(V/F)/dF2, coin per USD squared. */
  public final double[] gammaCoinPerUsd;

  /** Working arrays of the kernels, created on first use and reused (so a batch allocates nothing). */
  final double[] scratch = new double[io.levex.core.pricer.impl.Black76Formula.SIZE];
  Object vectorScratch;

  /**
   * Creates buffers.
   *
   * @param capacity  the number of options they hold
   */
  public Black76Results(int capacity) {
    priceUsd = new double[capacity];
    delta = new double[capacity];
    gammaPerUsd = new double[capacity];
    vegaUsdPerVolPoint = new double[capacity];
    thetaUsdPerDay = new double[capacity];
    rhoUsdPerUnitRate = new double[capacity];
    vannaPerUnitVol = new double[capacity];
    volgaUsdPerUnitVolSquared = new double[capacity];
    deltaPremiumAdjustedCoin = new double[capacity];
    gammaCoinPerUsd = new double[capacity];
  }

  /**
   * Gets the number of options the buffers hold.
   *
   * @return the capacity
   */
  public int capacity() {
    return priceUsd.length;
  }
}
