package io.levex.gateway.mapping;

import io.levex.api.convert.InstrumentMapper;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.Account;
import io.levex.api.v1.AssetAmount;
import io.levex.api.v1.MarginModel;
import io.levex.api.v1.Position;
import io.levex.gateway.repository.AccountEntity;
import io.levex.gateway.repository.CollateralBalanceEntity;
import io.levex.gateway.repository.PositionEntity;
import java.math.BigDecimal;
import java.util.List;

/**
 * Accounts and positions from entities to the API.
 */
public final class AccountMapper {

  private AccountMapper() {
  }

  /**
   * Converts an account with its balances.
   *
   * @param a  the account
   * @param balances  its balances
   * @return the API account
   */
  public static Account toProto(AccountEntity a, List<CollateralBalanceEntity> balances) {
    Account.Builder b = Account.newBuilder()
        .setAccountId(a.id.toString())
        .setName(a.name)
        .setTenant(a.tenant)
        .setMarginModel(MarginModel.valueOf(a.marginModel))
        .setCreatedAt(ProtoTimes.toProto(a.createdAt));
    balances.forEach(c -> b.addBalances(amount(c.asset, c.amount)));
    return b.build();
  }

  /**
   * Converts a position.
   *
   * @param p  the position
   * @return the API position
   */
  public static Position toProto(PositionEntity p) {
    return Position.newBuilder()
        .setInstrument(InstrumentMapper.toProto(InstrumentMapper.parseName(p.instrument)))
        .setSize(p.size.doubleValue())
        .setAveragePrice(p.averagePrice.doubleValue())
        .setRealizedPnl(p.realizedPnl.doubleValue())
        .setFaceUsd(p.faceUsd.doubleValue())
        .setUpdatedAt(ProtoTimes.toProto(p.updatedAt))
        .build();
  }

  /**
   * Builds an asset amount.
   *
   * @param asset  the asset
   * @param amount  the amount
   * @return the API amount
   */
  public static AssetAmount amount(String asset, BigDecimal amount) {
    return AssetAmount.newBuilder().setAsset(asset).setAmount(amount.doubleValue()).build();
  }
}
