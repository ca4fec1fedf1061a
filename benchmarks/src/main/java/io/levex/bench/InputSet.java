package io.levex.bench;

/**
 * The deterministic input sets of docs/benchmarks.md (performance-benchmarks.md section 6.0, rule 4), drawn from
 * {@link SplitMix64} with a fixed seed per set.
 * <p>
 * Every option draws six uniforms u1..u6 in this order, whatever the set: the forward, the log-moneyness, the time
 * to expiry, the vol (or, for {@link #HARD_IV}, the time value), the rate and the call/put flag. The transforms use
 * {@link StrictMath} so that the inputs are the same doubles on every JVM; the stored mpmath references
 * ({@code reference/bench_*.csv}) are for exactly these doubles, and {@link Reference} checks that they still match.
 * The first n options of a set do not depend on the size asked for, so the 4,096-option reference also covers the
 * first 4,096 options of the 1,048,576 set.
 */
public enum InputSet {

  /** Section 1.2: F 60,000 +- 10%, ln(F/K) in [-0.5, 0.5], T 1-365 days, vol 30%-120%, r 0-5%, 50% calls. */
  CORE("core", 42L),
  /** As core, but |ln(F/K)| up to 3 and vol log-uniform from 5% to 300%. */
  WINGS("wings", 43L),
  /** As core, but T log-uniform from 1 hour to 2 days. */
  SHORT("short", 44L),
  /**
   * Implied vol only: as core, T log-uniform from 1 hour to 30 days, and instead of a vol a time value log-uniform from
   * 1e-12 F to 1e-6 F (the price is the discounted intrinsic value plus that time value).
   */
  HARD_IV("hardIv", 45L);

  /** Days per year of the time to expiry (Levex convention). */
  public static final double DAYS_PER_YEAR = 365.0;

  private final String id;
  private final long seed;

  InputSet(String id, long seed) {
    this.id = id;
    this.seed = seed;
  }

  /**
   * The name used in JMH parameters and file names.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The seed of the set's generator.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Finds a set by its id.
   *
   * @param id  the id, e.g. "core"
   * @return the set
   */
  public static InputSet of(String id) {
    for (InputSet s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown input set: " + id);
  }

  /**
   * Generates the first n options of the set.
   *
   * @param n  the number of options
   * @return the inputs
   */
  public OptionInputs generate(int n) {
    OptionInputs in = new OptionInputs(n);
    SplitMix64 rng = new SplitMix64(seed);
    for (int i = 0; i < n; i++) {
      double u1 = rng.nextDouble();
      double u2 = rng.nextDouble();
      double u3 = rng.nextDouble();
      double u4 = rng.nextDouble();
      double u5 = rng.nextDouble();
      double u6 = rng.nextDouble();
      double f = 60_000.0 * (0.9 + 0.2 * u1);
      double maxLogMoneyness = this == WINGS ? 3.0 : 0.5;
      double logMoneyness = maxLogMoneyness * (2.0 * u2 - 1.0); // ln(F/K)
      double t;
      if (this == SHORT) {
        t = StrictMath.pow(48.0, u3) / (24.0 * DAYS_PER_YEAR);
      } else if (this == HARD_IV) {
        t = StrictMath.pow(720.0, u3) / (24.0 * DAYS_PER_YEAR);
      } else {
        t = (1.0 + 364.0 * u3) / DAYS_PER_YEAR;
      }
      in.call[i] = u6 < 0.5;
      in.forward[i] = f;
      in.strike[i] = f * StrictMath.exp(-logMoneyness);
      in.t[i] = t;
      in.rate[i] = 0.05 * u5;
      if (this == HARD_IV) {
        in.vol[i] = Double.NaN;
        in.timeValueOverForward[i] = StrictMath.pow(10.0, -12.0 + 6.0 * u4);
      } else {
        in.vol[i] = this == WINGS ? 0.05 * StrictMath.pow(60.0, u4) : 0.3 + 0.9 * u4;
        in.timeValueOverForward[i] = Double.NaN;
      }
    }
    return in;
  }
}
