/**
 * Margin models and their parameters: versioned parameter sets loaded from data files, the Deribit
 * standard-margin calculator, margin ratio and the account status ladder. Collateral, haircuts and the
 * cross-collateral account view are in {@code margin.account}; liquidation analysis in {@code margin.liquidation}.
 */
package io.levex.core.margin;
