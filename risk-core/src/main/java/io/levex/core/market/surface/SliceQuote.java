package io.levex.core.market.surface;

import io.levex.core.basics.PutCall;
import io.levex.core.collect.Checks;
import java.util.Objects;

/**
 * One option quote a slice was fitted to, with the market and the fitted vol.
 *
 * @param instrument  the instrument name, e.g. {@code BTC-27MAR26-90000-C}
 * @param putCall  call or put (the out-of-the-money side at the slice forward)
 * @param strikeUsd  strike, USD per coin, > 0
 * @param logMoneyness  k = ln(K/F) at the slice forward
 * @param marketVol  the market (mark) implied vol, decimal, > 0
 * @param fittedVol  the SVI vol at k, decimal
 * @param weight  the relative weight of the quote in the fit, >= 0
 */
public record SliceQuote(
    String instrument, PutCall putCall, double strikeUsd, double logMoneyness, double marketVol, double fittedVol, double weight) {

  /** Validates the components. */
  public SliceQuote {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(putCall, "putCall");
    Checks.positive("strike_usd", strikeUsd);
    Checks.finite("log_moneyness", logMoneyness);
    Checks.positive("market_vol", marketVol);
    Checks.finite("fitted_vol", fittedVol);
    Checks.nonNegative("weight", weight);
  }

  /**
   * Gets the fit error.
   *
   * @return fitted vol - market vol, vol decimal
   */
  public double volError() {
    return fittedVol - marketVol;
  }
}
