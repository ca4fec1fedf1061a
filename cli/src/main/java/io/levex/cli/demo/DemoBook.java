package io.levex.cli.demo;

import io.levex.api.v1.Fill;
import io.levex.api.v1.InstrumentRef;
import java.util.List;

/**
 * The demo book: 1.5 BTC of collateral, long 5 BTC of BTC-PERPETUAL (about 3.3x leverage on its own), a short
 * 30-day call spread against a long 30-day put, and a short 3-month call; all traded at the snapshot's marks.
 */
public final class DemoBook {

  /** Collateral deposited, BTC. */
  public static final double COLLATERAL_BTC = 1.5;

  private DemoBook() {
  }

  /**
   * Gets the demo fills.
   *
   * @param accountId  the account
   * @param market  the demo market
   * @param runId  a suffix making fill ids unique per run
   * @return the fills, in order
   */
  public static List<Fill> fills(String accountId, DemoMarket market, String runId) {
    return List.of(
        fill(accountId, "demo-" + runId + "-1", "BTC-PERPETUAL", 5, market.perpetualMark()),
        option(accountId, "demo-" + runId + "-2", market.option("BTC-30JAN26-100000-C"), -2),
        option(accountId, "demo-" + runId + "-3", market.option("BTC-30JAN26-84000-P"), 3),
        option(accountId, "demo-" + runId + "-4", market.option("BTC-27MAR26-110000-C"), -1));
  }

  private static Fill option(String accountId, String fillId, DemoMarket.DemoOption o, double size) {
    return fill(accountId, fillId, o.instrument().name(), size, o.markPriceCoin());
  }

  private static Fill fill(String accountId, String fillId, String instrument, double size, double price) {
    return Fill.newBuilder()
        .setAccountId(accountId)
        .setFillId(fillId)
        .setInstrument(InstrumentRef.newBuilder().setName(instrument))
        .setSize(size)
        .setPrice(price)
        .build();
  }
}
