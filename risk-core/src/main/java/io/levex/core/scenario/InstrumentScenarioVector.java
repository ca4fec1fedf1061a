package io.levex.core.scenario;

import io.levex.core.basics.Asset;
import io.levex.core.product.Instrument;
import java.util.Arrays;

/**
 * The PnL of one unit of an instrument in every scenario of a {@link ScenarioSet}, in its settlement currency.
 * <p>
 * Units per 1 unit of size: inverse futures and perpetuals per 1 coin-equivalent at the mark
 * ({@code 1 - 1/(1+m)} coin); inverse options per 1 coin of underlying, in coin; linear contracts in the quote
 * currency (USDC) per 1 coin. A settled (expired) instrument has an all-zero vector and its settlement value in
 * {@link #settlementValue()}: cash, never a live hedge. Immutable.
 */
public final class InstrumentScenarioVector {

  private final Instrument instrument;
  private final double[] pnl;
  private final double baseValue;
  private final boolean settled;
  private final double settlementValue;

  InstrumentScenarioVector(Instrument instrument, double[] pnl, double baseValue, boolean settled, double settlementValue) {
    this.instrument = instrument;
    this.pnl = pnl;
    this.baseValue = baseValue;
    this.settled = settled;
    this.settlementValue = settlementValue;
  }

  /**
   * Gets the instrument.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Gets the currency of the PnL: the instrument's settlement currency.
   *
   * @return the currency
   */
  public Asset currency() {
    return instrument.settlementCurrency();
  }

  /**
   * Gets the number of scenarios.
   *
   * @return the size
   */
  public int size() {
    return pnl.length;
  }

  /**
   * Gets the PnL of one unit in one scenario.
   *
   * @param scenario  0-based scenario index
   * @return the PnL, settlement currency per unit
   */
  public double pnl(int scenario) {
    return pnl[scenario];
  }

  /**
   * Gets a copy of the whole vector.
   *
   * @return the PnL per scenario, settlement currency per unit
   */
  public double[] toArray() {
    return pnl.clone();
  }

  /**
   * Adds {@code size x vector} into an accumulator: the sparse-sum step of account revaluation.
   *
   * @param accumulator  PnL per scenario, at least {@link #size()} long
   * @param size  the position size, units of this vector
   */
  public void addTo(double[] accumulator, double size) {
    for (int j = 0; j < pnl.length; j++) {
      accumulator[j] = Math.fma(size, pnl[j], accumulator[j]);
    }
  }

  /**
   * Gets the model value of one unit at the current market, settlement currency (options: Black-76 value converted
   * as in the scenarios, so that the unshocked scenario has zero PnL; delta-one contracts: 0).
   *
   * @return the value per unit
   */
  public double baseValue() {
    return baseValue;
  }

  /**
   * Whether the instrument had expired at the valuation time and is settled.
   *
   * @return true when settled
   */
  public boolean settled() {
    return settled;
  }

  /**
   * Gets the settlement value of one unit of an expired option (its intrinsic value at the index: coin
   * {@code max(S-K,0)/S} for an inverse call), settlement currency; 0 for live instruments and for futures (whose
   * settlement PnL is realised through the mark).
   *
   * @return the settlement value per unit
   */
  public double settlementValue() {
    return settlementValue;
  }

  @Override
  public String toString() {
    return "InstrumentScenarioVector[" + instrument.name() + (settled ? ", settled " + settlementValue : "")
        + ", " + Arrays.toString(pnl) + "]";
  }
}
