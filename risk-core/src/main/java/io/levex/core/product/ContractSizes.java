package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.SettlementType;

/**
 * Default contract sizes of Deribit instruments (reference data, informational: Levex sizes are in
 * base coin everywhere).
 * <p>
 * Inverse futures and perpetuals have a USD face per contract: BTC 10, ETH and others 1 (Deribit
 * {@code public/get_instruments}: BTC {@code contract_size: 10}). Options and linear contracts: 1 coin.
 */
public final class ContractSizes {

  private ContractSizes() {
  }

  /**
   * Gets the default contract size.
   *
   * @param kind  the instrument kind
   * @param settlement  linear or inverse
   * @param underlying  the underlying coin
   * @return USD of face (inverse futures / perpetuals) or coin (otherwise) per contract
   */
  public static double defaultSize(InstrumentKind kind, SettlementType settlement, Asset underlying) {
    boolean inverseDelta1 = settlement == SettlementType.INVERSE
        && (kind == InstrumentKind.FUTURE || kind == InstrumentKind.PERPETUAL);
    if (inverseDelta1) {
      return Asset.BTC.equals(underlying) ? 10 : 1;
    }
    return 1;
  }
}
