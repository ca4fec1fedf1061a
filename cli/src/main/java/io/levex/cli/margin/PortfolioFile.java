package io.levex.cli.margin;

import io.levex.core.basics.Asset;
import io.levex.core.portfolio.PortfolioMarket;
import io.levex.core.portfolio.PortfolioPosition;
import java.util.List;
import java.util.Map;

/**
 * A parsed portfolio file (format in {@code docs/cli.md}, "Portfolio files"). Amounts are in the asset named by the
 * key; the market's units are those of {@link PortfolioMarket}.
 *
 * @param name  the file's name, for reports
 * @param model  the margin model, e.g. {@code deribit-sm}
 * @param params  the parameter choice
 * @param collateral  cash per asset, each >= 0
 * @param market  the market data (a chain file, when given, already merged in)
 * @param positions  the positions, in file order
 * @param openOrdersMargin  margin reserved by open orders per currency, >= 0 (added to IM)
 * @param mmpMargin  market-maker-protection margin per currency, >= 0 (added to IM)
 * @param chainRejectedLines  lines of the chain file the parser rejected (0 without a chain file)
 */
public record PortfolioFile(
    String name,
    String model,
    ParameterChoice params,
    Map<Asset, Double> collateral,
    PortfolioMarket market,
    List<PortfolioPosition> positions,
    Map<Asset, Double> openOrdersMargin,
    Map<Asset, Double> mmpMargin,
    int chainRejectedLines) {

  /** Copies the collections. */
  public PortfolioFile {
    collateral = Map.copyOf(collateral);
    positions = List.copyOf(positions);
    openOrdersMargin = Map.copyOf(openOrdersMargin);
    mmpMargin = Map.copyOf(mmpMargin);
  }
}
