/**
 * Portfolios as users write them: positions by Deribit instrument name with sizes in base coin, and the market
 * data they are marked with (index, venue marks, mark IVs, forwards; optionally a recorded Deribit chain).
 * {@link io.levex.core.portfolio.PortfolioValuation} turns them into priced
 * {@link io.levex.core.margin.MarginPosition}s for any margin model. No I/O: file formats are parsed by callers.
 */
package io.levex.core.portfolio;
