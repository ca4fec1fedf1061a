package io.levex.core.margin.span;

import java.util.List;

/**
 * One of SPAN's 16 standard risk scenarios (CME order).
 * <p>
 * Scenarios 1-14 move the underlying by {@code priceThirds / 3} of the price scan range and the vol by
 * {@code volDirection} times the volatility scan range; they come in pairs with the same price move and opposite
 * vol. Scenarios 15 and 16 move the underlying by {@code +/- extreme_move_multiple} price scan ranges with the vol
 * unchanged, and only {@code extreme_move_cover_fraction} of their loss is counted. Immutable.
 *
 * @param number  1..16
 * @param label  readable, e.g. {@code -3/3 range / vol down} or {@code -extreme / vol unchanged}
 * @param priceThirds  the price move in thirds of the scan range, -3..3 (extremes: the sign, +3 or -3)
 * @param volDirection  +1 vol up, -1 vol down, 0 unchanged (extremes)
 * @param extreme  whether the move is an extreme one (weighted)
 * @param paired  the number of the paired scenario (same price move, opposite vol); 0 for the extremes
 */
public record SpanScenario(int number, String label, int priceThirds, int volDirection, boolean extreme, int paired) {

  /** The 16 scenarios, index {@code number - 1}. */
  public static final List<SpanScenario> STANDARD = List.of(
      of(1, 0, 1), of(2, 0, -1),
      of(3, 1, 1), of(4, 1, -1), of(5, -1, 1), of(6, -1, -1),
      of(7, 2, 1), of(8, 2, -1), of(9, -2, 1), of(10, -2, -1),
      of(11, 3, 1), of(12, 3, -1), of(13, -3, 1), of(14, -3, -1),
      new SpanScenario(15, "+extreme / vol unchanged", 3, 0, true, 0),
      new SpanScenario(16, "-extreme / vol unchanged", -3, 0, true, 0));

  /** The number of scenarios in a risk array. */
  public static final int COUNT = 16;

  /**
   * Gets the relative price move of this scenario.
   *
   * @param priceScanRange  the price scan range, decimal (0.16 = 16%)
   * @param extremeMoveMultiple  X of the extreme scenarios
   * @return the move, decimal
   */
  public double priceMove(double priceScanRange, double extremeMoveMultiple) {
    return extreme
        ? Math.signum(priceThirds) * extremeMoveMultiple * priceScanRange
        : priceThirds * priceScanRange / 3.0;
  }

  /**
   * Gets the share of the loss counted.
   *
   * @param extremeMoveCoverFraction  the fraction of the extreme scenarios
   * @return 1 for scenarios 1-14, the fraction for 15 and 16
   */
  public double weight(double extremeMoveCoverFraction) {
    return extreme ? extremeMoveCoverFraction : 1.0;
  }

  private static SpanScenario of(int number, int thirds, int vol) {
    String price = thirds == 0 ? "0" : (thirds > 0 ? "+" : "-") + Math.abs(thirds) + "/3 range";
    int paired = number % 2 == 1 ? number + 1 : number - 1;
    return new SpanScenario(number, price + " / vol " + (vol > 0 ? "up" : "down"), thirds, vol, false, paired);
  }
}
