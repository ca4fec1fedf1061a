/**
 * Basic vocabulary: assets, instrument kinds, settlement types, put/call, and time to expiry.
 * <p>
 * Time to expiry is exact seconds divided by a 365-day year (Deribit's convention), see
 * {@link io.levex.core.basics.YearFractions}.
 */
package io.levex.core.basics;
