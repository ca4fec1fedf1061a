package io.levex.core.scenario;

/**
 * A volatility shift: the shocked implied vol as a function of the current vol and the years to expiry.
 * <p>
 * The expiry dependence lets DTE-scaled shocks (Deribit PM's up/down shocks), parallel shifts and SPAN's vol scan
 * share one type. Implementations must be pure functions (the engine evaluates each shift object once per instrument and
 * reuses the result across scenarios) and thread-safe; the result must be finite and {@code >= 0}.
 */
@FunctionalInterface
public interface VolShift {

  /** No shift. */
  VolShift NONE = (vol, years) -> vol;

  /**
   * Computes the shocked vol.
   *
   * @param vol  the current implied vol, decimal (0.5 = 50%)
   * @param yearsToExpiry  time to expiry, 365-day years, > 0
   * @return the shocked vol, decimal, >= 0
   */
  double shiftedVol(double vol, double yearsToExpiry);

  /**
   * A parallel (additive) shift, floored at 0.
   *
   * @param volDecimal  the shift, decimal (0.05 = +5 vol points)
   * @return the shift
   */
  static VolShift parallel(double volDecimal) {
    return (vol, years) -> Math.max(vol + volDecimal, 0.0);
  }

  /**
   * A relative shift {@code vol x (1 + fraction)}, floored at 0.
   *
   * @param fraction  the relative change (0.25 = vol x 1.25)
   * @return the shift
   */
  static VolShift relative(double fraction) {
    return (vol, years) -> Math.max(vol * (1.0 + fraction), 0.0);
  }
}
