package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;

/**
 * Builds instruments from structured fields (the API's {@code InstrumentSpec}), applying Deribit defaults.
 * <p>
 * Defaults: an empty quote is USD for inverse and USDC for linear contracts; an unspecified settlement is
 * inverse when the quote is USD (or empty) and linear otherwise; a contract size of 0 is the venue default;
 * an empty venue is {@code DERIBIT}.
 */
public final class InstrumentSpecs {

  private InstrumentSpecs() {
  }

  /**
   * Creates an instrument from its fields.
   *
   * @param kind  the kind, required
   * @param underlying  the underlying symbol, required
   * @param quote  the quote symbol, or null / empty for the default
   * @param settlement  the settlement type, or null for the default
   * @param expiry  the expiry, required for futures and options
   * @param strike  the strike in USD per coin (options)
   * @param putCall  call or put (options)
   * @param contractSize  the contract size, 0 for the default
   * @param venue  the venue, or null / empty for DERIBIT
   * @return the instrument
   * @throws InvalidInputException naming the field when a field is missing or invalid
   */
  public static Instrument create(
      InstrumentKind kind,
      String underlying,
      String quote,
      SettlementType settlement,
      Instant expiry,
      double strike,
      PutCall putCall,
      double contractSize,
      String venue) {

    if (kind == null) {
      throw InvalidInputException.invalid("kind", "UNSPECIFIED", "is required (spot, future, perpetual or option)");
    }
    if (underlying == null || underlying.isBlank()) {
      throw InvalidInputException.invalid("underlying", "", "is required");
    }
    Asset base = Asset.of(underlying);
    boolean quoteGiven = quote != null && !quote.isBlank();
    SettlementType resolvedSettlement = settlement != null
        ? settlement
        : (!quoteGiven || "USD".equalsIgnoreCase(quote.trim()) ? SettlementType.INVERSE : SettlementType.LINEAR);
    if (kind == InstrumentKind.SPOT) {
      resolvedSettlement = SettlementType.LINEAR;
    }
    Asset quoteAsset = quoteGiven
        ? Asset.of(quote)
        : (resolvedSettlement == SettlementType.INVERSE ? Asset.USD : Asset.USDC);
    double size = contractSize == 0 ? ContractSizes.defaultSize(kind, resolvedSettlement, base) : contractSize;
    String resolvedVenue = venue == null || venue.isBlank() ? DeribitInstrumentNames.DERIBIT : venue.trim().toUpperCase(java.util.Locale.ROOT);
    return switch (kind) {
      case SPOT -> new SpotInstrument(base, quoteAsset, resolvedVenue);
      case PERPETUAL -> new PerpetualInstrument(base, quoteAsset, resolvedSettlement, size, resolvedVenue);
      case FUTURE -> new FutureInstrument(base, quoteAsset, resolvedSettlement, expiry, size, resolvedVenue);
      case OPTION -> new OptionInstrument(base, quoteAsset, resolvedSettlement, expiry, strike, putCall, size, resolvedVenue);
    };
  }
}
