package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import java.util.Objects;

/**
 * Validation shared by the instrument records.
 */
final class ProductChecks {

  private ProductChecks() {
  }

  static void common(Asset underlying, Asset quote, SettlementType settlement, double contractSize, String venue) {
    if (underlying == null) {
      throw InvalidInputException.invalid("underlying", "", "is required");
    }
    if (quote == null) {
      throw InvalidInputException.invalid("quote_currency", "", "is required");
    }
    if (settlement == null) {
      throw InvalidInputException.invalid("settlement", "", "is required");
    }
    if (quote.equals(underlying)) {
      throw InvalidInputException.invalid("quote_currency", quote, "must differ from the underlying " + underlying);
    }
    if (settlement == SettlementType.INVERSE && !quote.equals(Asset.USD)) {
      throw InvalidInputException.invalid("quote_currency", quote, "must be USD for an inverse (coin-settled) contract");
    }
    if (settlement == SettlementType.LINEAR && quote.equals(Asset.USD)) {
      throw InvalidInputException.invalid("quote_currency", quote,
          "must be a settlement asset such as USDC for a linear contract (USD-quoted contracts are inverse)");
    }
    Checks.positive("contract_size", contractSize);
    Objects.requireNonNull(venue, "venue");
  }
}
