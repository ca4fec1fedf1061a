/**
 * Margin models and their parameters: versioned parameter sets loaded from data files, the Deribit
 * standard-margin calculator, margin ratio and the account status ladder.
 */
package io.levex.core.margin;
