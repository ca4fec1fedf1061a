package io.levex.margin.mapping;

import io.levex.api.convert.InstrumentMapper;
import io.levex.api.v1.AssetAmount;
import io.levex.api.v1.Order;
import io.levex.api.v1.Portfolio;
import io.levex.api.v1.PortfolioPosition;
import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.position.PositionAccounting;
import io.levex.core.product.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses and validates portfolios and orders.
 */
public final class PortfolioMapper {

  private PortfolioMapper() {
  }

  /**
   * A validated position.
   *
   * @param index  its index in the request
   * @param instrument  the instrument
   * @param size  signed size, base coin
   * @param averagePrice  average entry price (0 = unknown)
   */
  public record ParsedPosition(int index, Instrument instrument, double size, double averagePrice) {
  }

  /**
   * A validated portfolio.
   *
   * @param positions  the positions, in request order
   * @param collateral  cash per asset (duplicates summed)
   */
  public record ParsedPortfolio(List<ParsedPosition> positions, Map<Asset, Double> collateral) {
  }

  /**
   * A validated order.
   *
   * @param instrument  the instrument
   * @param size  signed size, base coin
   * @param price  limit price (NaN = at the mark)
   */
  public record ParsedOrder(Instrument instrument, double size, double price) {
  }

  /**
   * Parses a portfolio.
   *
   * @param portfolio  the portfolio
   * @param prefix  the field path of the portfolio, e.g. {@code "portfolio"}
   * @param maxPositions  the largest accepted number of positions
   * @return the parsed portfolio
   * @throws InvalidInputException INVALID_ARGUMENT naming the field, e.g. {@code portfolio.positions[2].size}
   */
  public static ParsedPortfolio parse(Portfolio portfolio, String prefix, int maxPositions) {
    if (portfolio.getPositionsCount() > maxPositions) {
      throw InvalidInputException.invalid(prefix + ".positions", portfolio.getPositionsCount() + " positions",
          "must hold at most " + maxPositions + " positions");
    }
    List<ParsedPosition> positions = new ArrayList<>();
    for (int i = 0; i < portfolio.getPositionsCount(); i++) {
      PortfolioPosition p = portfolio.getPositions(i);
      String field = prefix + ".positions[" + i + "]";
      Instrument instrument = InstrumentMapper.fromProto(p.getInstrument(), field + ".instrument");
      try {
        Checks.finite("size", p.getSize());
        if (Math.abs(p.getSize()) > PositionAccounting.MAX_ABS_SIZE) {
          throw InvalidInputException.invalid("size", Checks.format(p.getSize()), "must satisfy |size| <= 1e9 coin");
        }
        Checks.nonNegative("average_price", p.getAveragePrice());
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix(field);
      }
      positions.add(new ParsedPosition(i, instrument, p.getSize(), p.getAveragePrice()));
    }
    Map<Asset, Double> collateral = new TreeMap<>();
    for (int i = 0; i < portfolio.getCollateralCount(); i++) {
      AssetAmount a = portfolio.getCollateral(i);
      String field = prefix + ".collateral[" + i + "]";
      Asset asset;
      try {
        asset = Asset.of(a.getAsset());
      } catch (InvalidInputException ex) {
        throw ex.withField(field + ".asset");
      }
      try {
        Checks.nonNegative("amount", a.getAmount());
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix(field);
      }
      collateral.merge(asset, a.getAmount(), Double::sum);
    }
    return new ParsedPortfolio(positions, collateral);
  }

  /**
   * Parses an order.
   *
   * @param order  the order
   * @param prefix  the field path, e.g. {@code "order"}
   * @return the parsed order
   */
  public static ParsedOrder parse(Order order, String prefix) {
    Instrument instrument = InstrumentMapper.fromProto(order.getInstrument(), prefix + ".instrument");
    try {
      Checks.finite("size", order.getSize());
      if (order.getSize() == 0) {
        throw InvalidInputException.invalid("size", "0", "must be non-zero (buy +, sell -)");
      }
      if (Math.abs(order.getSize()) > PositionAccounting.MAX_ABS_SIZE) {
        throw InvalidInputException.invalid("size", Checks.format(order.getSize()), "must satisfy |size| <= 1e9 coin");
      }
      if (order.hasPrice()) {
        Checks.positive("price", order.getPrice());
      }
    } catch (InvalidInputException ex) {
      throw ex.withFieldPrefix(prefix);
    }
    return new ParsedOrder(instrument, order.getSize(), order.hasPrice() ? order.getPrice() : Double.NaN);
  }
}
