package io.levex.core.market.surface;

import io.levex.core.basics.Asset;
import io.levex.core.basics.YearFractions;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.ForwardCurve;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An implied-volatility surface of one underlying: one SVI slice per expiry plus the forward curve.
 * <p>
 * <b>Interpolation</b> at time to expiry {@code t} (365-day years) and strike K (USD per coin): the log-moneyness
 * {@code k = ln(K / F(t))} uses the {@link ForwardCurve}; total variance {@code w = vol^2 t} (years x vol^2) is
 * <ul>
 * <li>at a slice expiry, the slice's {@code w_i(k)} (exactly the slice vol);</li>
 * <li>between two slices, linear in t at fixed k:
 * {@code w = w_i(k) + (t - T_i)/(T_{i+1} - T_i) (w_{i+1}(k) - w_i(k))};</li>
 * <li>before the first slice, the first slice's <b>vol</b> at the same k ({@code w = w_1(k) t / T_1});</li>
 * <li>after the last slice, the last slice's vol at the same k ({@code w = w_n(k) t / T_n}).</li>
 * </ul>
 * Both extrapolations keep w increasing in t, so they add no calendar arbitrage; between slices linear
 * interpolation is calendar-free wherever the slices are ({@link #arbitrageViolations()}).
 * <p>
 * The static-arbitrage checks ({@link ArbitrageChecks#check}) are reported, not thrown. They are run lazily, on the
 * first {@link #arbitrageViolations()} call, once per surface (thread-safe; the result is the same as running them at
 * creation): a surface that is only read for vols does not pay for them. Immutable and thread-safe.
 */
public final class VolSurface {

  private final Asset underlying;
  private final Instant valuation;
  private final ForwardCurve forwardCurve;
  private final List<SviSlice> slices;
  private final double[] times;
  private final List<SkippedSlice> skipped;
  /** The arbitrage checks' result, computed on first use under {@link #lock}. */
  private volatile List<ArbitrageViolation> violations;
  private final Object lock = new Object();

  private VolSurface(Asset underlying, Instant valuation, ForwardCurve forwardCurve, List<SviSlice> slices,
      List<SkippedSlice> skipped) {
    this.underlying = underlying;
    this.valuation = valuation;
    this.forwardCurve = forwardCurve;
    this.slices = slices;
    this.times = slices.stream().mapToDouble(SviSlice::timeToExpiry).toArray();
    this.skipped = skipped;
  }

  /**
   * Creates a surface (the arbitrage checks run on the first {@link #arbitrageViolations()} call).
   *
   * @param underlying  the coin
   * @param valuation  the valuation instant
   * @param forwardCurve  the forward curve of the underlying at the same valuation instant
   * @param slices  at least one slice, strictly increasing expiries after the valuation; each slice's T must be
   *     {@code YearFractions.between(valuation, expiry)} and its forward the curve's forward at its expiry
   * @param skipped  the expiries not fitted, with reasons
   * @return the surface
   * @throws InvalidInputException INVALID_ARGUMENT naming the slice field that is inconsistent
   */
  public static VolSurface of(
      Asset underlying, Instant valuation, ForwardCurve forwardCurve, List<SviSlice> slices, List<SkippedSlice> skipped) {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuation, "valuation");
    Objects.requireNonNull(forwardCurve, "forwardCurve");
    List<SviSlice> copy = List.copyOf(slices);
    if (!forwardCurve.underlying().equals(underlying)) {
      throw InvalidInputException.invalid("forward_curve.underlying", forwardCurve.underlying(), "must be " + underlying);
    }
    if (!forwardCurve.valuation().equals(valuation)) {
      throw InvalidInputException.invalid("forward_curve.valuation", forwardCurve.valuation(), "must be " + valuation);
    }
    if (copy.isEmpty()) {
      throw InvalidInputException.invalid("slices", "[]", "must hold at least one slice");
    }
    for (int i = 0; i < copy.size(); i++) {
      SviSlice s = copy.get(i);
      String field = "slices[" + i + "]";
      if (i > 0 && !s.expiry().isAfter(copy.get(i - 1).expiry())) {
        throw InvalidInputException.invalid(field + ".expiry", s.expiry(),
            "must be after the previous slice's " + copy.get(i - 1).expiry());
      }
      double t = YearFractions.between(valuation, s.expiry());
      if (Math.abs(s.timeToExpiry() - t) > 1e-12 * Math.max(t, 1.0)) {
        throw InvalidInputException.invalid(field + ".time_to_expiry_years", Checks.format(s.timeToExpiry()),
            "must be the time from " + valuation + " to " + s.expiry() + ", " + Checks.format(t));
      }
      double f = forwardCurve.forward(s.expiry());
      if (Math.abs(s.forwardUsd() - f) > 1e-12 * f) {
        throw InvalidInputException.invalid(field + ".forward_usd", Checks.format(s.forwardUsd()),
            "must be the forward curve's " + Checks.format(f) + " at " + s.expiry());
      }
    }
    return new VolSurface(underlying, valuation, forwardCurve, copy, List.copyOf(skipped));
  }

  //-------------------------------------------------------------------------
  /**
   * Gets the underlying.
   *
   * @return the coin
   */
  public Asset underlying() {
    return underlying;
  }

  /**
   * Gets the valuation instant.
   *
   * @return the instant
   */
  public Instant valuation() {
    return valuation;
  }

  /**
   * Gets the forward curve.
   *
   * @return the curve
   */
  public ForwardCurve forwardCurve() {
    return forwardCurve;
  }

  /**
   * Gets the slices.
   *
   * @return the slices, by increasing expiry; unmodifiable
   */
  public List<SviSlice> slices() {
    return slices;
  }

  /**
   * Gets the slice of an expiry.
   *
   * @param expiry  the expiry instant
   * @return the slice, empty if the expiry has none
   */
  public Optional<SviSlice> slice(Instant expiry) {
    return slices.stream().filter(s -> s.expiry().equals(expiry)).findFirst();
  }

  /**
   * Gets the expiries that had quotes but no slice.
   *
   * @return the skipped expiries with reasons; unmodifiable
   */
  public List<SkippedSlice> skipped() {
    return skipped;
  }

  /**
   * Gets the static-arbitrage violations of the surface ({@link ArbitrageChecks#check} on its slices).
   * <p>
   * Computed on the first call, once (later calls and other threads get the same list).
   *
   * @return butterfly violations of each slice, calendar violations of neighbouring slices; empty if none;
   *     unmodifiable
   */
  public List<ArbitrageViolation> arbitrageViolations() {
    List<ArbitrageViolation> v = violations;
    if (v == null) {
      synchronized (lock) {
        v = violations;
        if (v == null) {
          v = ArbitrageChecks.DEFAULT.check(slices);
          violations = v;
        }
      }
    }
    return v;
  }

  //-------------------------------------------------------------------------
  /**
   * Gets the implied vol for an expiry and strike.
   *
   * @param expiry  the expiry instant; at or before the valuation it is t = 0
   * @param strikeUsd  K, USD per coin, > 0
   * @return the vol, decimal
   */
  public double impliedVol(Instant expiry, double strikeUsd) {
    return impliedVol(YearFractions.between(valuation, Objects.requireNonNull(expiry, "expiry")), strikeUsd);
  }

  /**
   * Gets the implied vol at a time to expiry and strike.
   *
   * @param t  time to expiry, 365-day years, >= 0
   * @param strikeUsd  K, USD per coin, > 0
   * @return the vol, decimal
   */
  public double impliedVol(double t, double strikeUsd) {
    double k = logMoneyness(t, strikeUsd);
    int n = times.length;
    if (t <= times[0]) {
      return slices.get(0).impliedVolAtLogMoneyness(k);
    }
    if (t >= times[n - 1]) {
      return slices.get(n - 1).impliedVolAtLogMoneyness(k);
    }
    return Math.sqrt(totalVarianceAtLogMoneyness(t, k) / t);
  }

  /**
   * Gets the total implied variance for an expiry and strike.
   *
   * @param expiry  the expiry instant
   * @param strikeUsd  K, USD per coin, > 0
   * @return vol^2 t, years x vol^2
   */
  public double totalVariance(Instant expiry, double strikeUsd) {
    return totalVariance(YearFractions.between(valuation, Objects.requireNonNull(expiry, "expiry")), strikeUsd);
  }

  /**
   * Gets the total implied variance at a time to expiry and strike.
   *
   * @param t  time to expiry, 365-day years, >= 0
   * @param strikeUsd  K, USD per coin, > 0
   * @return vol^2 t, years x vol^2
   */
  public double totalVariance(double t, double strikeUsd) {
    return totalVarianceAtLogMoneyness(t, logMoneyness(t, strikeUsd));
  }

  /**
   * Gets the total implied variance at a time to expiry and log-moneyness (the interpolation rule of the class).
   *
   * @param t  time to expiry, 365-day years, >= 0
   * @param k  ln(K / F(t))
   * @return vol^2 t, years x vol^2
   */
  public double totalVarianceAtLogMoneyness(double t, double k) {
    Checks.nonNegative("time_to_expiry_years", t);
    Checks.finite("log_moneyness", k);
    int n = times.length;
    if (t <= times[0]) {
      return slices.get(0).totalVarianceAtLogMoneyness(k) * (t / times[0]);
    }
    if (t >= times[n - 1]) {
      return slices.get(n - 1).totalVarianceAtLogMoneyness(k) * (t / times[n - 1]);
    }
    int i = Arrays.binarySearch(times, t);
    if (i >= 0) {
      return slices.get(i).totalVarianceAtLogMoneyness(k);
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double wLo = slices.get(lo).totalVarianceAtLogMoneyness(k);
    double wHi = slices.get(hi).totalVarianceAtLogMoneyness(k);
    return wLo + (t - times[lo]) / (times[hi] - times[lo]) * (wHi - wLo);
  }

  private double logMoneyness(double t, double strikeUsd) {
    Checks.nonNegative("time_to_expiry_years", t);
    Checks.positive("strike_usd", strikeUsd);
    return Math.log(strikeUsd / forwardCurve.forward(t));
  }

  //-------------------------------------------------------------------------
  /**
   * Gets the ATM term structure: the vol at the forward (k = 0) of each slice.
   *
   * @return one point per slice, by expiry
   */
  public List<AtmVolPoint> atmTermStructure() {
    List<AtmVolPoint> out = new ArrayList<>(slices.size());
    for (SviSlice s : slices) {
      out.add(new AtmVolPoint(s.expiry(), s.timeToExpiry(), s.forwardUsd(), s.atmVol()));
    }
    return out;
  }

  /**
   * Gets the delta pillars of every slice (25-delta risk reversal and butterfly via
   * {@link DeltaSmile#riskReversal()} and {@link DeltaSmile#butterfly()}).
   *
   * @param delta  the absolute delta, in (0, 0.5], e.g. 0.25
   * @return one smile per slice, by expiry
   * @see SviSlice#deltaSmile(double)
   */
  public List<DeltaSmile> deltaSmiles(double delta) {
    List<DeltaSmile> out = new ArrayList<>(slices.size());
    for (SviSlice s : slices) {
      out.add(s.deltaSmile(delta));
    }
    return out;
  }

  @Override
  public String toString() {
    return "VolSurface[" + underlying + " at " + valuation + ", " + slices.size() + " slices, " + skipped.size()
        + " skipped, " + arbitrageViolations().size() + " arbitrage violations]";
  }
}
