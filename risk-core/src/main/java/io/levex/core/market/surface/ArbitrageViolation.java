package io.levex.core.market.surface;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A static-arbitrage violation found on a volatility surface (reported, never thrown).
 * <p>
 * One violation is one contiguous interval of log-moneyness on the check grid where the condition fails. Its
 * end points are the crossings, solved to 1e-10 in k, where they lie inside the grid, else the grid ends.
 *
 * @param kind  butterfly (negative density within a slice) or calendar (total variance decreasing in T)
 * @param expiry  the slice's expiry; for calendar the later of the two slices
 * @param logMoneyness  k = ln(K/F) where the violation is worst
 * @param fromLogMoneyness  the start of the interval, log-moneyness
 * @param toLogMoneyness  the end of the interval, log-moneyness
 * @param worstValue  butterfly: the minimum of g(k), dimensionless, {@code < 0}; calendar: the minimum of
 *     w_later(k) - w_earlier(k), years x vol^2, {@code < 0}
 * @param message  a description naming the slices and the interval
 */
public record ArbitrageViolation(
    Kind kind,
    Instant expiry,
    double logMoneyness,
    double fromLogMoneyness,
    double toLogMoneyness,
    double worstValue,
    String message) {

  /** The kind of violation. */
  public enum Kind {
    /** {@code g(k) < 0}: the slice's risk-neutral density is negative (a butterfly spread has negative value). */
    BUTTERFLY,
    /** {@code w_{i+1}(k) < w_i(k)}: total variance falls with expiry at fixed k (a calendar spread has negative value). */
    CALENDAR;

    /**
     * Gets the lower-case label, {@code butterfly} or {@code calendar}.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates the components. */
  public ArbitrageViolation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(message, "message");
  }
}
