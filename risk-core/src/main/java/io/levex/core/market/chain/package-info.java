/**
 * Recorded Deribit option-chain snapshots: rows of {@code public/get_book_summary_by_currency} plus ticker greeks,
 * parsed from CSV text (the caller opens the file; this package does no I/O of its own).
 */
package io.levex.core.market.chain;
