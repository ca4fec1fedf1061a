package io.levex.pricing.mapping;

import io.levex.api.v1.PriceItem;
import io.levex.core.collect.Checks;
import io.levex.core.market.PricingOverrides;

/**
 * Maps pricing request items to risk-core inputs.
 */
public final class PricingRequestMapper {

  private PricingRequestMapper() {
  }

  /**
   * Gets the explicit inputs of an item (absent fields are NaN).
   *
   * @param item  the item
   * @return the overrides, validated (INVALID_ARGUMENT naming {@code forward_usd}, {@code implied_vol},
   *     {@code rate} or {@code index_price_usd})
   */
  public static PricingOverrides overrides(PriceItem item) {
    if (!item.hasForwardUsd() && !item.hasImpliedVol() && !item.hasRate() && !item.hasIndexPriceUsd()) {
      return PricingOverrides.NONE;
    }
    // present fields must hold real numbers: NaN would otherwise read as "absent"
    if (item.hasForwardUsd()) {
      Checks.positive("forward_usd", item.getForwardUsd());
    }
    if (item.hasImpliedVol()) {
      Checks.finite("implied_vol", item.getImpliedVol());
    }
    if (item.hasRate()) {
      Checks.finite("rate", item.getRate());
    }
    if (item.hasIndexPriceUsd()) {
      Checks.positive("index_price_usd", item.getIndexPriceUsd());
    }
    return new PricingOverrides(
        item.hasForwardUsd() ? item.getForwardUsd() : Double.NaN,
        item.hasImpliedVol() ? item.getImpliedVol() : Double.NaN,
        item.hasRate() ? item.getRate() : Double.NaN,
        item.hasIndexPriceUsd() ? item.getIndexPriceUsd() : Double.NaN);
  }
}
