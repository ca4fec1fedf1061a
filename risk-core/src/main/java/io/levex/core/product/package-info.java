/**
 * Products: the contracts Levex values, as immutable records behind the sealed {@link io.levex.core.product.Instrument}.
 * <p>
 * Spot, dated futures and perpetuals (linear or inverse) and European options (linear or inverse,
 * Deribit style). {@link io.levex.core.product.DeribitInstrumentNames} parses and formats venue names
 * such as {@code BTC-27MAR26-90000-C}; the expiry is 08:00 UTC on the named date.
 */
package io.levex.core.product;
