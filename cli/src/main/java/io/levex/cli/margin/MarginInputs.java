package io.levex.cli.margin;

import io.levex.core.margin.MarginPosition;
import java.util.List;

/**
 * What a margin model gets: the portfolio file and its positions priced by
 * {@link io.levex.core.portfolio.PortfolioValuation} (same order as {@link PortfolioFile#positions()}).
 *
 * @param file  the portfolio file
 * @param positions  the priced positions
 */
public record MarginInputs(PortfolioFile file, List<MarginPosition> positions) {

  /** Copies the list. */
  public MarginInputs {
    positions = List.copyOf(positions);
  }
}
