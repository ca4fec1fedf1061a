/**
 * Position accounting: applying fills to positions (size, average price, realised PnL, USD face of inverse
 * contracts) and the cash they move, in exact decimal arithmetic.
 */
package io.levex.core.position;
