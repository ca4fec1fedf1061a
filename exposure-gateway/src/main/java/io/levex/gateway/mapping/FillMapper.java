package io.levex.gateway.mapping;

import io.levex.api.convert.InstrumentMapper;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.Fill;
import io.levex.api.v1.FillResult;
import io.levex.api.v1.Position;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.position.PositionAccounting;
import io.levex.core.product.Instrument;
import io.levex.gateway.repository.FillCashFlowEntity;
import io.levex.gateway.repository.FillEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Validates fills and maps applied fills to the API.
 */
public final class FillMapper {

  private FillMapper() {
  }

  /**
   * A validated fill.
   *
   * @param accountId  the account
   * @param fillId  the client's idempotency id
   * @param instrument  the instrument
   * @param size  signed size, base coin (exact decimal of the request's double)
   * @param price  price, quote unit
   * @param fee  fee, settlement currency
   * @param tradedAt  the venue time (receipt time when absent)
   */
  public record ValidFill(UUID accountId, String fillId, Instrument instrument, BigDecimal size, BigDecimal price, BigDecimal fee,
      Instant tradedAt) {
  }

  /**
   * Validates a fill.
   *
   * @param fill  the request
   * @param now  the receipt time (an instrument expired by then is rejected)
   * @return the validated fill
   * @throws InvalidInputException INVALID_ARGUMENT naming the field and the value
   */
  public static ValidFill validate(Fill fill, Instant now) {
    UUID accountId = RequestChecks.accountId("account_id", fill.getAccountId());
    String fillId = RequestChecks.clientId("fill_id", fill.getFillId());
    Instrument instrument = InstrumentMapper.fromProto(fill.getInstrument(), "instrument");
    if (instrument.isExpiredAt(now)) {
      throw InvalidInputException.invalid("instrument", instrument.name(),
          "expired at " + instrument.expiryTime().orElseThrow() + ": fills in expired instruments are not accepted");
    }
    PositionAccounting.validateFill(fill.getSize(), fill.getPrice(), fill.getFee());
    Instant tradedAt = fill.hasTime() ? ProtoTimes.toInstant(fill.getTime()) : now;
    return new ValidFill(accountId, fillId, instrument, PositionAccounting.decimal(fill.getSize()),
        PositionAccounting.decimal(fill.getPrice()), PositionAccounting.decimal(fill.getFee()), tradedAt);
  }

  /**
   * Whether a stored fill has the same content as a request (instrument, size, price, fee; times are ignored).
   *
   * @param stored  the stored fill
   * @param fill  the request
   * @return true for a genuine retry
   */
  public static boolean sameContent(FillEntity stored, ValidFill fill) {
    return stored.instrument.equals(fill.instrument().name())
        && stored.size.compareTo(fill.size()) == 0
        && stored.price.compareTo(fill.price()) == 0
        && stored.fee.compareTo(fill.fee()) == 0;
  }

  /**
   * Builds the result of an applied fill from what was stored.
   *
   * @param stored  the fill
   * @param flows  its cash flows
   * @param replayed  whether this answers a retry
   * @return the result
   */
  public static FillResult toResult(FillEntity stored, List<FillCashFlowEntity> flows, boolean replayed) {
    Position position = Position.newBuilder()
        .setInstrument(InstrumentMapper.toProto(InstrumentMapper.parseName(stored.instrument)))
        .setSize(stored.sizeAfter.doubleValue())
        .setAveragePrice(stored.averagePriceAfter.doubleValue())
        .setRealizedPnl(stored.realizedPnlAfter.doubleValue())
        .setFaceUsd(stored.faceUsdAfter.doubleValue())
        .setUpdatedAt(ProtoTimes.toProto(stored.appliedAt))
        .build();
    FillResult.Builder b = FillResult.newBuilder().setFillId(stored.fillId).setReplayed(replayed).setPosition(position);
    flows.forEach(f -> b.addCashFlows(AccountMapper.amount(f.asset, f.amount)));
    return b.build();
  }
}
