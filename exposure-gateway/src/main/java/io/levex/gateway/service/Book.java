package io.levex.gateway.service;

import io.levex.core.basics.Asset;
import io.levex.gateway.repository.AccountEntity;
import io.levex.gateway.repository.PositionEntity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A consistent read of an account: the account, its cash balances and its open positions, as of one session.
 *
 * @param account  the account (detached)
 * @param balances  cash per asset
 * @param positions  open positions (size != 0), by instrument
 */
public record Book(AccountEntity account, Map<Asset, BigDecimal> balances, List<PositionEntity> positions) {

  /** Copies the collections. */
  public Book {
    balances = Map.copyOf(balances);
    positions = List.copyOf(positions);
  }
}
