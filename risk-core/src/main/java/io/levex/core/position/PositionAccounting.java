package io.levex.core.position;

import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import io.levex.core.product.SpotInstrument;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies fills to positions, in exact decimal arithmetic (divisions round to 34 significant digits).
 * <p>
 * Rules, per instrument:
 * <ul>
 * <li><b>Linear futures and perpetuals</b> (settle in the quote, e.g. USDC): increasing moves the average
 * price to the size-weighted mean; reducing realises {@code closed x (price - average)} into cash.</li>
 * <li><b>Inverse futures and perpetuals</b> (settle in coin): the fill's USD face is {@code size x price};
 * increasing adds face and keeps {@code average = face / coin size}; reducing closes face and realises
 * {@code closed_face x (1/average - 1/price)} coin into cash. A fill of 0.1 BTC at 100,000 closes 10,000 USD
 * of face whatever the coin size at entry was.</li>
 * <li><b>Options</b>: the premium {@code -size x price} moves cash at once (coin for inverse, the quote for
 * linear options); the position tracks size and average premium, and records realised PnL on reductions
 * for reporting (already reflected in cash through the premiums).</li>
 * <li><b>Spot</b>: no position; cash moves {@code +size} of the coin and {@code -size x price} of the quote.</li>
 * </ul>
 * Fees (settlement currency; spot: the quote) are debited as given. A position that flips sign opens the
 * remainder at the fill price. Stateless and thread-safe.
 */
public final class PositionAccounting {

  /** Default instance. */
  public static final PositionAccounting DEFAULT = new PositionAccounting();

  /** Largest accepted |size|, base coin. */
  public static final double MAX_ABS_SIZE = 1e9;

  private static final MathContext MC = MathContext.DECIMAL128;

  private PositionAccounting() {
  }

  /**
   * Validates fill inputs: size non-zero and |size| <= 1e9, price > 0, fee finite with |fee| <= 1e9.
   *
   * @param size  signed size, base coin
   * @param price  price, quote unit
   * @param fee  fee, settlement currency
   * @throws InvalidInputException naming the field
   */
  public static void validateFill(double size, double price, double fee) {
    Checks.finite("size", size);
    if (size == 0) {
      throw InvalidInputException.invalid("size", "0", "must be non-zero (buy +, sell -)");
    }
    if (Math.abs(size) > MAX_ABS_SIZE) {
      throw InvalidInputException.invalid("size", Checks.format(size), "must satisfy |size| <= 1e9 coin");
    }
    Checks.positive("price", price);
    Checks.inRange("fee", fee, -MAX_ABS_SIZE, MAX_ABS_SIZE);
  }

  /**
   * Converts a double to its exact shortest decimal form, the form in which API values are stored.
   *
   * @param value  the value
   * @return the decimal
   */
  public static BigDecimal decimal(double value) {
    return new BigDecimal(Double.toString(value));
  }

  /**
   * Applies a fill.
   *
   * @param instrument  the instrument
   * @param before  the position before the fill
   * @param size  signed size, base coin (buy +)
   * @param price  price, instrument quote unit, > 0
   * @param fee  fee, settlement currency
   * @return the position after and the cash moved
   */
  public FillOutcome apply(Instrument instrument, PositionState before, BigDecimal size, BigDecimal price, BigDecimal fee) {
    List<CashFlow> flows = new ArrayList<>();
    PositionState after = switch (instrument) {
      case SpotInstrument s -> {
        flows.add(new CashFlow(s.underlying(), size, "spot"));
        flows.add(new CashFlow(s.quoteCurrency(), size.multiply(price).negate(), "spot"));
        yield before;
      }
      case OptionInstrument o -> {
        flows.add(new CashFlow(o.settlementCurrency(), size.multiply(price).negate(), "premium"));
        yield applyLinear(before, size, price, null, instrument);
      }
      case FutureInstrument f -> f.settlement() == SettlementType.INVERSE
          ? applyInverse(before, size, price, flows, instrument)
          : applyLinear(before, size, price, flows, instrument);
      case PerpetualInstrument p -> p.settlement() == SettlementType.INVERSE
          ? applyInverse(before, size, price, flows, instrument)
          : applyLinear(before, size, price, flows, instrument);
    };
    if (fee.signum() != 0) {
      var feeAsset = instrument instanceof SpotInstrument ? instrument.quoteCurrency() : instrument.settlementCurrency();
      flows.add(new CashFlow(feeAsset, fee.negate(), "fee"));
    }
    return new FillOutcome(after, flows);
  }

  private static PositionState applyLinear(
      PositionState before, BigDecimal size, BigDecimal price, List<CashFlow> flows, Instrument instrument) {
    BigDecimal s0 = before.size();
    BigDecimal a0 = before.averagePrice();
    BigDecimal s1 = s0.add(size);
    if (s0.signum() == 0 || s0.signum() == size.signum()) {
      BigDecimal avg = s0.multiply(a0).add(size.multiply(price)).divide(s1, MC);
      return new PositionState(s1, avg, before.realizedPnl(), BigDecimal.ZERO);
    }
    BigDecimal closedAbs = s0.abs().min(size.abs());
    BigDecimal closed = s0.signum() > 0 ? closedAbs : closedAbs.negate();
    BigDecimal realized = closed.multiply(price.subtract(a0));
    if (flows != null && realized.signum() != 0) {
      flows.add(new CashFlow(instrument.settlementCurrency(), realized, "realized_pnl"));
    }
    BigDecimal avg = s1.signum() == 0 ? BigDecimal.ZERO : (s1.signum() == s0.signum() ? a0 : price);
    return new PositionState(s1, avg, before.realizedPnl().add(realized), BigDecimal.ZERO);
  }

  private static PositionState applyInverse(
      PositionState before, BigDecimal size, BigDecimal price, List<CashFlow> flows, Instrument instrument) {
    BigDecimal face0 = before.faceUsd();
    BigDecimal a0 = before.averagePrice();
    BigDecimal fillFace = size.multiply(price);
    BigDecimal face1 = face0.add(fillFace);
    if (face0.signum() == 0 || face0.signum() == fillFace.signum()) {
      BigDecimal coin1 = before.size().add(size);
      BigDecimal avg = face1.divide(coin1, MC);
      return new PositionState(coin1, avg, before.realizedPnl(), face1);
    }
    BigDecimal closedAbs = face0.abs().min(fillFace.abs());
    BigDecimal closedFace = face0.signum() > 0 ? closedAbs : closedAbs.negate();
    BigDecimal realized = closedFace.multiply(BigDecimal.ONE.divide(a0, MC).subtract(BigDecimal.ONE.divide(price, MC)), MC);
    if (realized.signum() != 0) {
      flows.add(new CashFlow(instrument.settlementCurrency(), realized, "realized_pnl"));
    }
    BigDecimal avg;
    BigDecimal coin1;
    if (face1.signum() == 0) {
      avg = BigDecimal.ZERO;
      coin1 = BigDecimal.ZERO;
    } else if (face1.signum() == face0.signum()) {
      avg = a0;
      coin1 = face1.divide(a0, MC);
    } else {
      avg = price;
      coin1 = face1.divide(price, MC);
    }
    return new PositionState(coin1, avg, before.realizedPnl().add(realized), face1);
  }
}
